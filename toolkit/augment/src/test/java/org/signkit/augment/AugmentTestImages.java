package org.signkit.augment;

import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;

/** Small synthetic images for the augmentation tests. */
final class AugmentTestImages {

    static final int W = 224;
    static final int H = 224;

    private AugmentTestImages() {
    }

    /** Black with one filled white rectangle. */
    static Mat rectangle(int x0, int y0, int x1, int y1) {
        Mat m = new Mat(H, W, opencv_core.CV_8UC3, new Scalar(0, 0, 0, 0));
        try (Rect r = new Rect(x0, y0, x1 - x0, y1 - y0); Scalar white = new Scalar(255, 255, 255, 0)) {
            opencv_imgproc.rectangle(m, r, white, -1, opencv_imgproc.LINE_8, 0);
        }
        return m;
    }

    /** Black with a white dot (radius 2) centred on (x, y). */
    static Mat dot(int x, int y) {
        Mat m = new Mat(H, W, opencv_core.CV_8UC3, new Scalar(0, 0, 0, 0));
        try (Point c = new Point(x, y); Scalar white = new Scalar(255, 255, 255, 0)) {
            opencv_imgproc.circle(m, c, 2, white, -1, opencv_imgproc.LINE_8, 0);
        }
        return m;
    }

    /** A textured colour image: gradients and shapes, so every intensity transform visibly changes it. */
    static Mat textured(long seed) {
        Mat m = new Mat(H, W, opencv_core.CV_8UC3);
        try (Mat lo = new Mat(1, 1, opencv_core.CV_64F, new Scalar(30)); Mat hi = new Mat(1, 1, opencv_core.CV_64F, new Scalar(220));
             org.bytedeco.opencv.opencv_core.RNG rng = new org.bytedeco.opencv.opencv_core.RNG(seed)) {
            rng._fill(m, org.bytedeco.opencv.opencv_core.RNG.UNIFORM, lo, hi);
        }
        try (org.bytedeco.opencv.opencv_core.Size k = new org.bytedeco.opencv.opencv_core.Size(15, 15)) {
            opencv_imgproc.GaussianBlur(m, m, k, 4);
        }
        try (Point c = new Point(80, 90); Scalar col = new Scalar(40, 160, 230, 0)) {
            opencv_imgproc.circle(m, c, 30, col, -1, opencv_imgproc.LINE_AA, 0);
        }
        return m;
    }
}
