package org.signkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signkit.core.FrameManifest;
import org.signkit.core.FrameRecord;

/** {@code signkit segment} and {@code signkit background} on synthetic videos turned into frames by the CLI. */
class SegmentCommandTest {

    @TempDir
    static Path dir;

    private static Path frames;
    private static Path truth;
    private static int frameCount;

    @BeforeAll
    static void framesFromSyntheticVideos() throws Exception {
        Console.out(0, "synth", "--out", dir.resolve("syn").toString(), "--signs", "2", "--signers", "2", "--takes", "1",
                "--capture", "30", "--size", "144x256");
        frames = dir.resolve("frames");
        // Two thirds of the capture size: scoring scales the masks back to the truth's size.
        Console.out(0, "frames", dir.resolve("syn/videos/capture30").toString(), "-o", frames.toString(), "--fps", "10",
                "--size", "96");
        truth = dir.resolve("syn/truth/capture30");
        frameCount = FrameManifest.read(frames.resolve("manifest.csv")).size();
    }

    @Test
    void scoresMethodsAgainstTheTruth() {
        String out = Console.out(0, "segment", frames.toString(), "--method", "plate,mog2", "--score", "--truth", truth.toString());
        String[] plate = line(out, "plate");
        assertEquals(frameCount, Integer.parseInt(plate[1]));
        assertTrue(Double.parseDouble(plate[2]) >= 0.9 && Double.parseDouble(plate[3]) >= 0.9, out);
        String[] mog2 = line(out, "mog2");
        assertTrue(Double.parseDouble(mog2[2]) < Double.parseDouble(plate[2]), out);
    }

    @Test
    void writesOneMaskPerFrameAndResumes() throws Exception {
        Path masks = dir.resolve("masks");
        Console.out(0, "segment", frames.toString(), "--masks", masks.toString(), "--smooth", "1", "--truth", truth.toString());
        try (Stream<Path> s = Files.walk(masks)) {
            assertEquals(frameCount, s.filter(p -> p.toString().endsWith(".png")).count());
        }
        String again = Console.out(0, "segment", frames.toString(), "--masks", masks.toString(), "--truth", truth.toString());
        assertTrue(again.contains("(4 takes already done)"), again);
    }

    @Test
    void backgroundWritesATrainableFrameSetLinkedToSourcesAndScenes() throws Exception {
        Path out = dir.resolve("bg");
        String s = Console.out(0, "background", frames.toString(), "-o", out.toString(), "--count", "2", "--size", "40x40",
                "--truth", truth.toString());
        assertTrue(s.contains(frameCount + " frames x 2 scenes"), s);
        List<FrameRecord> rows = FrameManifest.read(out.resolve("manifest.csv"));
        assertEquals(2 * frameCount, rows.size());
        rows.forEach(r -> assertTrue(Files.isRegularFile(out.resolve(r.framePath())), r.framePath()));
        List<String> composites = Files.readAllLines(out.resolve("composites.csv"));
        assertEquals("frame_path,source_frame_path,scene,method", composites.get(0));
        assertEquals(2 * frameCount + 1, composites.size());
        assertTrue(composites.get(1).startsWith(rows.get(0).framePath() + ","), composites.get(1));
        String rerun = Console.out(0, "background", frames.toString(), "-o", out.toString(), "--count", "2", "--size", "40x40",
                "--truth", truth.toString());
        assertTrue(rerun.contains("(0 written, 4 takes already done)"), rerun);
    }

    @Test
    void badRequestsAreNamed() {
        assertTrue(Console.err(2, "segment", frames.toString(), "--method", "deeplab", "--score", "--truth", truth.toString())
                .contains("unknown segmentation method 'deeplab'"));
        assertTrue(Console.err(2, "segment", frames.toString(), "--score").contains("--truth"));
        assertTrue(Console.err(2, "segment", dir.resolve("none").toString(), "--score").contains("signkit frames"));
        String err = Console.err(2, "background", frames.toString(), "-o", dir.resolve("x").toString(), "--scenes",
                dir.resolve("noscenes").toString());
        assertTrue(err.contains("noscenes") && err.contains("builtin"), err);
    }

    private static String[] line(String out, String method) {
        return out.lines().filter(l -> l.startsWith(method + " ")).findFirst().orElseThrow().trim().split("\\s+");
    }
}
