package org.signkit.stats;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * What a design can detect: the minimum detectable difference (MDE) at a target power from the observed
 * variance, for t-tests (noncentral t), one-way designs (noncentral F, two means Δ apart and the rest between
 * them, the least favourable spread) and TOST equivalence; and the repeats a target margin needs.
 */
public final class Power {

    /** The power the MDE is computed at. */
    public static final double TARGET = 0.8;

    private Power() {
    }

    /** Smallest |difference| a t-test with this standard error and df detects with {@code power}. */
    public static double mdeT(double stdError, double df, double alpha, Alternative alt, double power) {
        checkScale(stdError, df);
        TDistribution t = new TDistribution(null, df, 1e-14);
        double crit = t.inverseCumulativeProbability(alt == Alternative.TWO_SIDED ? 1 - alpha / 2 : 1 - alpha);
        DoubleUnaryOperator achieved = delta -> {
            double nc = delta / stdError;
            double reject = 1 - Noncentral.tCdf(crit, df, nc);
            return alt == Alternative.TWO_SIDED ? reject + Noncentral.tCdf(-crit, df, nc) : reject;
        };
        return solve(achieved, power, stdError);
    }

    /**
     * Smallest difference Δ between two of k means (the others between them) that a one-way F test detects
     * with {@code power}: noncentrality λ = n Δ² / (2 σ²) with n per group.
     */
    public static double mdeF(double variance, double nPerGroup, double df1, double df2, double alpha, double power) {
        checkScale(Math.sqrt(variance), df2);
        double crit = OneWayAnova.f(df1, df2).inverseCumulativeProbability(1 - alpha);
        DoubleUnaryOperator achieved = delta -> 1 - Noncentral.fCdf(crit, df1, df2, nPerGroup * delta * delta / (2 * variance));
        return solve(achieved, power, Math.sqrt(2 * variance / nPerGroup));
    }

    /**
     * Smallest margin TOST shows equivalence for with {@code power} when the true difference is zero,
     * (t_{1−α} + t_{1−(1−power)/2}) · SE (the usual approximation, e.g. Julious 2004).
     */
    public static double equivalenceMargin(double stdError, double df, double alpha, double power) {
        checkScale(stdError, df);
        TDistribution t = new TDistribution(null, df, 1e-14);
        return (t.inverseCumulativeProbability(1 - alpha) + t.inverseCumulativeProbability(1 - (1 - power) / 2)) * stdError;
    }

    /** The design a repeats count is sized for. */
    public enum Design {
        /** Independent groups of equal size, SD σ each: SE = σ √(2/n), df = 2n − 2. */
        INDEPENDENT,
        /** The same blocks in both conditions, SD of the paired differences σ: SE = σ / √n, df = n − 1. */
        PAIRED
    }

    /**
     * Repeats per condition for a t-test (or TOST when {@code equivalence}) to reach an MDE (or provable
     * margin) of at most {@code margin}, given the SD, from the planned tests' minimum of 3; {@code Integer.MAX_VALUE} past 100000.
     */
    public static int repeatsFor(double margin, double sd, Design design, boolean equivalence, double alpha, double power) {
        if (!(margin > 0) || !(sd > 0)) {
            throw new IllegalArgumentException("margin and SD must be positive: margin=" + margin + ", sd=" + sd);
        }
        for (int n = TestPlan.MIN_TRIALS; n <= 100000; n = n < 100 ? n + 1 : (int) (n * 1.05)) {
            double se = design == Design.PAIRED ? sd / Math.sqrt(n) : sd * Math.sqrt(2.0 / n);
            double df = design == Design.PAIRED ? n - 1 : 2 * n - 2;
            double reach = equivalence ? equivalenceMargin(se, df, alpha, power) : mdeT(se, df, alpha, Alternative.TWO_SIDED, power);
            if (reach <= margin) {
                return n;
            }
        }
        return Integer.MAX_VALUE;
    }

    private static void checkScale(double scale, double df) {
        if (!(scale > 0) || !(df > 0)) {
            throw new IllegalArgumentException("power needs a positive variance and df: scale=" + scale + ", df=" + df);
        }
    }

    private static double solve(DoubleUnaryOperator achieved, double power, double scale) {
        double hi = scale;
        while (achieved.applyAsDouble(hi) < power) {
            hi *= 2;
        }
        return new BrentSolver(1e-14, 1e-14 * scale).solve(500, d -> achieved.applyAsDouble(d) - power, 0, hi);
    }
}
