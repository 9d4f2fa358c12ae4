package org.signkit.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signkit.augment.AugmentationPipeline;
import org.signkit.augment.FillMode;
import org.signkit.augment.Range;
import org.signkit.augment.Shift;
import org.signkit.core.BadInputException;
import org.signkit.core.FrameRecord;
import org.signkit.core.SampleLabel;
import org.signkit.hands.FrameHands;
import org.signkit.hands.HandObservation;
import org.signkit.hands.HandsFile;
import org.signkit.hands.HandsMethod;
import org.signkit.hands.ImageBox;

/** The motion frame stream: which frames stand beside each frame, and what the three channels show. */
class MotionFramesTest {

    @TempDir
    Path dir;

    /** Take {@code take} at 20 FPS, {@code n} frames from {@code start} s; frame i is a flat grey of 20 + 20 i. */
    private List<FrameRecord> take(String take, int n, double start) {
        List<FrameRecord> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String path = "A/s1_" + take + "/" + i + ".png";
            try (Mat m = new Mat(40, 40, opencv_core.CV_8UC3, new Scalar(20 + 20 * i, 20 + 20 * i, 20 + 20 * i, 0))) {
                dir.resolve(path).getParent().toFile().mkdirs();
                opencv_imgcodecs.imwrite(dir.resolve(path).toString(), m);
            }
            rows.add(new FrameRecord(path, new SampleLabel("A", "s1", take), "A/s1_" + take + ".mp4", i * 3L,
                    start + i * 0.05, 60, "20", false));
        }
        return rows;
    }

    private FrameSet set(List<FrameRecord> rows) {
        return new FrameSet(dir.resolve("manifest.csv"), "x", rows);
    }

    @Test
    void eachFrameStandsBetweenTheFramesTheGapBeforeAndAfterItInItsOwnTake() {
        List<FrameRecord> one = take("1", 6, 1.0);
        List<FrameRecord> rows = new ArrayList<>(one);
        rows.addAll(take("2", 3, 1.0));
        // Manifest order is not time order.
        java.util.Collections.reverse(rows);
        MotionFrames m = MotionFrames.of(set(rows), 0.1);
        // 0.1 s is two frames at 20 FPS; near the ends the first or last kept frame stands in.
        assertArrayEquals(new String[] {one.get(0).framePath(), one.get(2).framePath()}, m.neighbours().get(one.get(0).framePath()));
        assertArrayEquals(new String[] {one.get(1).framePath(), one.get(5).framePath()}, m.neighbours().get(one.get(3).framePath()));
        assertArrayEquals(new String[] {one.get(3).framePath(), one.get(5).framePath()}, m.neighbours().get(one.get(5).framePath()));
        // Take 2 has its own frames only.
        assertTrue(m.neighbours().get("A/s1_2/1.png")[0].startsWith("A/s1_2/"));
        assertTrue(m.neighbours().get("A/s1_2/1.png")[1].startsWith("A/s1_2/"));
    }

    private static double channelMean(Mat canvas, int channel, Rect r) {
        try (Mat roi = new Mat(canvas, r)) {
            return opencv_core.mean(roi).get(channel);
        }
    }

    private HandStreams layout(FrameSet set, FrameRecord row) {
        Map<String, FrameHands> hands = new TreeMap<>();
        for (FrameRecord r : set.frames()) {
            hands.put(r.framePath(), new FrameHands(new ImageBox(10, 0, 30, 15), 1,
                    HandObservation.of(new ImageBox(5, 25, 15, 35), 1), HandObservation.ABSENT));
        }
        return new HandStreams(32, 16, HandsFile.of(HandsMethod.TRUTH, "right", "x", hands), Path.of("hands.json"),
                MotionFrames.of(set, 0.1));
    }

    @Test
    void theFrameStreamHoldsTheInstantsBeforeAtAndAfterInGreyAndTheHandCropStaysInColour() {
        List<FrameRecord> rows = take("1", 6, 0);
        FrameSet set = set(rows);
        FrameRecord row = rows.get(3);
        // The frame itself, as the caller decodes it, in colour (blue 200, green 10, red 10) with a white hand.
        try (Mat frame = new Mat(40, 40, opencv_core.CV_8UC3, new Scalar(200, 10, 10, 0));
             Mat hand = new Mat(frame, new Rect(5, 25, 10, 10))) {
            hand.put(new Scalar(255, 255, 255, 0));
            try (Mat canvas = layout(set, row).render(row, frame, null, 0, 0)) {
                Rect corner = new Rect(20, 0, 8, 8);
                assertEquals(20 + 20 * 1, channelMean(canvas, 0, corner), 1, "0.1 s before: frame 1");
                assertEquals(20 + 20 * 5, channelMean(canvas, 2, corner), 1, "0.1 s after: frame 5");
                // The frame's own instant is its grey: 0.114 B + 0.587 G + 0.299 R.
                assertEquals(0.114 * 200 + 0.587 * 10 + 0.299 * 10, channelMean(canvas, 1, corner), 1, "now, in grey");
                // The hand crop keeps the colour frame: the white hand in its centre.
                assertTrue(channelMean(canvas, 2, new Rect(32 + 6, 6, 4, 4)) > 250, "colour hand crop");
            }
        }
    }

    @Test
    void theNeighboursMoveWithTheFrameUnderAGeometricAugmentation() {
        List<FrameRecord> rows = take("1", 6, 0);
        FrameSet set = set(rows);
        FrameRecord row = rows.get(3);
        // Frame 1 (before) gets a white square on the left; a shift of a quarter of the width moves it right.
        try (Mat before = opencv_imgcodecs.imread(dir.resolve(rows.get(1).framePath()).toString());
             Mat square = new Mat(before, new Rect(0, 10, 10, 10))) {
            square.put(new Scalar(255, 255, 255, 0));
            opencv_imgcodecs.imwrite(dir.resolve(rows.get(1).framePath()).toString(), before);
        }
        AugmentationPipeline shift = new AugmentationPipeline("shift", List.of(
                new Shift(Shift.Axis.WIDTH, new Range(-0.25, -0.25), 1.0, FillMode.CONSTANT, 0)));
        try (Mat frame = opencv_imgcodecs.imread(dir.resolve(row.framePath()).toString());
             Mat canvas = layout(set, row).render(row, frame, shift, 1, 1)) {
            // 40 px frames at 32 px: the square at x 0..10 moves to 10..20, i.e. 8..16 in the stream.
            assertTrue(channelMean(canvas, 0, new Rect(10, 10, 4, 4)) > 200, "the square moved with the shift");
            // Its old place is now the black fill, and the frame's grey (frame 1, level 40) is to its right.
            assertTrue(channelMean(canvas, 0, new Rect(1, 10, 4, 4)) < 10, "its old place");
            assertEquals(40, channelMean(canvas, 0, new Rect(20, 10, 4, 4)), 1, "frame 1's grey beside it");
        }
    }

    @Test
    void aMissingNeighbourIsBadInputNamingItsFile() throws Exception {
        List<FrameRecord> rows = take("1", 6, 0);
        FrameSet set = set(rows);
        FrameRecord row = rows.get(3);
        java.nio.file.Files.delete(dir.resolve(rows.get(5).framePath()));
        try (Mat frame = opencv_imgcodecs.imread(dir.resolve(row.framePath()).toString())) {
            BadInputException e = assertThrows(BadInputException.class, () -> layout(set, row).render(row, frame, null, 0, 0));
            assertEquals(dir.resolve(rows.get(5).framePath()), e.file());
            assertTrue(e.fix().contains("signkit frames"), e.getMessage());
        }
    }

    @Test
    void motionIsOnlyForTheMultiStreamNetworksAndWithinTwoSeconds() {
        assertThrows(IllegalArgumentException.class, () -> new ModelSpec(Architecture.BASELINE_CNN, 64, 1, 1, 0.2, 0.2));
        assertThrows(IllegalArgumentException.class, () -> new ModelSpec(Architecture.MULTISTREAM, 64, 1, 1, 0.2, -0.1));
        assertThrows(IllegalArgumentException.class, () -> new ModelSpec(Architecture.MULTISTREAM, 64, 1, 1, 0.2, 2.5));
        assertEquals(0.2, new ModelSpec(Architecture.MULTISTREAM, 64, 1, 1, 0.2, 0.2).motion());
    }

    @Test
    void aMotionGapRoundTripsThroughTheCardsJsonAndTheColourFrameLeavesTheHashAsBefore() throws Exception {
        ModelSpec moving = new ModelSpec(Architecture.MULTISTREAM, 64, 1, 1, 0.2, 0.2);
        ModelSpec colour = new ModelSpec(Architecture.MULTISTREAM, 64, 1, 1, 0.2, 0);
        assertEquals(moving, org.signkit.core.Json.mapper().readValue(org.signkit.core.Json.write(moving), ModelSpec.class));
        assertTrue(org.signkit.core.Json.write(moving).contains("motion"));
        // A configuration from before motion existed has no such field, so its hash must not change.
        assertTrue(!org.signkit.core.Json.write(colour).contains("motion"), org.signkit.core.Json.write(colour));
        assertEquals(colour, org.signkit.core.Json.mapper().readValue(org.signkit.core.Json.write(colour), ModelSpec.class));
    }
}
