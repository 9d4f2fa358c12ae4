package org.signkit.vision;

import static org.bytedeco.opencv.global.opencv_core.CV_8U;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * {@code chroma}: a chroma key for green or blue screens. The key is the median chroma (Cr, Cb) of the
 * frame's border, so the screen's actual shade and light need no setting; a pixel is background when its
 * chroma lies within {@code threshold} of the key. Shadows on the screen change luma, not chroma, and stay
 * background. {@link #despill} removes the screen's colour cast from the signer before compositing.
 *
 * @param screen    {@code green} or {@code blue}
 * @param threshold chroma distance (8-bit Cr/Cb units) under which a pixel is screen
 * @param minShare  smallest kept component (see {@link MaskCleanup})
 * @param feather   feather radius
 */
public record ChromaSegmenter(String screen, double threshold, double minShare, int feather) implements Segmenter {

    public ChromaSegmenter {
        if (!screen.equals("green") && !screen.equals("blue")) {
            throw new IllegalArgumentException("unknown screen '" + screen + "'; use green or blue");
        }
    }

    /** A green or blue screen with threshold 25 and the cleanup defaults. */
    public static ChromaSegmenter of(String screen) {
        return new ChromaSegmenter(screen, 25, MaskCleanup.MIN_SHARE, MaskCleanup.FEATHER);
    }

    @Override
    public String name() {
        return "chroma";
    }

    @Override
    public List<Mat> segment(List<Mat> take) {
        List<Mat> masks = new ArrayList<>(take.size());
        for (Mat frame : take) {
            try (Mat ycc = new Mat(); Mat hard = new Mat(frame.rows(), frame.cols(), CV_8U)) {
                opencv_imgproc.cvtColor(frame, ycc, opencv_imgproc.COLOR_BGR2YCrCb);
                UByteIndexer c = ycc.createIndexer();
                double[] key = borderKey(c, frame.rows(), frame.cols());
                UByteIndexer m = hard.createIndexer();
                double t2 = threshold * threshold;
                for (int y = 0; y < frame.rows(); y++) {
                    for (int x = 0; x < frame.cols(); x++) {
                        double dr = c.get(y, x, 1) - key[0];
                        double db = c.get(y, x, 2) - key[1];
                        m.put(y, x, dr * dr + db * db > t2 ? 255 : 0);
                    }
                }
                c.release();
                m.release();
                masks.add(MaskCleanup.clean(hard, minShare, feather));
            }
        }
        return masks;
    }

    /**
     * Removes the screen's colour cast in place: the screen channel (G for green, B for blue) is capped
     * at the larger of the other two, which leaves neutral and skin colours unchanged.
     */
    public void despill(Mat bgr) {
        int ch = screen.equals("green") ? 1 : 0;
        int[] others = screen.equals("green") ? new int[] {0, 2} : new int[] {1, 2};
        UByteIndexer ix = bgr.createIndexer();
        for (int y = 0; y < bgr.rows(); y++) {
            for (int x = 0; x < bgr.cols(); x++) {
                int cap = Math.max(ix.get(y, x, others[0]), ix.get(y, x, others[1]));
                if (ix.get(y, x, ch) > cap) {
                    ix.put(y, x, ch, cap);
                }
            }
        }
        ix.release();
    }

    private static double[] borderKey(UByteIndexer c, int h, int w) {
        int n = 2 * (w + h);
        int[] cr = new int[n];
        int[] cb = new int[n];
        int i = 0;
        for (int x = 0; x < w; x++) {
            for (int y : new int[] {0, h - 1}) {
                cr[i] = c.get(y, x, 1);
                cb[i++] = c.get(y, x, 2);
            }
        }
        for (int y = 0; y < h; y++) {
            for (int x : new int[] {0, w - 1}) {
                cr[i] = c.get(y, x, 1);
                cb[i++] = c.get(y, x, 2);
            }
        }
        Arrays.sort(cr, 0, i);
        Arrays.sort(cb, 0, i);
        return new double[] {cr[i / 2], cb[i / 2]};
    }
}
