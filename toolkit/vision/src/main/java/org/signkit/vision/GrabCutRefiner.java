package org.signkit.vision;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * {@code grabcut}: refines another method's masks with OpenCV's GrabCut. The trimap comes from the base
 * mask: its erosion by {@code band} pixels is sure signer, outside its dilation is sure background, the band
 * between is "probably" either side, so GrabCut only moves the edge (where hands and fingers are lost).
 *
 * @param base       the method whose masks are refined
 * @param band       half-width of the uncertain band, pixels
 * @param iterations GrabCut iterations per frame
 */
public record GrabCutRefiner(Segmenter base, int band, int iterations) implements Segmenter {

    /** A 4-pixel band, 2 iterations. */
    public static GrabCutRefiner of(Segmenter base) {
        return new GrabCutRefiner(base, 4, 2);
    }

    @Override
    public String name() {
        return "grabcut(" + base.name() + ")";
    }

    @Override
    public List<Mat> segment(List<Mat> take) {
        List<Mat> coarse = base.segment(take);
        List<Mat> out = new ArrayList<>(take.size());
        int k = 2 * band + 1;
        try (Mat kernel = opencv_imgproc.getStructuringElement(opencv_imgproc.MORPH_ELLIPSE, new Size(k, k))) {
            for (int i = 0; i < take.size(); i++) {
                out.add(refine(take.get(i), coarse.get(i), kernel));
                coarse.get(i).close();
            }
        }
        return out;
    }

    private Mat refine(Mat frame, Mat coarse, Mat kernel) {
        try (Mat hard = new Mat(); Mat inner = new Mat(); Mat outer = new Mat(); Mat trimap = new Mat();
             Mat bgd = new Mat(); Mat fgd = new Mat()) {
            opencv_imgproc.threshold(coarse, hard, 127, 255, opencv_imgproc.THRESH_BINARY);
            opencv_imgproc.erode(hard, inner, kernel);
            opencv_imgproc.dilate(hard, outer, kernel);
            trimap.create(frame.rows(), frame.cols(), org.bytedeco.opencv.global.opencv_core.CV_8U);
            UByteIndexer t = trimap.createIndexer();
            UByteIndexer in = inner.createIndexer();
            UByteIndexer ou = outer.createIndexer();
            UByteIndexer h = hard.createIndexer();
            boolean anyForeground = false;
            for (int y = 0; y < frame.rows(); y++) {
                for (int x = 0; x < frame.cols(); x++) {
                    int v = in.get(y, x) > 0 ? opencv_imgproc.GC_FGD
                            : h.get(y, x) > 0 ? opencv_imgproc.GC_PR_FGD
                            : ou.get(y, x) > 0 ? opencv_imgproc.GC_PR_BGD : opencv_imgproc.GC_BGD;
                    anyForeground |= v == opencv_imgproc.GC_FGD;
                    t.put(y, x, v);
                }
            }
            Mat result = new Mat(frame.rows(), frame.cols(), org.bytedeco.opencv.global.opencv_core.CV_8U);
            if (anyForeground) {
                opencv_imgproc.grabCut(frame, trimap, new Rect(), bgd, fgd, iterations, opencv_imgproc.GC_INIT_WITH_MASK);
            }
            UByteIndexer r = result.createIndexer();
            for (int y = 0; y < frame.rows(); y++) {
                for (int x = 0; x < frame.cols(); x++) {
                    int v = t.get(y, x);
                    r.put(y, x, v == opencv_imgproc.GC_FGD || v == opencv_imgproc.GC_PR_FGD ? 255 : 0);
                }
            }
            for (UByteIndexer ix : new UByteIndexer[] {t, in, ou, h, r}) {
                ix.release();
            }
            MaskCleanup.feather(result, MaskCleanup.FEATHER);
            return result;
        }
    }

    @Override
    public void close() {
        base.close();
    }
}
