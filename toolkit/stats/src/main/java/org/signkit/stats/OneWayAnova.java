package org.signkit.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.FDistribution;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * One-way ANOVA (classic and Welch's) and the variance-homogeneity tests built on it (Levene's with
 * mean centring, Brown–Forsythe's with median centring), as scipy's {@code f_oneway} and
 * {@code levene(center=...)} and R's {@code oneway.test}.
 */
public final class OneWayAnova {

    private OneWayAnova() {
    }

    /** Classic one-way ANOVA (equal variances assumed). */
    public static AnovaResult classic(Map<String, double[]> groups) {
        return classic("classic", List.copyOf(Samples.checkGroups(groups, 1).values()));
    }

    private static AnovaResult classic(String kind, List<double[]> g) {
        int n = 0;
        double sum = 0;
        for (double[] v : g) {
            n += v.length;
            for (double x : v) {
                sum += x;
            }
        }
        double grand = sum / n;
        double between = 0;
        double within = 0;
        for (double[] v : g) {
            double m = Samples.mean(v);
            between += v.length * (m - grand) * (m - grand);
            for (double x : v) {
                within += (x - m) * (x - m);
            }
        }
        int df1 = g.size() - 1;
        int df2 = n - g.size();
        if (df2 < 1) {
            throw new IllegalArgumentException("ANOVA needs more observations than groups (" + n + " for " + g.size() + ")");
        }
        double msWithin = within / df2;
        double f = (between / df1) / msWithin;
        double p = upper(f, df1, df2);
        double total = between + within;
        return new AnovaResult(kind, f, df1, df2, p, between / total, (between - df1 * msWithin) / (total + msWithin));
    }

    /** Welch's one-way ANOVA (unequal variances), R's {@code oneway.test(var.equal = FALSE)}. */
    public static AnovaResult welch(Map<String, double[]> groups) {
        List<double[]> g = List.copyOf(Samples.checkGroups(groups, 2).values());
        int k = g.size();
        double[] w = new double[k];
        double[] m = new double[k];
        double sw = 0;
        for (int i = 0; i < k; i++) {
            double var = Samples.variance(g.get(i));
            if (var == 0) {
                throw new IllegalArgumentException("Welch's ANOVA is undefined: a group has zero variance");
            }
            w[i] = g.get(i).length / var;
            m[i] = Samples.mean(g.get(i));
            sw += w[i];
        }
        double mw = 0;
        for (int i = 0; i < k; i++) {
            mw += w[i] * m[i] / sw;
        }
        double a = 0;
        double lambda = 0;
        for (int i = 0; i < k; i++) {
            a += w[i] * (m[i] - mw) * (m[i] - mw);
            double h = 1 - w[i] / sw;
            lambda += h * h / (g.get(i).length - 1);
        }
        double f = (a / (k - 1)) / (1 + 2 * (k - 2) * lambda / (k * k - 1.0));
        double df2 = (k * k - 1.0) / (3 * lambda);
        AnovaResult c = classic("classic", g);
        return new AnovaResult("welch", f, k - 1, df2, upper(f, k - 1, df2), c.etaSquared(), c.omegaSquared());
    }

    /**
     * Repeated-measures (randomized-block) one-way ANOVA: every condition measured once in each of the same
     * b blocks (here: repeats sharing a seed, split and order), the block sum of squares taken out of the error,
     * F(k − 1, (k − 1)(b − 1)); statsmodels' {@code AnovaRM}. Its effect size is the partial η²
     * SS_condition / (SS_condition + SS_error); ω² is not defined here (NaN).
     *
     * @param aligned condition → values, index i of every array from block i
     */
    public static AnovaResult repeatedMeasures(Map<String, double[]> aligned) {
        List<double[]> g = List.copyOf(Samples.checkGroups(aligned, 2).values());
        int k = g.size();
        int b = g.get(0).length;
        for (double[] v : g) {
            if (v.length != b) {
                throw new IllegalArgumentException("repeated measures need every condition in every block: " + v.length + " vs " + b);
            }
        }
        double grand = 0;
        for (double[] v : g) {
            grand += Samples.mean(v) / k;
        }
        double ssCondition = 0;
        for (double[] v : g) {
            ssCondition += b * Math.pow(Samples.mean(v) - grand, 2);
        }
        double ssBlock = 0;
        for (int i = 0; i < b; i++) {
            double m = 0;
            for (double[] v : g) {
                m += v[i] / k;
            }
            ssBlock += k * (m - grand) * (m - grand);
        }
        double ssTotal = 0;
        for (double[] v : g) {
            for (double x : v) {
                ssTotal += (x - grand) * (x - grand);
            }
        }
        double ssError = Math.max(0, ssTotal - ssCondition - ssBlock);
        double df1 = k - 1;
        double df2 = (k - 1.0) * (b - 1);
        if (!(ssError > 1e-15 * ssTotal)) {
            throw new IllegalArgumentException("repeated-measures ANOVA is undefined: no variation left after the blocks");
        }
        double f = (ssCondition / df1) / (ssError / df2);
        return new AnovaResult("repeated-measures", f, df1, df2, upper(f, df1, df2), ssCondition / (ssCondition + ssError), Double.NaN);
    }

    /** Levene's test: ANOVA on absolute deviations from the group means. */
    public static AnovaResult levene(Map<String, double[]> groups) {
        return deviations("levene", groups, false);
    }

    /** Brown–Forsythe's test: ANOVA on absolute deviations from the group medians (robust to skew). */
    public static AnovaResult brownForsythe(Map<String, double[]> groups) {
        return deviations("brown-forsythe", groups, true);
    }

    private static AnovaResult deviations(String kind, Map<String, double[]> groups, boolean median) {
        List<double[]> dev = new ArrayList<>();
        for (double[] v : Samples.checkGroups(groups, 2).values()) {
            double c = median ? new Median().evaluate(v) : Samples.mean(v);
            double[] d = new double[v.length];
            for (int i = 0; i < v.length; i++) {
                d[i] = Math.abs(v[i] - c);
            }
            dev.add(d);
        }
        AnovaResult r = classic(kind, dev);
        return new AnovaResult(kind, r.f(), r.df1(), r.df2(), r.p(), Double.NaN, Double.NaN);
    }

    /** Upper tail of F, without 1 - cdf cancellation: via the regularized incomplete beta of the other side. */
    static double upper(double f, double df1, double df2) {
        if (Double.isNaN(f)) {
            return Double.NaN;
        }
        return org.apache.commons.math3.special.Beta.regularizedBeta(df2 / (df2 + df1 * f), df2 / 2, df1 / 2, 1e-15, 100000);
    }

    /** The F distribution, for callers that need quantiles. */
    static FDistribution f(double df1, double df2) {
        return new FDistribution(null, df1, df2, 1e-14);
    }
}
