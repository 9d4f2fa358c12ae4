package org.signkit.synth;

import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Binary masks as COCO's uncompressed run-length encoding: pixels in column-major order, run lengths
 * alternating background/foreground, starting with a (possibly empty) background run — readable by
 * {@code pycocotools.mask.frPyObjects} and by {@link #decode}.
 *
 * @param height mask height
 * @param width  mask width
 * @param counts the run lengths
 */
public record MaskRle(int height, int width, int[] counts) {

    /** Encodes the nonzero pixels of an 8-bit single-channel mask. */
    public static MaskRle encode(Mat mask) {
        try (Mat scratch = new Mat()) {
            return encode(mask, scratch);
        }
    }

    /** Encodes a mask using {@code scratch} (reused across calls) for its transpose. */
    public static MaskRle encode(Mat mask, Mat scratch) {
        int h = mask.rows();
        int w = mask.cols();
        // Column-major order is row-major order of the transpose: transpose natively, scan one array.
        byte[] columns = new byte[h * w];
        opencv_core.transpose(mask, scratch);
        scratch.data().get(columns);
        int[] runs = new int[64];
        int n = 0;
        boolean fg = false;
        int run = 0;
        for (byte b : columns) {
            boolean on = b != 0;
            if (on != fg) {
                if (n == runs.length) {
                    runs = java.util.Arrays.copyOf(runs, n * 2);
                }
                runs[n++] = run;
                run = 0;
                fg = on;
            }
            run++;
        }
        if (n == runs.length) {
            runs = java.util.Arrays.copyOf(runs, n + 1);
        }
        runs[n++] = run;
        return new MaskRle(h, w, java.util.Arrays.copyOf(runs, n));
    }

    /** Decodes to a row-major boolean array {@code [y * width + x]}. */
    public boolean[] decode() {
        boolean[] out = new boolean[height * width];
        int i = 0;
        boolean fg = false;
        for (int c : counts) {
            for (int k = 0; k < c; k++, i++) {
                if (fg) {
                    int x = i / height;
                    int y = i % height;
                    out[y * width + x] = true;
                }
            }
            fg = !fg;
        }
        return out;
    }

    /** Foreground pixel count. */
    public long area() {
        long a = 0;
        for (int i = 1; i < counts.length; i += 2) {
            a += counts[i];
        }
        return a;
    }
}
