package org.signkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV as spreadsheets write it: BOM, semicolons or tabs, CRLF inside quotes, other encodings; duplicates are errors. */
class CsvTest {

    @TempDir
    Path dir;

    @Test
    void anExcelExportWithBomSemicolonsAndCrlfInQuotesReads() throws Exception {
        Path f = dir.resolve("excel.csv");
        Files.write(f, ("\uFEFFcondition;note;acc\r\nnone;\"two\r\nlines\";0,9\r\ngeo;plain;0,8\r\n").getBytes(StandardCharsets.UTF_8));
        Csv.File csv = Csv.read(f);
        assertEquals(List.of("condition", "note", "acc"), csv.header());
        assertEquals(2, csv.rows().size());
        assertEquals("two\r\nlines", csv.rows().get(0).fields().get(1));
        assertEquals(List.of("geo", "plain", "0,8"), csv.rows().get(1).fields());
        assertEquals(4, csv.rows().get(1).line());
    }

    @Test
    void tabsAndLatin1WithTheEncodingGiven() throws Exception {
        Path f = dir.resolve("latin1.tsv");
        Files.write(f, "sinal\tsinalizador\nAÇÃO\tJoão\n".getBytes(StandardCharsets.ISO_8859_1));
        BadInputException e = assertThrows(BadInputException.class, () -> Csv.read(f));
        assertTrue(e.getMessage().contains("not UTF-8 text") && e.getMessage().contains("--encoding ISO-8859-1"), e.getMessage());
        Csv.File csv = Csv.read(f, StandardCharsets.ISO_8859_1);
        assertEquals(List.of("AÇÃO", "João"), csv.rows().get(0).fields());
    }

    @Test
    void duplicateHeadersRaggedRowsAndEmptyFilesAreErrors() throws Exception {
        Path dup = Files.writeString(dir.resolve("dup.csv"), "a,b,a\n1,2,3\n");
        assertTrue(assertThrows(BadInputException.class, () -> Csv.read(dup)).getMessage()
                .contains("the header names column 'a' twice (columns 1 and 3)"));
        Path ragged = Files.writeString(dir.resolve("ragged.csv"), "a,b\n1,2\n3\n");
        assertTrue(assertThrows(BadInputException.class, () -> Csv.read(ragged)).getMessage().contains("line 3 has 1 fields"));
        Path empty = Files.writeString(dir.resolve("empty.csv"), "");
        assertTrue(assertThrows(BadInputException.class, () -> Csv.read(empty)).getMessage().contains("empty file"));
    }

    @Test
    void writtenLinesQuoteOnlyWhatNeedsIt() {
        assertEquals("a,\"b,c\",\"say \"\"hi\"\"\",\"x\ny\"", Csv.line(List.of("a", "b,c", "say \"hi\"", "x\ny")));
    }
}
