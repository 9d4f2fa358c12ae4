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
    void aSubsetOfSignsExtractsOnlyTheirVideosWithTheSameRows() throws Exception {
        Path in = dir.resolve("in");
        for (String name : new String[] {"A/s1_1.mp4", "B/s1_1.mp4", "C/s1_1.mp4"}) {
            PatternVideo.write(in.resolve(name), new PatternVideo.Spec(TestVideos.W, TestVideos.H, new Rational(30, 1), 30, 0, false));
        }
        FrameExtractionJob job = new FrameExtractionJob();
        job.run(new FrameExtractionJob.Request(in, dir.resolve("all"), null, AT_15, 2), ExtractionListener.NONE);
        FrameExtractionJob.Summary some = job.run(new FrameExtractionJob.Request(in, dir.resolve("some"), null, AT_15, 2,
                java.util.Set.of("A", "C")), ExtractionListener.NONE);
        assertEquals(java.util.List.of("A/s1_1.mp4", "C/s1_1.mp4"), some.outcomes().stream().map(VideoOutcome::video).toList());
        assertFalse(Files.exists(dir.resolve("some/B")));
        java.util.List<String> all = Files.readAllLines(dir.resolve("all/manifest.csv"));
        java.util.List<String> kept = Files.readAllLines(dir.resolve("some/manifest.csv"));
        assertEquals(all.stream().filter(l -> !l.startsWith("B/")).toList(), kept);
        String frame = kept.get(kept.size() - 1).split(",")[0];
        assertArrayEquals(Files.readAllBytes(dir.resolve("all").resolve(frame)), Files.readAllBytes(dir.resolve("some").resolve(frame)));
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

    @Test
    void aFinishedTakeWithAFrameMissingOrChangedIsRedoneAndSaysSo() throws Exception {
        Path in = dir.resolve("in");
        PatternVideo.write(in.resolve("A/s1_1.mp4"), new PatternVideo.Spec(TestVideos.W, TestVideos.H, new Rational(30, 1), 45, 0, false));
        Path out = dir.resolve("out");
        FrameExtractionJob job = new FrameExtractionJob();
        job.run(new FrameExtractionJob.Request(in, out, null, AT_15, 1), ExtractionListener.NONE);
        byte[] frame = Files.readAllBytes(out.resolve("A/s1_1/000003.jpg"));
        Files.delete(out.resolve("A/s1_1/000003.jpg"));
        VideoOutcome missing = job.run(new FrameExtractionJob.Request(in, out, null, AT_15, 1), ExtractionListener.NONE).outcomes().get(0);
        assertEquals(VideoOutcome.Status.REDONE, missing.status());
        assertEquals("a frame of the finished take is missing", missing.error());
        assertArrayEquals(frame, Files.readAllBytes(out.resolve("A/s1_1/000003.jpg")));
        Files.write(out.resolve("A/s1_1/000001.jpg"), new byte[] {1, 2, 3});
        VideoOutcome changed = job.run(new FrameExtractionJob.Request(in, out, null, AT_15, 1), ExtractionListener.NONE).outcomes().get(0);
        assertEquals(VideoOutcome.Status.REDONE, changed.status());
        assertEquals(VideoOutcome.Status.REUSED,
                job.run(new FrameExtractionJob.Request(in, out, null, AT_15, 1), ExtractionListener.NONE).outcomes().get(0).status());
    }

    @Test
    void aSecondWriterIsStoppedAndAStaleLockTakenOver() throws Exception {
        Path in = dir.resolve("in");
        PatternVideo.write(in.resolve("A/s1_1.mp4"), new PatternVideo.Spec(TestVideos.W, TestVideos.H, new Rational(30, 1), 15, 0, false));
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        // A live process owns the folder: this JVM's parent (the build) stands in for another signkit run.
        long live = ProcessHandle.current().parent().map(ProcessHandle::pid).orElseThrow();
        Files.writeString(out.resolve(org.signkit.core.OutputLock.FILE_NAME), live + "\nsignkit frames other\n2026-12-02T00:00:00Z\n");
        FrameExtractionJob job = new FrameExtractionJob();
        org.signkit.core.BadInputException e = org.junit.jupiter.api.Assertions.assertThrows(org.signkit.core.BadInputException.class,
                () -> job.run(new FrameExtractionJob.Request(in, out, null, AT_15, 1), ExtractionListener.NONE));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("in use by another signkit run: PID " + live
                + " (signkit frames other"), e.getMessage());
        // A killed owner leaves a stale lock: taken over, said, and released at the end.
        Files.writeString(out.resolve(org.signkit.core.OutputLock.FILE_NAME), "2147483646\nsignkit frames killed\nx\n");
        java.util.List<String> notes = new java.util.ArrayList<>();
        job.run(new FrameExtractionJob.Request(in, out, null, AT_15, 1), new ExtractionListener() {
            @Override
            public void videoDone(VideoOutcome outcome, int done, int total, long framesSoFar) {
            }

            @Override
            public void note(String message) {
                notes.add(message);
            }
        });
        org.junit.jupiter.api.Assertions.assertTrue(notes.get(0).contains("a stale lock of PID 2147483646 (signkit frames killed) was taken over"),
                notes.toString());
        assertFalse(Files.exists(out.resolve(org.signkit.core.OutputLock.FILE_NAME)));
    }
}
