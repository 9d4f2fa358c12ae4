package org.signkit.core;

import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.QuoteMode;

/**
 * CSV through Apache Commons CSV, as spreadsheets write it: a UTF-8 byte-order mark is dropped, the separator is
 * taken from the header line ({@code ,}, {@code ;} or tab: Excel in many locales writes {@code ;}), line breaks
 * inside quoted fields are kept as written (CRLF too), the encoding is the caller's, and a header naming a column
 * twice is an error. signkit writes RFC 4180 with {@code \n} line ends, quoting only fields that need it.
 */
public final class Csv {

    private static final CSVFormat WRITE = CSVFormat.RFC4180.builder().setRecordSeparator("\n").setQuoteMode(QuoteMode.MINIMAL).build();

    private Csv() {
    }

    /**
     * A CSV file read whole.
     *
     * @param file   the file
     * @param header the first record
     * @param rows   the other records, each with its line number
     */
    public record File(Path file, List<String> header, List<Row> rows) {

        /** The index of column {@code name}; an error naming the file, the columns and the option to fix. */
        public int column(String name, String option) {
            int i = header.indexOf(name);
            if (i < 0) {
                throw new BadInputException(file, "no column '" + name + "' (columns: " + header + ")", "fix " + option);
            }
            return i;
        }
    }

    /**
     * One record.
     *
     * @param line   the line it starts on (1 is the header)
     * @param fields its fields
     */
    public record Row(long line, List<String> fields) {
    }

    /** One CSV line (without the line break) from its fields. */
    public static String line(List<String> fields) {
        return WRITE.format(fields.stream().map(f -> f == null ? "" : f).toArray());
    }

    /** Reads a UTF-8 file. */
    public static File read(Path file) throws IOException {
        return read(file, StandardCharsets.UTF_8);
    }

    /** Reads a file in {@code charset}; empty files, undecodable text, duplicate headers and ragged rows are errors. */
    public static File read(Path file, Charset charset) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file, "file not found", "check the path");
        }
        String raw;
        try {
            raw = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new BadInputException(file, "not " + charset.name() + " text", "give its encoding, e.g. --encoding ISO-8859-1"
                    + " for a Latin-1 spreadsheet export");
        }
        if (raw.startsWith("\uFEFF")) {
            raw = raw.substring(1);
        }
        return parse(file, raw);
    }

    /**
     * Parses CSV text read from {@code file} (named in errors); callers that pre-process a file (a template's
     * {@code #} comment lines) parse here.
     */
    public static File parse(Path file, String raw) {
        if (raw.isBlank()) {
            throw new BadInputException(file, "empty file", "write a header row and one row per record");
        }
        char separator = separator(raw);
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(separator).setIgnoreEmptyLines(true).build();
        List<String> header = null;
        List<Row> rows = new ArrayList<>();
        try (Reader r = new java.io.StringReader(raw); CSVParser parser = CSVParser.parse(r, format)) {
            for (CSVRecord rec : parser) {
                List<String> fields = rec.toList();
                if (header == null) {
                    header = List.copyOf(fields);
                    for (int i = 0; i < header.size(); i++) {
                        int j = header.lastIndexOf(header.get(i));
                        if (j != i) {
                            throw new BadInputException(file, "the header names column '" + header.get(i) + "' twice (columns "
                                    + (i + 1) + " and " + (j + 1) + ")", "rename one of them");
                        }
                    }
                    continue;
                }
                long line = parser.getCurrentLineNumber();
                if (fields.size() != header.size()) {
                    throw new BadInputException(file, "line " + line + " has " + fields.size() + " fields, the header "
                            + header.size(), "fix that row");
                }
                rows.add(new Row(line, fields));
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw new BadInputException(file, "not valid CSV: " + e.getMessage(), "check the quotes in the file");
        }
        return new File(file, header, rows);
    }

    /** The separator of the header line: the most frequent of comma, semicolon and tab outside quotes. */
    private static char separator(String text) {
        int[] counts = new int[3];
        char[] candidates = {',', ';', '\t'};
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted) {
                for (int k = 0; k < 3; k++) {
                    counts[k] += c == candidates[k] ? 1 : 0;
                }
            }
        }
        int best = 0;
        for (int k = 1; k < 3; k++) {
            if (counts[k] > counts[best]) {
                best = k;
            }
        }
        return candidates[best];
    }
}
