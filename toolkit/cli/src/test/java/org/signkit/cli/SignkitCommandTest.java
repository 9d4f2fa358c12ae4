package org.signkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signkit.video.PatternVideo;
import org.signkit.video.Rational;

class SignkitCommandTest {

    @TempDir
    Path dir;


    @Test
    void helpListsEverySubcommandWithADescription() {
        String help = Console.out(0, "--help");
        for (String sub : new String[] {"synth", "probe", "frames", "augment", "bench"}) {
            assertTrue(help.matches("(?s).*\\n\\s+" + sub + "\\s+\\S.*"), sub + " missing from:\n" + help);
        }
    }

    @Test
    void versionNamesTheCommitTheCodeWasBuiltFrom() {
        String v = Console.out(0, "--version").strip();
        assertTrue(v.matches("signkit \\d+\\.\\d+\\.\\d+\\S* \\(commit [0-9a-f]{40}(, built with uncommitted changes)?\\)"), v);
        assertTrue(v.contains(org.signkit.core.Provenance.current().gitCommit()), v);
    }

    @Test
    void anOutputThatIsAFileIsBlamedOnTheOutputWithoutAStackTrace() throws Exception {
        Path video = dir.resolve("in2/HELLO/s1_1.mp4");
        PatternVideo.write(video, new PatternVideo.Spec(384, 96, new Rational(60, 1), 10, 0, false));
        Path file = java.nio.file.Files.writeString(dir.resolve("taken"), "x");
        String err = Console.err(2, "frames", dir.resolve("in2").toString(), "-o", file.toString(), "--fps", "20", "--size", "48");
        assertTrue(err.contains("taken: the output is a file, not a folder") && !err.contains("\tat "), err);
        String debug = Console.err(2, "frames", dir.resolve("in2").toString(), "-o", file.toString(), "--debug");
        assertTrue(debug.contains("\tat org.signkit.core.OutputFolder.prepare"), debug);
    }

    /** A clip given by its own name (no sign folder, no signer_take name) is extracted unlabelled at its true rate. */
    @Test
    void framesOnTheRealClipByItsOwnName() throws Exception {
        Path clip = null;
        for (String up : new String[] {"../shared", "../../shared", "../../../shared"}) {
            Path p = Path.of(up, "data/real/test_video.mp4");
            if (java.nio.file.Files.isRegularFile(p)) {
                clip = p;
            }
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(clip != null || "1".equals(System.getenv("SIGNKIT_REQUIRE_TOOLS")),
                "the shared real clip is not here");
        org.junit.jupiter.api.Assertions.assertNotNull(clip, "../shared/data/real/test_video.mp4 missing");
        String out = Console.out(0, "frames", clip.toString(), "-o", dir.resolve("real").toString(), "--fps", "source", "--size", "0");
        assertTrue(out.contains("58 frames from 1 videos"), out);
        java.util.List<org.signkit.core.FrameRecord> rows = org.signkit.core.FrameManifest.read(dir.resolve("real/manifest.csv"));
        assertEquals(58, rows.size());
        assertEquals(359.0 / 12, rows.get(0).captureFps(), 1e-4);
        assertEquals(org.signkit.video.VideoCatalog.UNLABELLED, rows.get(0).label());
    }

    @Test
    void framesAndProbeRunEndToEnd() throws Exception {
        Path video = dir.resolve("in/HELLO/s1_1.mp4");
        PatternVideo.write(video, new PatternVideo.Spec(384, 96, new Rational(60, 1), 60, 0, false));
        String out = Console.out(0, "frames", dir.resolve("in").toString(),
                "-o", dir.resolve("out").toString(), "--fps", "20", "--size", "48");
        assertTrue(out.contains("20 frames from 1 videos"), out);
        String json = Console.out(0, "probe", "--json", video.toString());
        assertTrue(json.contains("\"decodedFrames\" : 60"), json);
    }

    @Test
    void synthPreviewAndAFramesRunOnSyntheticVideos() throws Exception {
        Path sheet = dir.resolve("sheet.png");
        Console.out(0, "synth", "--preview", sheet.toString(), "--signs", "3");
        assertTrue(Files.size(sheet) > 10_000);
        String out = Console.out(0, "synth", "--out", dir.resolve("syn").toString(),
                "--signs", "2", "--signers", "1", "--takes", "1", "--capture", "30");
        assertTrue(out.contains("2 videos (0 already done)"), out);
        out = Console.out(0, "frames", dir.resolve("syn/videos/capture30").toString(),
                "-o", dir.resolve("frames").toString(), "--fps", "15", "--size", "112");
        assertTrue(out.contains("from 2 videos"), out);
        assertTrue(Files.readString(dir.resolve("frames/manifest.csv")).contains("OBRIGADO/s1_1/000000.jpg,OBRIGADO,s1,1"));

        Path preview = dir.resolve("aug.png");
        Console.out(0, "augment", "preview", "--pipeline", "geometric",
                "--in", dir.resolve("frames").toString(), "--out", preview.toString(), "--draws", "3");
        try (org.bytedeco.opencv.opencv_core.Mat grid = org.bytedeco.opencv.global.opencv_imgcodecs.imread(preview.toString())) {
            assertEquals(4 * 128, grid.cols(), "original + 3 draws");
            assertTrue(grid.rows() > 6 * 100, "5 transform rows + the pipeline row");
        }
        assertEquals(2, SignkitCommand.execute("augment", "preview", "--pipeline", "twirl", "--in", preview.toString(),
                "--out", dir.resolve("x.png").toString()));
    }

    @Test
    void brokenInputGivesExitCodeOneAndTheRestIsDone() throws Exception {
        PatternVideo.write(dir.resolve("in/HELLO/s1_1.mp4"), new PatternVideo.Spec(384, 96, new Rational(30, 1), 30, 0, false));
        Files.writeString(dir.resolve("in/HELLO/s2_1.mp4"), "junk");
        String out = Console.out(1, "frames", dir.resolve("in").toString(),
                "-o", dir.resolve("out").toString());
        assertTrue(out.contains("30 frames from 1 videos"), out);
    }

    @Test
    void badOptionsGiveUsageErrors() {
        assertEquals(2, SignkitCommand.execute("frames", dir.toString(), "-o", dir.resolve("o").toString(), "--fps", "fast"));
        assertEquals(2, SignkitCommand.execute("frames", dir.toString(), "-o", dir.resolve("o").toString(), "--square", "crop"));
    }
}
