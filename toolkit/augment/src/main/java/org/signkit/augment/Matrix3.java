package org.signkit.augment;

/** 3x3 row-major homogeneous matrices on (x, y, 1) pixel coordinates. */
final class Matrix3 {

    private Matrix3() {
    }

    static double[] identity() {
        return new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1};
    }

    static double[] multiply(double[] a, double[] b) {
        double[] c = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                c[3 * i + j] = a[3 * i] * b[j] + a[3 * i + 1] * b[3 + j] + a[3 * i + 2] * b[6 + j];
            }
        }
        return c;
    }

    static double[] invert(double[] m) {
        double a = m[0], b = m[1], c = m[2], d = m[3], e = m[4], f = m[5], g = m[6], h = m[7], i = m[8];
        double det = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
        if (Math.abs(det) < 1e-12) {
            throw new IllegalArgumentException("singular transform");
        }
        return new double[] {
            (e * i - f * h) / det, (c * h - b * i) / det, (b * f - c * e) / det,
            (f * g - d * i) / det, (a * i - c * g) / det, (c * d - a * f) / det,
            (d * h - e * g) / det, (b * g - a * h) / det, (a * e - b * d) / det};
    }

    /** Applies {@code m} to (x, y): {x', y'}. */
    static double[] apply(double[] m, double x, double y) {
        double w = m[6] * x + m[7] * y + m[8];
        return new double[] {(m[0] * x + m[1] * y + m[2]) / w, (m[3] * x + m[4] * y + m[5]) / w};
    }

    static boolean isAffine(double[] m) {
        return m[6] == 0 && m[7] == 0 && m[8] == 1;
    }

    /**
     * A matrix built like Keras' {@code apply_affine_transform}: {@code rc} acts on (row, col)
     * coordinates about the image centre; the result acts on (x, y).
     */
    static double[] kerasCentred(double[] rc, int width, int height) {
        double or = (height - 1) / 2.0;
        double oc = (width - 1) / 2.0;
        double[] offset = {1, 0, or, 0, 1, oc, 0, 0, 1};
        double[] reset = {1, 0, -or, 0, 1, -oc, 0, 0, 1};
        double[] centred = multiply(multiply(offset, rc), reset);
        // Swap rows and columns: (row, col) -> (x, y) = (col, row).
        double[] p = {0, 1, 0, 1, 0, 0, 0, 0, 1};
        return multiply(multiply(p, centred), p);
    }
}
