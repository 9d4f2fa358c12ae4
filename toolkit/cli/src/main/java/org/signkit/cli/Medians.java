package org.signkit.cli;

import java.util.Arrays;

/** The median the benchmarks report (robust to the odd slow run on a shared machine). */
final class Medians {

    private Medians() {
    }

    static double of(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
