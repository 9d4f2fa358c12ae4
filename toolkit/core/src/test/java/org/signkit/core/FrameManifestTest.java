package org.signkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrameManifestTest {

    @TempDir
    Path dir;

    @Test
    void rowsSurviveARoundTripIncludingAwkwardNames() throws Exception {
        List<FrameRecord> rows = List.of(
                new FrameRecord("OBRIGADO/s1_1/000000.jpg", new SampleLabel("OBRIGADO", "s1", "1"), "OBRIGADO/s1_1.mp4",
                        1, 0.016667, 60, "30", false),
                new FrameRecord("BOM, DIA/ana \"x\"_2/000001.jpg", new SampleLabel("BOM, DIA", "ana \"x\"", "2"),
                        "BOM, DIA/ana \"x\"_2.mov", 4, 0.066667, 59.9401, "30000/1001", true));
        Path file = dir.resolve("manifest.csv");
        FrameManifest.write(file, rows);
        assertEquals(rows, FrameManifest.read(file));
        assertTrue(Files.readString(file).startsWith(String.join(",", FrameRecord.COLUMNS) + "\n"));
    }

    @Test
    void aForeignCsvIsRejectedWithTheFileName() throws Exception {
        Path file = Files.writeString(dir.resolve("other.csv"), "a,b\n1,2\n");
        BadInputException e = assertThrows(BadInputException.class, () -> FrameManifest.read(file));
        assertEquals(file, e.file());
    }

    @Test
    void aMalformedRowNamesItsLine() throws Exception {
        Path file = dir.resolve("m.csv");
        Files.writeString(file, String.join(",", FrameRecord.COLUMNS) + "\nx.jpg,A,s1,1,v.mp4,notanumber,0,30,30,false\n");
        BadInputException e = assertThrows(BadInputException.class, () -> FrameManifest.read(file));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }
}
