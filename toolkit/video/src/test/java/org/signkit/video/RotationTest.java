package org.signkit.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.signkit.core.FrameManifest;
import org.signkit.core.FrameRecord;

/** Phone videos store landscape pixels plus a display rotation; frames must come out upright. */
class RotationTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(ints = {0, 90, 180, 270})
    void framesComeOutUpright(int rotation) throws Exception {
        int w = TestVideos.W;
        int h = 192;
        Path video = dir.resolve("in/HELLO/s1_1.mp4");
        PatternVideo.write(video, new PatternVideo.Spec(w, h, new Rational(30, 1), 12, rotation, true));
        assertEquals(rotation, VideoProber.probe(video).stream().rotation());

        ExtractionSettings s = new ExtractionSettings(new Rational(15, 1), FpsRounding.NEAR, FrameGeometry.native_(),
                new ImageEncoding("png", 90));
        new FrameExtractionJob().run(new FrameExtractionJob.Request(dir.resolve("in"), dir.resolve("out"), null, s, 1),
                ExtractionListener.NONE);
        List<FrameRecord> rows = FrameManifest.read(dir.resolve("out/manifest.csv"));
        assertEquals(6, rows.size());
        for (FrameRecord r : rows) {
            try (Mat img = opencv_imgcodecs.imread(dir.resolve("out").resolve(r.framePath()).toString())) {
                assertEquals(w, img.cols(), "upright width");
                assertEquals(h, img.rows(), "upright height");
                assertEquals(r.sourceFrameIndex(), PatternVideo.readIndex(img, 1.0), "index blocks on top");
                // The red marker sits in the bottom-left corner of the upright picture.
                int b = img.ptr(h - 10, 10).get(0) & 0xff;
                int red = img.ptr(h - 10, 10).get(2) & 0xff;
                assertTrue(red > 180 && b < 90, "red marker bottom-left, got b=" + b + " r=" + red);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"crop", "pad"})
    void squareOutputsHaveTheRequestedSide(String mode) throws Exception {
        Path video = dir.resolve("in/HELLO/s1_1.mp4");
        PatternVideo.write(video, new PatternVideo.Spec(720, 1280, new Rational(30, 1), 4, 90, true));
        ExtractionSettings s = new ExtractionSettings(null, FpsRounding.NEAR,
                new FrameGeometry(224, FrameGeometry.Square.valueOf(mode.toUpperCase())), new ImageEncoding("jpg", 90));
        new FrameExtractionJob().run(new FrameExtractionJob.Request(video, dir.resolve("out"), null, s, 1),
                ExtractionListener.NONE);
        try (Mat img = opencv_imgcodecs.imread(dir.resolve("out/HELLO/s1_1/000000.jpg").toString())) {
            assertEquals(224, img.cols());
            assertEquals(224, img.rows());
            // Padding a portrait frame leaves black bars left and right; cropping does not.
            int left = img.ptr(112, 2).get(1) & 0xff;
            assertEquals(mode.equals("pad"), left < 20, "left column value " + left);
        }
    }
}
