package org.signkit.video;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signkit.core.AtomicFiles;

/** A rerun reuses finished videos, redoes half-done ones and ends with the same manifest. */
class ResumeTest {

    @TempDir
    Path dir;

    private static final ExtractionSettings AT_15 = new ExtractionSettings(new Rational(15, 1), FpsRounding.NEAR,
            new FrameGeometry(48, FrameGeometry.Square.NONE), new ImageEncoding("jpg", 90));

    @Test
    void rerunAfterAnInterruptionEndsWithTheSameManifest() throws Exception {
        Path in = dir.resolve("in");
        for (String name : new String[] {"A/s1_1.mp4", "A/s2_1.mp4", "B/s1_1.mp4"}) {
            PatternVideo.write(in.resolve(name), new PatternVideo.Spec(TestVideos.W, TestVideos.H, new Rational(30, 1), 45, 0, false));
        }
        Path out = dir.resolve("out");
        FrameExtractionJob job = new FrameExtractionJob();
        job.run(new FrameExtractionJob.Request(in, out, null, AT_15, 2), ExtractionListener.NONE);
        byte[] complete = Files.readAllBytes(out.resolve("manifest.csv"));

        // What a kill during the second video leaves: its folder half-filled under .partial, no manifest.
        AtomicFiles.deleteRecursively(out.resolve("A/s2_1"));
        Files.createDirectories(out.resolve("A/s2_1.partial"));
        Files.write(out.resolve("A/s2_1.partial/000000.jpg"), new byte[] {1, 2, 3});
        Files.delete(out.resolve("manifest.csv"));

        FrameExtractionJob.Summary rerun = job.run(new FrameExtractionJob.Request(in, out, null, AT_15, 2),
                ExtractionListener.NONE);
        Map<String, VideoOutcome.Status> status = rerun.outcomes().stream()
                .collect(Collectors.toMap(VideoOutcome::video, VideoOutcome::status));
        assertEquals(Map.of("A/s1_1.mp4", VideoOutcome.Status.REUSED, "A/s2_1.mp4", VideoOutcome.Status.EXTRACTED,
                "B/s1_1.mp4", VideoOutcome.Status.REUSED), status);
        assertArrayEquals(complete, Files.readAllBytes(out.resolve("manifest.csv")));
        assertFalse(Files.exists(out.resolve("A/s2_1.partial")));
    }

    @Test
    void changedSettingsOrInputsAreExtractedAgain() throws Exception {
        Path video = dir.resolve("in/A/s1_1.mp4");
        PatternVideo.Spec spec = new PatternVideo.Spec(TestVideos.W, TestVideos.H, new Rational(30, 1), 30, 0, false);
        PatternVideo.write(video, spec);
        Path out = dir.resolve("out");
        FrameExtractionJob job = new FrameExtractionJob();
        job.run(new FrameExtractionJob.Request(dir.resolve("in"), out, null, AT_15, 1), ExtractionListener.NONE);

        ExtractionSettings at10 = new ExtractionSettings(new Rational(10, 1), AT_15.rounding(), AT_15.geometry(), AT_15.encoding());
        FrameExtractionJob.Summary s = job.run(new FrameExtractionJob.Request(dir.resolve("in"), out, null, at10, 1),
                ExtractionListener.NONE);
        assertEquals(VideoOutcome.Status.EXTRACTED, s.outcomes().get(0).status());
        assertEquals(10, s.frames());

        PatternVideo.write(video, new PatternVideo.Spec(TestVideos.W, TestVideos.H, new Rational(30, 1), 60, 0, false));
        s = job.run(new FrameExtractionJob.Request(dir.resolve("in"), out, null, at10, 1), ExtractionListener.NONE);
        assertEquals(VideoOutcome.Status.EXTRACTED, s.outcomes().get(0).status(), "a changed video is redone");
        assertEquals(20, s.frames());
        try (var files = Files.list(out.resolve("A/s1_1"))) {
            assertEquals(22, files.count(), "20 frames + frames.csv + video.json, nothing stale");
        }
    }
}
