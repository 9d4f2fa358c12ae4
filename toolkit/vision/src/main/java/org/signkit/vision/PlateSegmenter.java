package org.signkit.vision;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Background-plate segmentation for a static camera: the empty scene (a supplied frame, or the
 * per-pixel temporal median of the take) is compared with each frame in CIELAB, with lightness
 * down-weighted so that the signer's soft shadow on the wall does not count as signer; then
 * {@link MaskCleanup}.
 *
 * @param plate     the empty scene, BGR of the frames' size; null: the take's temporal median
 * @param threshold colour distance (weighted ΔE) above which a pixel is signer
 * @param lightness weight of the lightness difference (1 = plain ΔE76)
 * @param minShare  smallest kept component, as a share of the largest
 * @param feather   Gaussian feather of the edge, pixels (0: hard mask)
 */
public record PlateSegmenter(Mat plate, double threshold, double lightness, double minShare, int feather)
        implements Segmenter {

    /** Defaults tuned on the synthetic training wall: ΔE 10, lightness weight 0.35, {@link MaskCleanup} defaults. */
    public static PlateSegmenter withPlate(Mat plate) {
        return new PlateSegmenter(plate, 10, 0.35, MaskCleanup.MIN_SHARE, MaskCleanup.FEATHER);
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
            return MaskCleanup.clean(hard, minShare, feather);
        }
    }

    private static Mat lab(Mat bgr) {
        Mat f = new Mat();
        bgr.convertTo(f, CV_32F, 1 / 255.0, 0);
        opencv_imgproc.cvtColor(f, f, opencv_imgproc.COLOR_BGR2Lab);
        return f;
    }
}
