package org.signkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signkit.video.PatternVideo;
import org.signkit.video.Rational;

class DatasetCommandTest {

    @TempDir
    Path dir;

    @Test
    void initImportCheckSplitAndARefusedRelease() throws Exception {
        Files.writeString(dir.resolve("signs.txt"), "# vocabulary\nHELLO\nTHANKS\n");
        Path ds = dir.resolve("ds");
        assertEquals(0, SignkitCommand.execute("dataset", "init", ds.toString(), "--language", "LSX", "--country", "XX",
                "--signs", dir.resolve("signs.txt").toString()));
        for (String v : new String[] {"HELLO/s1_1.mp4", "HELLO/s1_2.mp4", "THANKS/s1_1.mp4"}) {
            PatternVideo.write(dir.resolve("phone").resolve(v), new PatternVideo.Spec(96, 160, new Rational(30, 1), 30, 0, false));
        }
        assertEquals(0, SignkitCommand.execute("dataset", "import", ds.toString(), "--from", dir.resolve("phone").toString()));
        String out = Console.out(1, "dataset", "check", ds.toString());
        assertTrue(out.contains("P4") && out.contains("record every sign with at least one more interpreter"), out);
        assertTrue(Files.isRegularFile(ds.resolve("qa/report.html")));
        assertEquals(0, SignkitCommand.execute("dataset", "split", ds.toString(), "--by", "take", "--test", "0.5"));
        assertEquals(1, SignkitCommand.execute("dataset", "release", ds.toString(), "--version", "1.0"));
        assertEquals(2, SignkitCommand.execute("dataset", "init", dir.resolve("ds2").toString(), "--language", "L",
                "--country", "XX", "--signs", dir.resolve("missing.txt").toString()));
        var json = org.signkit.core.Json.mapper().readTree(Console.out(1, "dataset", "check", ds.toString(), "--json"));
        assertTrue(json.path("findings").isArray() && json.path("findings").size() > 0, json.toString());

        // Fixes without hand-editing import.csv: a take filed under the wrong sign, a take to drop.
        assertTrue(Console.out(0, "dataset", "relabel", ds.toString(), "videos/train/THANKS/s1_1.mp4", "--sign", "HELLO", "--signer",
                "s1", "--take", "3").contains("-> videos/train/HELLO/s1_3.mp4"));
        assertEquals(0, SignkitCommand.execute("dataset", "remove", ds.toString(), "videos/train/HELLO/s1_2.mp4"));
        assertTrue(Files.isRegularFile(ds.resolve("videos/train/HELLO/s1_3.mp4")));
        assertTrue(!Files.exists(ds.resolve("videos/train/THANKS/s1_1.mp4")) && !Files.exists(ds.resolve("videos/train/HELLO/s1_2.mp4")));
        assertEquals(java.util.List.of("videos/train/HELLO/s1_1.mp4", "videos/train/HELLO/s1_3.mp4"),
                org.signkit.dataset.ImportIndex.read(new org.signkit.dataset.DatasetLayout(ds)).stream()
                        .map(org.signkit.dataset.ImportedVideo::path).toList());
        assertTrue(Console.err(2, "dataset", "remove", ds.toString(), "videos/train/NOPE/s1_1.mp4").contains("no video"));
        // The index still matches the disk: the check finds nothing missing or changed.
        assertTrue(!Console.out(1, "dataset", "check", ds.toString()).contains("missing on disk"));
    }

}
