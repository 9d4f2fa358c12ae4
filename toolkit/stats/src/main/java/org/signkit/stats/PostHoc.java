package org.signkit.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Post-hoc pairwise comparisons after an ANOVA, with family-wise error control from the studentized
 * range: Tukey's HSD (equal variances; Tukey–Kramer for unequal sizes; scipy's {@code tukey_hsd}, R's
 * {@code TukeyHSD}) and Games–Howell (unequal variances, Welch degrees of freedom per pair).
 */
public final class PostHoc {

    private PostHoc() {
    }

    /** Tukey's HSD over every pair, simultaneous intervals at {@code confidence}. */
    public static List<PairwiseComparison> tukeyHsd(Map<String, double[]> groups, double confidence) {
        Map<String, double[]> g = Samples.checkGroups(groups, 1);
        List<String> names = new ArrayList<>(g.keySet());
        int k = names.size();
        int n = 0;
        double within = 0;
        for (double[] v : g.values()) {
            n += v.length;
            double m = Samples.mean(v);
            for (double x : v) {
                within += (x - m) * (x - m);
            }
        }
        double df = n - k;
        if (df < 1) {
            throw new IllegalArgumentException("Tukey's HSD needs more observations than groups");
        }
        double mse = within / df;
        StudentizedRange dist = new StudentizedRange(k, df);
        double crit = dist.quantile(confidence);
        List<PairwiseComparison> out = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) {
                double[] a = g.get(names.get(i));
                double[] b = g.get(names.get(j));
                double diff = Samples.mean(a) - Samples.mean(b);
                double se = Math.sqrt(mse / 2 * (1.0 / a.length + 1.0 / b.length));
                double q = Math.abs(diff) / se;
                out.add(new PairwiseComparison(names.get(i), names.get(j), diff, se, q, df, dist.sf(q),
                        diff - crit * se, diff + crit * se));
            }
        }
        return out;
    }

    /** Games–Howell over every pair: per-pair Welch standard errors and degrees of freedom. */
    public static List<PairwiseComparison> gamesHowell(Map<String, double[]> groups, double confidence) {
        Map<String, double[]> g = Samples.checkGroups(groups, 2);
        List<String> names = new ArrayList<>(g.keySet());
        int k = names.size();
        List<PairwiseComparison> out = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) {
                double[] a = g.get(names.get(i));
                double[] b = g.get(names.get(j));
                double va = Samples.variance(a) / a.length;
                double vb = Samples.variance(b) / b.length;
                if (va + vb == 0) {
                    throw new IllegalArgumentException("Games-Howell is undefined: groups '" + names.get(i) + "' and '"
                            + names.get(j) + "' both have zero variance");
                }
                double df = (va + vb) * (va + vb) / (va * va / (a.length - 1) + vb * vb / (b.length - 1));
                double diff = Samples.mean(a) - Samples.mean(b);
                // On the studentized-range scale the standard error of a difference is sqrt((va + vb) / 2).
                double se = Math.sqrt((va + vb) / 2);
                double q = Math.abs(diff) / se;
                StudentizedRange dist = new StudentizedRange(k, df);
                double crit = dist.quantile(confidence);
                out.add(new PairwiseComparison(names.get(i), names.get(j), diff, se, q, df, dist.sf(q),
                        diff - crit * se, diff + crit * se));
            }
        }
        return out;
    }
}
