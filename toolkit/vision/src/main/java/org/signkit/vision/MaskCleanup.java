package org.signkit.vision;

import static org.bytedeco.opencv.global.opencv_core.CV_8U;

import org.bytedeco.javacpp.indexer.IntIndexer;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * What every raw foreground mask goes through: a 3×3 opening (speckle), a 5×5 closing (cracks), the
 * connected components of at least a share of the largest (the body, and hands that leave its outline),
 * holes filled (background enclosed by arms), and a Gaussian feather.
 */
public final class MaskCleanup {

    /** Smallest kept component, as a share of the largest. */
    public static final double MIN_SHARE = 0.02;
    /** Feather radius in pixels. */
    public static final int FEATHER = 1;

    private MaskCleanup() {
    }

    /** A clean soft mask from a hard one (0/255); the input is modified. */
    public static Mat clean(Mat hard, double minShare, int feather) {
        try (Mat k3 = opencv_imgproc.getStructuringElement(opencv_imgproc.MORPH_ELLIPSE, new Size(3, 3));
             Mat k5 = opencv_imgproc.getStructuringElement(opencv_imgproc.MORPH_ELLIPSE, new Size(5, 5))) {
            opencv_imgproc.morphologyEx(hard, hard, opencv_imgproc.MORPH_OPEN, k3);
            opencv_imgproc.morphologyEx(hard, hard, opencv_imgproc.MORPH_CLOSE, k5);
        }
        Mat kept = largestComponents(hard, minShare);
        fillHoles(kept);
        feather(kept, feather);
        return kept;
    }

    /** Softens a mask's edge in place with a Gaussian of {@code 2 * radius + 1} pixels (0: unchanged). */
    public static void feather(Mat mask, int radius) {
        if (radius > 0) {
            int k = 2 * radius + 1;
            opencv_imgproc.GaussianBlur(mask, mask, new Size(k, k), 0);
        }
    }

    private static Mat largestComponents(Mat hard, double minShare) {
        try (Mat labels = new Mat(); Mat stats = new Mat(); Mat centroids = new Mat()) {
            int n = opencv_imgproc.connectedComponentsWithStats(hard, labels, stats, centroids, 8, opencv_core.CV_32S);
            IntIndexer s = stats.createIndexer();
            int largest = 0;
            for (int i = 1; i < n; i++) {
                largest = Math.max(largest, s.get(i, opencv_imgproc.CC_STAT_AREA));
            }
            boolean[] keep = new boolean[n];
            for (int i = 1; i < n; i++) {
                keep[i] = s.get(i, opencv_imgproc.CC_STAT_AREA) >= minShare * largest;
            }
            s.release();
            Mat out = new Mat(hard.rows(), hard.cols(), CV_8U, new Scalar(0));
            IntIndexer l = labels.createIndexer();
            UByteIndexer o = out.createIndexer();
            for (int y = 0; y < hard.rows(); y++) {
                for (int x = 0; x < hard.cols(); x++) {
                    if (keep[l.get(y, x)]) {
                        o.put(y, x, 255);
                    }
                }
            }
            l.release();
            o.release();
            return out;
        }
    }

    /** Fills background regions that do not touch the border (e.g. between an arm and the body). */
    private static void fillHoles(Mat mask) {
        try (Mat flood = new Mat(mask.rows() + 2, mask.cols() + 2, CV_8U, new Scalar(0));
             Mat inner = flood.apply(new Rect(1, 1, mask.cols(), mask.rows()))) {
            mask.copyTo(inner);
            opencv_imgproc.floodFill(flood, new Point(0, 0), new Scalar(128));
            UByteIndexer fl = flood.createIndexer();
            UByteIndexer m = mask.createIndexer();
            for (int y = 0; y < mask.rows(); y++) {
                for (int x = 0; x < mask.cols(); x++) {
                    if (fl.get(y + 1, x + 1) == 0) {
                        m.put(y, x, 255);
                    }
                }
            }
            fl.release();
            m.release();
        }
    }
}
