package org.signkit.stats;

import java.util.LinkedHashMap;
import java.util.Map;

/** Input checks shared by the tests: errors say which group and what is wrong. */
final class Samples {

    /** Beyond this, squares and their sums overflow double precision. */
    static final double MAX_MAGNITUDE = 1e150;

    private Samples() {
    }

    static double[] check(String group, double[] values, int minimum) {
        if (values == null || values.length < minimum) {
            throw new IllegalArgumentException("group '" + group + "' needs at least " + minimum + " values, has "
                    + (values == null ? 0 : values.length));
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("group '" + group + "' value " + (i + 1) + " is " + values[i]);
            }
            if (Math.abs(values[i]) > MAX_MAGNITUDE) {
                throw new IllegalArgumentException("group '" + group + "' value " + (i + 1) + " is " + values[i]
                        + ": too large for sums of squares in double precision (rescale the values, e.g. to other units)");
            }
        }
        return values;
    }

    static Map<String, double[]> checkGroups(Map<String, double[]> groups, int minimumPerGroup) {
        if (groups.size() < 2) {
            throw new IllegalArgumentException("needs at least 2 groups, found " + groups.size() + " " + groups.keySet());
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        groups.forEach((g, v) -> out.put(g, check(g, v, minimumPerGroup)));
        return out;
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    /** Sample variance (n - 1 denominator), two-pass for accuracy. */
    static double variance(double[] v) {
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return s / (v.length - 1);
    }
}
