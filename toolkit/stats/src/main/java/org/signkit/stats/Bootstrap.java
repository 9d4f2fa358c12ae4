package org.signkit.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Bootstrap confidence intervals that resample clusters, not items: frames of one take (video) are not
 * independent, so an accuracy's uncertainty comes from resampling whole takes with replacement.
 */
public final class Bootstrap {

    /** Resamples per interval: the percentile bounds are stable to about 0.005 at this count. */
    public static final int RESAMPLES = 2000;

    private Bootstrap() {
    }

    /**
     * The percentile interval of Σ hits / Σ counts over clusters resampled with replacement.
     *
     * @param hits   per cluster, e.g. correctly classified frames of a take
     * @param counts per cluster, e.g. frames of the take
     * @param seed   the resampling seed (explicit, so a report is reproducible)
     */
    public static EffectSizes.Interval clusteredRatio(String name, int[] hits, int[] counts, long seed, double confidence) {
        if (hits.length != counts.length || hits.length == 0) {
            throw new IllegalArgumentException("a clustered bootstrap needs one hit and one count per cluster, at least one cluster");
        }
        long h = 0;
        long c = 0;
        for (int i = 0; i < hits.length; i++) {
            h += hits[i];
            c += counts[i];
        }
        if (c == 0) {
            throw new IllegalArgumentException("a clustered bootstrap needs items: every cluster is empty");
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] ratios = new double[RESAMPLES];
        int n = hits.length;
        for (int r = 0; r < RESAMPLES; r++) {
            long rh = 0;
            long rc = 0;
            for (int i = 0; i < n; i++) {
                int j = random.nextInt(n);
                rh += hits[j];
                rc += counts[j];
            }
            ratios[r] = rc == 0 ? (double) h / c : (double) rh / rc;
        }
        Arrays.sort(ratios);
        double tail = (1 - confidence) / 2;
        return new EffectSizes.Interval(name, (double) h / c, quantile(ratios, tail), quantile(ratios, 1 - tail));
    }

    private static double quantile(double[] sorted, double p) {
        double pos = p * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        int j = Math.min(sorted.length - 1, i + 1);
        return sorted[i] + (pos - i) * (sorted[j] - sorted[i]);
    }
}
