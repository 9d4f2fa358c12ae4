package org.signkit.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * A group's mean with its t-based confidence interval — the study's "mean over three runs" with the
 * uncertainty it hides.
 *
 * @param group  group name
 * @param n      number of values
 * @param mean   mean
 * @param sd     sample standard deviation
 * @param ciLow  lower bound of the confidence interval of the mean
 * @param ciHigh upper bound
 */
public record GroupSummary(String group, int n, double mean, double sd, double ciLow, double ciHigh) {

    /** Summaries of every group, at {@code confidence} (e.g. 0.95). */
    public static List<GroupSummary> of(Map<String, double[]> groups, double confidence) {
        List<GroupSummary> out = new ArrayList<>();
        groups.forEach((g, v) -> {
            Samples.check(g, v, 2);
            double m = Samples.mean(v);
            double sd = Math.sqrt(Samples.variance(v));
            double q = new TDistribution(null, v.length - 1, 1e-14).inverseCumulativeProbability(1 - (1 - confidence) / 2);
            double h = q * sd / Math.sqrt(v.length);
            out.add(new GroupSummary(g, v.length, m, sd, m - h, m + h));
        });
        return out;
    }
}
