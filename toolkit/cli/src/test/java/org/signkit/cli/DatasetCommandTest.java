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
    }

}
