package org.signkit.augment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Boxes, keypoints and masks move exactly as the image does under every geometric transform. */
class GeometricTransformTest {

    static List<String> geometric() {
        return TransformCatalog.GEOMETRIC;
    }

    @ParameterizedTest
    @MethodSource("geometric")
    void keypointsFollowTheImage(String name) {
        AugmentationPipeline p = TransformCatalog.preset(name);
        int checked = 0;
        for (long id = 0; id < 12; id++) {
            Sample s = new Sample(AugmentTestImages.dot(90, 120), null, List.of(), List.of(new Keypoint("tip", 90, 120)), "right");
            Sample out = p.augment(s, 5, 0, id);
            Keypoint k = out.keypoints().get(0);
            if (k.x() < 4 || k.y() < 4 || k.x() > AugmentTestImages.W - 5 || k.y() > AugmentTestImages.H - 5) {
                continue;
            }
            double[] found = centroid(out.image());
            assertEquals(k.x(), found[0], 1.0, name + " sample " + id + " x");
            assertEquals(k.y(), found[1], 1.0, name + " sample " + id + " y");
            checked++;
        }
        assertTrue(checked >= 8, name + ": only " + checked + " samples checked");
    }

    @ParameterizedTest
    @MethodSource("geometric")
    void boxesAndMasksFollowTheImage(String name) {
        AugmentationPipeline p = TransformCatalog.preset(name);
        for (long id = 0; id < 12; id++) {
            Mat image = AugmentTestImages.rectangle(70, 60, 150, 170);
            Mat mask = new Mat();
            opencv_imgproc.cvtColor(image, mask, opencv_imgproc.COLOR_BGR2GRAY);
            Sample s = new Sample(image, mask, List.of(new LabeledBox("right_hand", 70, 60, 150, 170)), List.of(), "right");
            Sample out = p.augment(s, 9, 1, id);
            LabeledBox b = out.boxes().get(0);
            int[] px = extent(out.image(), 127);
            // The transformed box contains the transformed rectangle, and for these transforms (the
            // rectangle's corners map to the extremes) it is no more than a pixel or two larger.
            String where = name + " sample " + id + " box " + b + " pixels " + java.util.Arrays.toString(px);
            assertTrue(b.x0() <= px[0] + 1 && b.y0() <= px[1] + 1 && b.x1() >= px[2] - 1 && b.y1() >= px[3] - 1, where);
            assertTrue(b.x0() >= px[0] - 2 && b.y0() >= px[1] - 2 && b.x1() <= px[2] + 2 && b.y1() <= px[3] + 2, where);
            // The mask went through the same matrix (nearest neighbour): it covers the same pixels.
            try (Mat gray = new Mat(); Mat bin = new Mat(); Mat diff = new Mat()) {
                opencv_imgproc.cvtColor(out.image(), gray, opencv_imgproc.COLOR_BGR2GRAY);
                opencv_imgproc.threshold(gray, bin, 127, 255, opencv_imgproc.THRESH_BINARY);
                opencv_core.absdiff(bin, out.mask(), diff);
                double differing = opencv_core.countNonZero(diff);
                double area = Math.max(1, opencv_core.countNonZero(out.mask()));
                assertTrue(differing / area < 0.03, where + ": mask differs on " + differing + " of " + area + " pixels");
            }
        }
    }

    /** Brightness-weighted centroid of an image. */
    private static double[] centroid(Mat bgr) {
        double sx = 0;
        double sy = 0;
        double sw = 0;
        try (UByteIndexer ix = bgr.createIndexer()) {
            for (int y = 0; y < bgr.rows(); y++) {
                for (int x = 0; x < bgr.cols(); x++) {
                    int v = ix.get(y, x, 1);
                    sx += v * x;
                    sy += v * y;
                    sw += v;
                }
            }
        }
        return new double[] {sx / sw, sy / sw};
    }

    /** {x0, y0, x1 (exclusive), y1 (exclusive)} of the pixels brighter than {@code t}. */
    static int[] extent(Mat bgr, int t) {
        int x0 = Integer.MAX_VALUE;
        int y0 = Integer.MAX_VALUE;
        int x1 = -1;
        int y1 = -1;
        try (UByteIndexer ix = bgr.createIndexer()) {
            for (int y = 0; y < bgr.rows(); y++) {
                for (int x = 0; x < bgr.cols(); x++) {
                    if (ix.get(y, x, 1) > t) {
                        x0 = Math.min(x0, x);
                        y0 = Math.min(y0, y);
                        x1 = Math.max(x1, x + 1);
                        y1 = Math.max(y1, y + 1);
                    }
                }
            }
        }
        return new int[] {x0, y0, x1, y1};
    }
}
