package org.signkit.vision;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import java.util.List;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The per-pixel temporal median of a static-camera take: the background wherever the signer leaves it
 * for more than half of the sampled frames (a signer who stands still stays in it: supply an empty-scene
 * frame then).
 */
public final class TemporalMedian {

    /** At most this many frames, evenly spaced, enter the median. */
    public static final int SAMPLES = 25;

    private TemporalMedian() {
    }

    /** The median picture of up to {@link #SAMPLES} evenly spaced frames (BGR, 8-bit). */
    public static Mat of(List<Mat> take) {
        int n = Math.min(SAMPLES, take.size());
        Mat first = take.get(0);
        int h = first.rows();
        int w = first.cols();
        UByteIndexer[] in = new UByteIndexer[n];
        for (int i = 0; i < n; i++) {
            in[i] = take.get((int) ((long) i * take.size() / n)).createIndexer();
        }
        Mat out = new Mat(h, w, CV_8UC3);
        UByteIndexer o = out.createIndexer();
        int[] values = new int[n];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < 3; c++) {
                    for (int i = 0; i < n; i++) {
                        values[i] = in[i].get(y, x, c);
                    }
                    java.util.Arrays.sort(values);
                    o.put(y, x, c, values[n / 2]);
                }
            }
        }
        o.release();
        for (UByteIndexer i : in) {
            i.release();
        }
        return out;
    }
}
