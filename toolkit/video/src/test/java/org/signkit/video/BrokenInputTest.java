package org.signkit.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signkit.core.BadInputException;
import org.signkit.core.FrameManifest;

/** Every kind of broken input is reported with its path and reason, and the other videos go on. */
class BrokenInputTest {

    @TempDir
    Path dir;

    @Test
    void brokenInputsAreReportedAndTheRestIsExtracted() throws Exception {
        Path in = dir.resolve("in");
        Path sign = in.resolve("HELLO");
        PatternVideo.Spec spec = new PatternVideo.Spec(TestVideos.W, TestVideos.H, new Rational(30, 1), 30, 0, false);
        PatternVideo.write(sign.resolve("s1_1.mp4"), spec);
        PatternVideo.write(sign.resolve("s1_2.mp4"), spec);
        Files.createFile(sign.resolve("s2_1.mp4"));
        byte[] good = Files.readAllBytes(sign.resolve("s1_1.mp4"));
        Files.write(sign.resolve("s3_1.mp4"), Arrays.copyOf(good, good.length / 2));
        Files.writeString(sign.resolve("s4_1.mp4"), "this is not a video\n");
        writeAudioOnly(sign.resolve("s5_1.mp4"));
        Files.writeString(sign.resolve("notes.txt"), "recorded on a Tuesday\n");
        PatternVideo.write(in.resolve("loose.mp4"), spec);
        PatternVideo.write(sign.resolve("nounderscore.mp4"), spec);

        ExtractionSettings s = new ExtractionSettings(new Rational(15, 1), FpsRounding.NEAR, FrameGeometry.native_(),
                new ImageEncoding("jpg", 90));
        FrameExtractionJob.Summary summary = new FrameExtractionJob().run(
                new FrameExtractionJob.Request(in, dir.resolve("out"), null, s, 2), ExtractionListener.NONE);

        Map<String, VideoOutcome> byVideo = summary.outcomes().stream()
                .collect(Collectors.toMap(VideoOutcome::video, Function.identity()));
        assertEquals(VideoOutcome.Status.EXTRACTED, byVideo.get("HELLO/s1_1.mp4").status());
        assertEquals(VideoOutcome.Status.EXTRACTED, byVideo.get("HELLO/s1_2.mp4").status());
        assertFailed(byVideo, "HELLO/s2_1.mp4", "empty file");
        assertFailed(byVideo, "HELLO/s3_1.mp4", "not a readable video");
        assertFailed(byVideo, "HELLO/s4_1.mp4", "not a readable video");
        assertFailed(byVideo, "HELLO/s5_1.mp4", "no video stream");
        assertEquals(2, summary.problems().size(), summary.problems().toString());
        assertTrue(summary.problems().stream().anyMatch(p -> p.contains("loose.mp4") && p.contains("not inside a sign folder")));
        assertTrue(summary.problems().stream().anyMatch(p -> p.contains("nounderscore.mp4") && p.contains("signer and take")));
        assertEquals(List.of(sign.resolve("notes.txt").toString()), summary.ignored());
        assertEquals(6, summary.failures());
        assertEquals(30, FrameManifest.read(dir.resolve("out/manifest.csv")).size(), "15 frames from each good video");
        assertTrue(Files.readString(dir.resolve("out/dataset.json")).contains("s4_1.mp4"), "failures are recorded");
        try (var walk = Files.walk(dir.resolve("out"))) {
            assertTrue(walk.noneMatch(p -> p.toString().endsWith(".partial")), "no half-written folder is left");
        }
    }

    @Test
    void corruptedPacketsAreNotSilentlyAccepted() throws Exception {
        Path video = dir.resolve("in/HELLO/s1_1.mp4");
        PatternVideo.write(video, new PatternVideo.Spec(TestVideos.W, TestVideos.H, new Rational(30, 1), 60, 0, true));
        byte[] bytes = Files.readAllBytes(video);
        // Cut the tail off: the index (moov) goes with it, as when a phone transfer stops midway.
        Files.write(video, Arrays.copyOf(bytes, bytes.length - 200));
        ExtractionSettings s = new ExtractionSettings(new Rational(15, 1), FpsRounding.NEAR, FrameGeometry.native_(),
                new ImageEncoding("jpg", 90));
        LabeledVideo v = new LabeledVideo(video, "HELLO/s1_1.mp4", new org.signkit.core.SampleLabel("HELLO", "s1", "1"));
        BadInputException e = org.junit.jupiter.api.Assertions.assertThrows(BadInputException.class,
                () -> new FrameExtractor(s).extract(v, dir.resolve("out"), 1));
        assertTrue(e.getMessage().startsWith(video.toString()), e.getMessage());
        assertTrue(e.fix() != null && !e.fix().isEmpty());
    }

    private static void assertFailed(Map<String, VideoOutcome> byVideo, String video, String reason) {
        VideoOutcome o = byVideo.get(video);
        assertEquals(VideoOutcome.Status.FAILED, o.status(), video);
        assertTrue(o.error().contains(video.substring(video.indexOf('/') + 1)) && o.error().contains(reason),
                video + ": " + o.error());
        assertTrue(o.error().contains("fix:"), o.error());
    }

    private static void writeAudioOnly(Path file) throws Exception {
        try (FFmpegFrameRecorder rec = new FFmpegFrameRecorder(file.toFile(), 1)) {
            rec.setFormat("mp4");
            rec.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
            rec.setSampleRate(44100);
            rec.start();
            short[] tone = new short[44100];
            for (int i = 0; i < tone.length; i++) {
                tone[i] = (short) (8000 * Math.sin(i * 2 * Math.PI * 440 / 44100));
            }
            rec.recordSamples(44100, 1, ShortBuffer.wrap(tone));
            rec.stop();
        }
    }
}
