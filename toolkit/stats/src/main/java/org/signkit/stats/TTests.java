package org.signkit.stats;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.special.Gamma;

/**
 * Student's, Welch's and the paired t-test, with confidence intervals and effect sizes; they agree
 * with scipy's {@code ttest_ind(equal_var=True|False)} and {@code ttest_rel} and with R's {@code t.test}.
 */
public final class TTests {

    private TTests() {
    }

    /** Two independent groups with equal variances (pooled). */
    public static TTestResult student(double[] a, double[] b, Alternative alt, double confidence) {
        Samples.check("a", a, 2);
        Samples.check("b", b, 2);
        int n1 = a.length;
        int n2 = b.length;
        double df = n1 + n2 - 2;
        double pooled = ((n1 - 1) * Samples.variance(a) + (n2 - 1) * Samples.variance(b)) / df;
        double diff = Samples.mean(a) - Samples.mean(b);
        double se = Math.sqrt(pooled * (1.0 / n1 + 1.0 / n2));
        double d = diff / Math.sqrt(pooled);
        return result("student", alt, diff, se, df, confidence, d, d * hedgesCorrection(df));
    }

    /** Two independent groups, unequal variances (Welch–Satterthwaite degrees of freedom). */
    public static TTestResult welch(double[] a, double[] b, Alternative alt, double confidence) {
        Samples.check("a", a, 2);
        Samples.check("b", b, 2);
        int n1 = a.length;
        int n2 = b.length;
        double v1 = Samples.variance(a) / n1;
        double v2 = Samples.variance(b) / n2;
        double se = Math.sqrt(v1 + v2);
        double df = (v1 + v2) * (v1 + v2) / (v1 * v1 / (n1 - 1) + v2 * v2 / (n2 - 1));
        double diff = Samples.mean(a) - Samples.mean(b);
        double pooled = ((n1 - 1) * Samples.variance(a) + (n2 - 1) * Samples.variance(b)) / (n1 + n2 - 2);
        double d = diff / Math.sqrt(pooled);
        return result("welch", alt, diff, se, df, confidence, d, d * hedgesCorrection(n1 + n2 - 2));
    }

    /** Paired samples (same trials under two conditions, e.g. the same seeds). */
    public static TTestResult paired(double[] a, double[] b, Alternative alt, double confidence) {
        Samples.check("a", a, 2);
        Samples.check("b", b, 2);
        if (a.length != b.length) {
            throw new IllegalArgumentException("paired samples need equal sizes: " + a.length + " vs " + b.length);
        }
        double[] d = new double[a.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = a[i] - b[i];
        }
        double sd = Math.sqrt(Samples.variance(d));
        double mean = Samples.mean(d);
        double df = d.length - 1;
        double dz = mean / sd;
        return result("paired", alt, mean, sd / Math.sqrt(d.length), df, confidence, dz, dz * hedgesCorrection(df));
    }

    /**
     * Nadeau and Bengio's corrected resampled t-test for k repeated random train/test splits of the same
     * data: the variance of the score differences is inflated by {@code nTest / nTrain}, because the
     * splits overlap and the plain paired t-test is then far too liberal.
     *
     * @param differences per-split score differences (model A minus model B)
     */
    public static TTestResult correctedResampled(double[] differences, int nTrain, int nTest, Alternative alt,
                                                 double confidence) {
        Samples.check("differences", differences, 2);
        if (nTrain < 1 || nTest < 1) {
            throw new IllegalArgumentException("nTrain and nTest must be positive");
        }
        int k = differences.length;
        double mean = Samples.mean(differences);
        double var = Samples.variance(differences);
        double se = Math.sqrt((1.0 / k + (double) nTest / nTrain) * var);
        double dz = mean / Math.sqrt(var);
        return result("corrected-resampled", alt, mean, se, k - 1, confidence, dz, dz * hedgesCorrection(k - 1));
    }

    /** Hedges' exact small-sample correction J(df) = Γ(df/2) / (sqrt(df/2) Γ((df-1)/2)). */
    public static double hedgesCorrection(double df) {
        return Math.exp(Gamma.logGamma(df / 2) - Gamma.logGamma((df - 1) / 2)) / Math.sqrt(df / 2);
    }

    private static TTestResult result(String kind, Alternative alt, double diff, double se, double df,
                                      double confidence, double d, double g) {
        double t = diff / se;
        TDistribution dist = new TDistribution(null, df, 1e-14);
        double p = switch (alt) {
            case TWO_SIDED -> 2 * upper(dist, Math.abs(t));
            case LESS -> dist.cumulativeProbability(t);
            case GREATER -> upper(dist, t);
        };
        double lo;
        double hi;
        switch (alt) {
            case LESS -> {
                lo = Double.NEGATIVE_INFINITY;
                hi = diff + dist.inverseCumulativeProbability(confidence) * se;
            }
            case GREATER -> {
                lo = diff - dist.inverseCumulativeProbability(confidence) * se;
                hi = Double.POSITIVE_INFINITY;
            }
            default -> {
                double q = dist.inverseCumulativeProbability(1 - (1 - confidence) / 2);
                lo = diff - q * se;
                hi = diff + q * se;
            }
        }
        return new TTestResult(kind, alt, t, df, Math.min(1, p), diff, lo, hi, d, g);
    }

    /** P(T > t) without the cancellation of 1 - cdf for large t. */
    static double upper(TDistribution dist, double t) {
        return t > 0 ? dist.cumulativeProbability(-t) : 1 - dist.cumulativeProbability(t);
    }
}
