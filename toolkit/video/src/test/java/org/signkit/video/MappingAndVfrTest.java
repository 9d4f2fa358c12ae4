package org.signkit.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.opencv.global.opencv_core;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signkit.core.FrameManifest;
import org.signkit.core.FrameRecord;

class MappingAndVfrTest {

    @TempDir
    Path dir;

    @Test
    void aCsvMappingLabelsVideosInAnyLayout() throws Exception {
        PatternVideo.Spec spec = new PatternVideo.Spec(TestVideos.W, TestVideos.H, new Rational(30, 1), 30, 0, false);
        PatternVideo.write(dir.resolve("in/VID_20201011_144142.mp4"), spec);
        PatternVideo.write(dir.resolve("in/day2/VID_20201012_090000.mp4"), spec);
        Path mapping = Files.writeString(dir.resolve("in/mapping.csv"),
                "video,sign,signer,take\nVID_20201011_144142.mp4,CARRO,ana,1\nday2/VID_20201012_090000.mp4,BANCO,joao,2\n");
        ExtractionSettings s = new ExtractionSettings(new Rational(10, 1), FpsRounding.NEAR, FrameGeometry.native_(),
                new ImageEncoding("jpg", 90));
        FrameExtractionJob.Summary summary = new FrameExtractionJob().run(
                new FrameExtractionJob.Request(dir.resolve("in"), dir.resolve("out"), mapping, s, 1), ExtractionListener.NONE);
        assertEquals(0, summary.failures(), summary.toString());
        List<FrameRecord> rows = FrameManifest.read(dir.resolve("out/manifest.csv"));
        assertEquals(20, rows.size());
        // Rows are ordered by source video path.
        assertEquals("CARRO/ana_1/000000.jpg", rows.get(0).framePath());
        assertEquals("VID_20201011_144142.mp4", rows.get(0).sourceVideo());
        assertEquals("BANCO/joao_2/000000.jpg", rows.get(10).framePath());
        assertEquals("day2/VID_20201012_090000.mp4", rows.get(10).sourceVideo());
    }

    @Test
    void anUnlistedVideoIsReportedWithTheRowToAdd() throws Exception {
        PatternVideo.write(dir.resolve("in/a.mp4"), new PatternVideo.Spec(TestVideos.W, TestVideos.H, new Rational(30, 1), 10, 0, false));
        Path mapping = Files.writeString(dir.resolve("map.csv"), "video,sign,signer,take\n");
        VideoCatalog.Listing l = VideoCatalog.list(dir.resolve("in"), mapping);
        assertEquals(1, l.problems().size());
        assertTrue(l.problems().get(0).getMessage().contains("add a row 'a.mp4,<sign>,<signer>,<take>'"),
                l.problems().get(0).getMessage());
    }

    private Path vfrVideo() throws Exception {
        Path v = dir.resolve("vfr.mp4");
        PatternVideo.writeVariableRate(v, TestVideos.W, TestVideos.H, 90);
        return v;
    }

    @Test
    void variableFrameRateIsFlaggedAndResampledByTimestamp() throws Exception {
        Path v = vfrVideo();
        VideoProbe p = VideoProber.probe(v);
        assertEquals(90, p.decodedFrames());
        assertTrue(p.variableFrameRate(), "frame durations " + p.minFrameMs() + ".." + p.maxFrameMs());
        assertEquals(1000.0 / 120, p.minFrameMs(), 0.01);
        assertEquals(1000.0 / 60, p.maxFrameMs(), 0.01);

        ExtractionSettings s = new ExtractionSettings(new Rational(30, 1), FpsRounding.NEAR, FrameGeometry.native_(),
                new ImageEncoding("png", 90));
        LabeledVideo lv = new LabeledVideo(v, "vfr.mp4", new org.signkit.core.SampleLabel("X", "s1", "1"));
        List<Integer> ours = new FrameExtractor(s).extract(lv, dir.resolve("out"), 1).rows().stream()
                .map(r -> (int) r.sourceFrameIndex()).toList();
        if (TestVideos.ffmpegAvailable()) {
            assertEquals(TestVideos.ffmpegSelection(v, "30", TestVideos.W, TestVideos.H), ours, "VFR selection vs ffmpeg");
        }
        // Timestamps, not indices, decide: 90 frames over ~1.25 s give ~37 frames at 30 FPS, not 45 or 90.
        assertTrue(Math.abs(ours.size() - 38) <= 1, "frames at 30 FPS: " + ours.size());
        assertFalse(ours.stream().distinct().count() < ours.size() - 2, "few repeats");
    }
}
