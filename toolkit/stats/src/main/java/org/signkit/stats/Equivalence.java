package org.signkit.stats;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Equivalence by two one-sided tests (TOST, Schuirmann 1987; statsmodels' {@code ttost_ind} and
 * {@code ttost_paired}): the difference of means is shown to lie within ±{@code margin} when both
 * H0: difference ≤ −margin and H0: difference ≥ +margin are rejected at α, which is the same as the
 * (1 − 2α) confidence interval of the difference lying inside the margin. The interval also separates the
 * other two outcomes: wholly outside the margin (not equivalent) or straddling a bound (undecided).
 */
public final class Equivalence {

    private Equivalence() {
    }

    /** What TOST found. */
    public enum Outcome {
        /** The (1 − 2α) interval lies inside ±margin: equivalent within the margin. */
        EQUIVALENT,
        /** The interval lies wholly outside ±margin: the difference exceeds the margin. */
        NOT_EQUIVALENT,
        /** The interval crosses a bound: the data cannot tell. */
        UNDECIDED
    }

    /**
     * A TOST outcome.
     *
     * @param kind      {@code welch}, {@code student} or {@code paired}
     * @param margin    the equivalence margin δ (the bounds are −δ and +δ)
     * @param difference mean difference (first minus second; paired: mean of the differences)
     * @param stdError  its standard error
     * @param df        degrees of freedom
     * @param tLower    t of H0: difference ≤ −δ
     * @param pLower    its one-sided p-value
     * @param tUpper    t of H0: difference ≥ +δ
     * @param pUpper    its one-sided p-value
     * @param p         the TOST p-value, max(pLower, pUpper)
     * @param ciLow     lower bound of the (1 − 2α) interval of the difference
     * @param ciHigh    upper bound
     * @param alpha     the level of each one-sided test
     * @param outcome   equivalent, not equivalent or undecided
     */
    public record Result(String kind, double margin, double difference, double stdError, double df, double tLower,
                         double pLower, double tUpper, double pUpper, double p, double ciLow, double ciHigh, double alpha,
                         Outcome outcome) {
    }

    /** Two independent groups; {@code welch} false pools the variances (statsmodels {@code usevar='pooled'}). */
    public static Result independent(double[] a, double[] b, double margin, boolean welch, double alpha) {
        TTestResult t = welch ? TTests.welch(a, b, Alternative.TWO_SIDED, 0.95) : TTests.student(a, b, Alternative.TWO_SIDED, 0.95);
        return tost(t.kind(), t.meanDifference(), t.meanDifference() / t.t(), t.df(), margin, alpha);
    }

    /** Paired samples (the same blocks under both conditions). */
    public static Result paired(double[] a, double[] b, double margin, double alpha) {
        TTestResult t = TTests.paired(a, b, Alternative.TWO_SIDED, 0.95);
        return tost("paired", t.meanDifference(), t.meanDifference() / t.t(), t.df(), margin, alpha);
    }

    private static Result tost(String kind, double diff, double se, double df, double margin, double alpha) {
        if (!(margin > 0)) {
            throw new IllegalArgumentException("an equivalence margin must be positive: " + margin);
        }
        if (!(se > 0)) {
            throw new IllegalArgumentException("TOST is undefined: the difference has zero standard error");
        }
        TDistribution dist = new TDistribution(null, df, 1e-14);
        double tLower = (diff + margin) / se;
        double tUpper = (diff - margin) / se;
        double pLower = TTests.upper(dist, tLower);
        double pUpper = dist.cumulativeProbability(tUpper);
        double crit = dist.inverseCumulativeProbability(1 - alpha);
        double lo = diff - crit * se;
        double hi = diff + crit * se;
        Outcome o = lo > -margin && hi < margin ? Outcome.EQUIVALENT
                : hi < -margin || lo > margin ? Outcome.NOT_EQUIVALENT : Outcome.UNDECIDED;
        return new Result(kind, margin, diff, se, df, tLower, pLower, tUpper, pUpper, Math.max(pLower, pUpper), lo, hi, alpha, o);
    }
}
