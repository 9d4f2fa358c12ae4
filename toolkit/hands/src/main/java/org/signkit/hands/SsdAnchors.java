package org.signkit.hands;

/**
 * The anchor centres of MediaPipe's SSD detectors (palm detection, BlazeFace): a square input, feature
 * maps of strides {@code 8, 16, 16, 16}, two anchors per cell and layer, all of size 1, so layers of one
 * stride share a grid (MediaPipe's {@code SsdAnchorsCalculator} with {@code fixed_anchor_size}).
 * At 192 px this is opencv_zoo's hard-coded table of 2016 palm anchors; at 128 px BlazeFace's 896.
 */
final class SsdAnchors {

    private static final int[] STRIDES = {8, 16, 16, 16};

    private SsdAnchors() {
    }

    /** Anchor centres {@code [i][0..1]} as fractions of the input side, in the detectors' output order. */
    static double[][] centres(int inputSize) {
        int total = 0;
        for (int layer = 0; layer < STRIDES.length; ) {
            int same = sameStride(layer);
            int cells = ceilDiv(inputSize, STRIDES[layer]);
            total += cells * cells * 2 * same;
            layer += same;
        }
        double[][] out = new double[total][];
        int n = 0;
        for (int layer = 0; layer < STRIDES.length; ) {
            int same = sameStride(layer);
            int cells = ceilDiv(inputSize, STRIDES[layer]);
            for (int y = 0; y < cells; y++) {
                for (int x = 0; x < cells; x++) {
                    for (int a = 0; a < 2 * same; a++) {
                        out[n++] = new double[] {(x + 0.5) / cells, (y + 0.5) / cells};
                    }
                }
            }
            layer += same;
        }
        return out;
    }

    private static int sameStride(int layer) {
        int same = 0;
        while (layer + same < STRIDES.length && STRIDES[layer + same] == STRIDES[layer]) {
            same++;
        }
        return same;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
