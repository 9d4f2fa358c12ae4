package org.signkit.vision;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.javacpp.indexer.IntIndexer;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Background-plate segmentation for a static camera: the empty scene (a supplied frame, or the
 * per-pixel temporal median of the take) is compared with each frame in CIELAB, with lightness
 * down-weighted so that the signer's soft shadow on the wall does not count as signer; then
 * morphological opening and closing, the components of at least {@link #minShare} of the largest
 * (the body and hands that leave its outline), holes filled, and a feathered edge.
 *
 * @param plate     the empty scene, BGR of the frames' size; null: the take's temporal median
 * @param threshold colour distance (weighted ΔE) above which a pixel is signer
 * @param lightness weight of the lightness difference (1 = plain ΔE76)
 * @param minShare  smallest kept component, as a share of the largest
 * @param feather   Gaussian feather of the edge, pixels (0: hard mask)
 */
public record PlateSegmenter(Mat plate, double threshold, double lightness, double minShare, int feather)
        implements Segmenter {

    /** Defaults tuned on the synthetic training wall: ΔE 10, lightness weight 0.35, 2% components, 1 px feather. */
    public static PlateSegmenter withPlate(Mat plate) {
        return new PlateSegmenter(plate, 10, 0.35, 0.02, 1);
    }

    @Override
    public String name() {
        return "plate";
    }

    @Override
    public List<Mat> segment(List<Mat> take) {
        Mat empty = plate != null ? plate : TemporalMedian.of(take);
        List<Mat> masks = new ArrayList<>(take.size());
        try (Mat emptyLab = lab(empty)) {
            for (Mat frame : take) {
                masks.add(mask(frame, emptyLab));
            }
        } finally {
            if (empty != plate) {
                empty.close();
            }
        }
        return masks;
    }

    private Mat mask(Mat frame, Mat emptyLab) {
        try (Mat frameLab = lab(frame); Mat hard = new Mat(frame.rows(), frame.cols(), CV_8U)) {
            FloatIndexer f = frameLab.createIndexer();
            FloatIndexer e = emptyLab.createIndexer();
            UByteIndexer m = hard.createIndexer();
            double t2 = threshold * threshold;
            for (int y = 0; y < frame.rows(); y++) {
                for (int x = 0; x < frame.cols(); x++) {
                    double dl = (f.get(y, x, 0) - e.get(y, x, 0)) * lightness;
                    double da = f.get(y, x, 1) - e.get(y, x, 1);
                    double db = f.get(y, x, 2) - e.get(y, x, 2);
                    m.put(y, x, dl * dl + da * da + db * db > t2 ? 255 : 0);
                }
            }
            f.release();
            e.release();
            m.release();
            try (Mat k3 = opencv_imgproc.getStructuringElement(opencv_imgproc.MORPH_ELLIPSE, new Size(3, 3));
                 Mat k5 = opencv_imgproc.getStructuringElement(opencv_imgproc.MORPH_ELLIPSE, new Size(5, 5))) {
                opencv_imgproc.morphologyEx(hard, hard, opencv_imgproc.MORPH_OPEN, k3);
                opencv_imgproc.morphologyEx(hard, hard, opencv_imgproc.MORPH_CLOSE, k5);
            }
            Mat kept = largestComponents(hard);
            fillHoles(kept);
            if (feather > 0) {
                int k = 2 * feather + 1;
                opencv_imgproc.GaussianBlur(kept, kept, new Size(k, k), 0);
            }
            return kept;
        }
    }

    private Mat largestComponents(Mat hard) {
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
             Mat inner = flood.apply(new org.bytedeco.opencv.opencv_core.Rect(1, 1, mask.cols(), mask.rows()))) {
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

    private static Mat lab(Mat bgr) {
        Mat f = new Mat();
        bgr.convertTo(f, CV_32F, 1 / 255.0, 0);
        opencv_imgproc.cvtColor(f, f, opencv_imgproc.COLOR_BGR2Lab);
        return f;
    }
}
