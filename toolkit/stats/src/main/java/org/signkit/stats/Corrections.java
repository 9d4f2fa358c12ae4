package org.signkit.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Multiple-comparison corrections of p-values (adjusted p-values, as R's {@code p.adjust}):
 * Bonferroni, Holm's step-down and Benjamini–Hochberg's false discovery rate.
 */
public enum Corrections {
    /** No correction. */
    NONE,
    /** p · m, capped at 1. */
    BONFERRONI,
    /** Holm's step-down: uniformly more powerful than Bonferroni, same family-wise error control. */
    HOLM,
    /** Benjamini–Hochberg: controls the false discovery rate. */
    BH;

    /** Adjusted p-values, in the input order. */
    public double[] adjust(double[] p) {
        int m = p.length;
        for (double x : p) {
            if (!(x >= 0 && x <= 1)) {
                throw new IllegalArgumentException("p-values must be in [0, 1]: " + x);
            }
        }
        double[] out = new double[m];
        Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
        switch (this) {
            case NONE -> System.arraycopy(p, 0, out, 0, m);
            case BONFERRONI -> {
                for (int i = 0; i < m; i++) {
                    out[i] = Math.min(1, p[i] * m);
                }
            }
            case HOLM -> {
                Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
                double running = 0;
                for (int r = 0; r < m; r++) {
                    running = Math.max(running, Math.min(1, (m - r) * p[order[r]]));
                    out[order[r]] = running;
                }
            }
            case BH -> {
                Arrays.sort(order, Comparator.comparingDouble(i -> -p[i]));
                double running = 1;
                for (int r = 0; r < m; r++) {
                    int rank = m - r;
                    running = Math.min(running, Math.min(1, p[order[r]] * m / rank));
                    out[order[r]] = running;
                }
            }
            default -> throw new IllegalStateException();
        }
        return out;
    }

    /** Parses {@code none}, {@code bonferroni}, {@code holm}, {@code bh} (or {@code fdr}). */
    public static Corrections parse(String s) {
        String k = s.trim().toLowerCase(java.util.Locale.ROOT);
        return k.equals("fdr") || k.equals("benjamini-hochberg") ? BH : valueOf(k.toUpperCase(java.util.Locale.ROOT));
    }
}
