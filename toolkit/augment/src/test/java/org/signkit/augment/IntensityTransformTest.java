package org.signkit.augment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Intensity transforms change pixels and nothing else. */
class IntensityTransformTest {

    static List<String> intensity() {
        return TransformCatalog.INTENSITY;
    }

    @ParameterizedTest
    @MethodSource("intensity")
    void masksBoxesAndKeypointsAreUntouched(String name) {
        Transform t = TransformCatalog.preset(name).transforms().get(0);
        Mat image = AugmentTestImages.textured(3);
        Mat mask = AugmentTestImages.rectangle(10, 10, 50, 60);
        List<LabeledBox> boxes = List.of(new LabeledBox("right_hand", 10, 10, 50, 60));
        List<Keypoint> points = List.of(new Keypoint("nose", 112, 40));
        Sample s = new Sample(image, mask, boxes, points, "right");
        Mat maskBefore = mask.clone();
        boolean changed = false;
        for (int seed = 0; seed < 5; seed++) {
            Sample out = t.apply(s, t.draw(new java.util.SplittableRandom(seed), image.cols(), image.rows()));
            assertSame(mask, out.mask(), name);
            assertEquals(0, opencv_core.norm(maskBefore, out.mask(), opencv_core.NORM_INF, null), name + " mask bytes");
            assertEquals(boxes, out.boxes());
            assertEquals(points, out.keypoints());
            assertEquals("right", out.dominant());
            assertEquals(image.type(), out.image().type());
            assertEquals(image.cols(), out.image().cols());
            changed |= opencv_core.norm(image, out.image(), opencv_core.NORM_INF, null) > 0;
        }
        assertTrue(changed, name + " never changed the image");
    }
}
