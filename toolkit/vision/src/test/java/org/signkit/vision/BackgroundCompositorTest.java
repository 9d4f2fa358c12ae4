package org.signkit.vision;

import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

/** Compositing keeps the scene where the mask is empty, the signer where it is full, and fits portrait frames. */
class BackgroundCompositorTest {

    @Test
    void signerWhereTheMaskIsFullSceneElsewhereAndNoBlackPadding() {
        // A 40x80 portrait frame: grey wall, a red "signer" square in the middle; the mask is the square.
        try (Mat frame = new Mat(80, 40, CV_8UC3, new Scalar(128, 128, 128, 0));
             Mat mask = new Mat(80, 40, CV_8U, new Scalar(0));
             Mat scene = new Mat(60, 60, CV_8UC3, new Scalar(200, 40, 10, 0))) {
            opencv_imgproc.rectangle(frame, new Point(10, 30), new Point(29, 49), new Scalar(0, 0, 255, 0), -1, 8, 0);
            opencv_imgproc.rectangle(mask, new Point(10, 30), new Point(29, 49), new Scalar(255), -1, 8, 0);
            try (Mat out = new BackgroundCompositor(60, 60, 0).composite(frame, mask, scene)) {
                UByteIndexer o = out.createIndexer();
                // Frame scaled by 60/80 = 0.75 to 30x60, centred at x 15..45: the square lands at about x 22..37, y 22..37.
                assertPixel(o, 30, 30, 0, 0, 255);
                for (int[] at : List.of(new int[] {2, 2}, new int[] {57, 30}, new int[] {30, 5}, new int[] {18, 55})) {
                    assertPixel(o, at[0], at[1], 200, 40, 10); // the scene, also beside the portrait frame
                }
                o.release();
            }
            try (Mat harmonised = new BackgroundCompositor(60, 60, 1).composite(frame, mask, scene)) {
                UByteIndexer h = harmonised.createIndexer();
                assertNotEquals(255, h.get(30, 30, 2), "harmonisation moves the signer's colour toward the scene");
                assertTrue(h.get(30, 30, 0) > 0, "toward the scene's blue");
                h.release();
            }
        }
    }

    @Test
    void builtinScenesAreDeterministicAndVaried() {
        List<BackgroundScenes.NamedScene> a = BackgroundScenes.builtin(5, 33, 33);
        List<BackgroundScenes.NamedScene> b = BackgroundScenes.builtin(5, 33, 33);
        for (int i = 0; i < 5; i++) {
            assertEquals(a.get(i).name(), b.get(i).name());
            assertEquals(0, org.bytedeco.opencv.global.opencv_core.norm(a.get(i).image(), b.get(i).image(),
                    org.bytedeco.opencv.global.opencv_core.NORM_INF, null), 0.0);
        }
        assertTrue(org.bytedeco.opencv.global.opencv_core.norm(a.get(0).image(), a.get(1).image(),
                org.bytedeco.opencv.global.opencv_core.NORM_L1, null) > 0);
        a.forEach(s -> s.image().close());
        b.forEach(s -> s.image().close());
    }

    private static void assertPixel(UByteIndexer o, int x, int y, int b, int g, int r) {
        assertEquals(b, o.get(y, x, 0), 1, "B at " + x + "," + y);
        assertEquals(g, o.get(y, x, 1), 1, "G at " + x + "," + y);
        assertEquals(r, o.get(y, x, 2), 1, "R at " + x + "," + y);
    }
}
