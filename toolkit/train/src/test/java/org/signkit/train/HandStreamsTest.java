package org.signkit.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.signkit.augment.AugmentationPipeline;
import org.signkit.augment.FillMode;
import org.signkit.augment.Range;
import org.signkit.augment.Shift;
import org.signkit.core.FrameRecord;
import org.signkit.core.SampleLabel;
import org.signkit.hands.FrameHands;
import org.signkit.hands.HandObservation;
import org.signkit.hands.HandsFile;
import org.signkit.hands.HandsMethod;
import org.signkit.hands.ImageBox;

/** The packed multi-stream input: where the streams go, and hand crops that follow a geometric augmentation. */
class HandStreamsTest {

    private static final FrameRecord ROW = new FrameRecord("S/a_1/000000.jpg", new SampleLabel("S", "a", "1"), "S/a_1.mp4",
            0, 0, 30, "30", false);

    /** A grey 200×200 frame with a white dominant hand at (40..60, 120..140); the other hand is absent. */
    private static Mat frame() {
        Mat m = new Mat(200, 200, opencv_core.CV_8UC3, new Scalar(100, 100, 100, 0));
        try (Mat hand = new Mat(m, new Rect(40, 120, 20, 20))) {
            hand.put(new Scalar(255, 255, 255, 0));
        }
        return m;
    }

    private static HandStreams layout() {
        Map<String, FrameHands> hands = new TreeMap<>();
        hands.put(ROW.framePath(), new FrameHands(new ImageBox(80, 20, 120, 70), 1,
                HandObservation.of(new ImageBox(40, 120, 60, 140), 1), HandObservation.ABSENT));
        return new HandStreams(64, 32, HandsFile.of(HandsMethod.TRUTH, "right", "x", hands), Path.of("hands.json"), null);
    }

    private static double mean(Mat canvas, int x, int y, int w, int h) {
        try (Mat roi = new Mat(canvas, new Rect(x, y, w, h))) {
            return opencv_core.mean(roi).get(0);
        }
    }

    @Test
    void theFrameFillsTheLeftTheDominantHandTheTopRightAndAnAbsentHandIsBlack() {
        try (Mat f = frame(); Mat canvas = layout().render(ROW, f, null, 0, 0)) {
            assertEquals(64, canvas.rows());
            assertEquals(96, canvas.cols());
            // The hand box (20 px) enlarged 1.3x fills the slot: its centre is white.
            assertTrue(mean(canvas, 64 + 12, 12, 8, 8) > 250, "dominant slot centre");
            assertEquals(0, mean(canvas, 64, 32, 32, 32), 1e-9, "absent hand");
            assertEquals(100, mean(canvas, 0, 0, 10, 10), 1, "frame corner");
        }
    }

    @Test
    void aShiftMovesTheHandCropWithTheFrame() {
        // A width shift of -0.25 (Keras' sign: the content moves right) by exactly a quarter of the width:
        // the white hand moves from x 40..60 to 90..110.
        AugmentationPipeline shift = new AugmentationPipeline("shift", List.of(
                new Shift(Shift.Axis.WIDTH, new Range(-0.25, -0.25), 1.0, FillMode.NEAREST, 0)));
        try (Mat f = frame(); Mat canvas = layout().render(ROW, f, shift, 1, 1)) {
            assertTrue(mean(canvas, 64 + 12, 12, 8, 8) > 250, "the crop followed the hand");
            UByteIndexer px = canvas.createIndexer();

            // In the frame stream (64/200 scale) the hand now sits at x ~ 29..35, no longer at 13..19.
            assertTrue(px.get(42, 32, 0) > 200, "moved hand in the frame stream");
            assertTrue(px.get(42, 16, 0) < 150, "old place in the frame stream");
            px.release();
        }
    }

    @Test
    void theEfficientNetVariantBuildsAndRunsOnDl4jsLayers() {
        ComputationGraph net = new ComputationGraph(new MultiStreamNet(3, 32, MultiStreamNet.FrameTower.EFFICIENTNET_B0,
                0.2, 1, DataType.FLOAT).configuration(new NoOp()));
        net.init();
        assertEquals(3, net.outputSingle(false, Nd4j.rand(DataType.FLOAT, 2, 3, 32, 48)).size(1));
    }
}
