package org.signkit.stats;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.solvers.BrentSolver;

/**
 * Confidence intervals of effect sizes by inverting noncentral distributions (Steiger and Fouladi's
 * method; R's {@code effectsize}, MBESS): Cohen's d and Hedges' g through the noncentral t, η², partial
 * η² and ω² through the noncentral F with {@code λ / (λ + N)}.
 */
public final class EffectSizes {

    private EffectSizes() {
    }

    /**
     * An effect size with its confidence interval.
     *
     * @param name     {@code cohens_d}, {@code hedges_g}, {@code eta_squared}, ...
     * @param estimate the point estimate
     * @param ciLow    lower bound
     * @param ciHigh   upper bound
     */
    public record Interval(String name, double estimate, double ciLow, double ciHigh) {
    }

    /** Cohen's d and Hedges' g of a t-test result, with intervals at {@code confidence}. */
    public static Interval[] standardizedDifference(TTestResult t, int n1, int n2, double confidence) {
        // d = t * scale: sqrt(1/n1 + 1/n2) for two groups (pooled SD), 1/sqrt(n) for paired differences.
        double scale = t.kind().equals("paired") ? 1 / Math.sqrt(n1) : Math.sqrt(1.0 / n1 + 1.0 / n2);
        double df = t.kind().equals("paired") ? n1 - 1 : n1 + n2 - 2;
        double tObs = t.cohensD() / scale;
        double alpha = 1 - confidence;
        double lo = solveDelta(tObs, df, 1 - alpha / 2);
        double hi = solveDelta(tObs, df, alpha / 2);
        double j = TTests.hedgesCorrection(df);
        return new Interval[] {
            new Interval("cohens_d", t.cohensD(), lo * scale, hi * scale),
            new Interval("hedges_g", t.hedgesG(), lo * scale * j, hi * scale * j)};
    }

    /** η² (and ω², same population quantity) of a classic one-way ANOVA with {@code n} observations. */
    public static Interval[] varianceExplained(AnovaResult a, int n, double confidence) {
        double[] lambda = lambdaInterval(a.f(), a.df1(), a.df2(), confidence);
        double lo = lambda[0] / (lambda[0] + n);
        double hi = lambda[1] / (lambda[1] + n);
        return new Interval[] {
            new Interval("eta_squared", a.etaSquared(), lo, hi),
            new Interval("omega_squared", a.omegaSquared(), lo, hi)};
    }

    /** Partial η² of a two-way ANOVA row, {@code n} observations. */
    public static Interval partialEtaSquared(TwoWayAnova.Row row, double dfResidual, int n, double confidence) {
        return partialEtaSquared(row.partialEtaSquared(), row.f(), row.df(), dfResidual, n, confidence);
    }

    /** Partial η² of any F test (e.g. a repeated-measures ANOVA), {@code n} observations. */
    public static Interval partialEtaSquared(double estimate, double f, double df1, double df2, int n, double confidence) {
        double[] lambda = lambdaInterval(f, df1, df2, confidence);
        return new Interval("partial_eta_squared", estimate, lambda[0] / (lambda[0] + n), lambda[1] / (lambda[1] + n));
    }

    /** Noncentrality δ with P(T ≤ tObs | δ) = p (decreasing in δ). */
    private static double solveDelta(double tObs, double df, double p) {
        DoubleUnaryOperator g = d -> Noncentral.tCdf(tObs, df, d) - p;
        double a = tObs - 10;
        double b = tObs + 10;
        while (g.applyAsDouble(a) < 0) {
            a -= 10;
        }
        while (g.applyAsDouble(b) > 0) {
            b += 10;
        }
        return new BrentSolver(1e-14, 1e-13).solve(500, g::applyAsDouble, a, b);
    }

    /** Bounds of the noncentrality λ of F(df1, df2) given the observed F (0 when the bound is below zero). */
    private static double[] lambdaInterval(double f, double df1, double df2, double confidence) {
        double alpha = 1 - confidence;
        return new double[] {solveLambda(f, df1, df2, 1 - alpha / 2), solveLambda(f, df1, df2, alpha / 2)};
    }

    private static double solveLambda(double f, double df1, double df2, double p) {
        DoubleUnaryOperator g = l -> Noncentral.fCdf(f, df1, df2, l) - p;
        if (g.applyAsDouble(0) <= 0) {
            return 0;
        }
        double b = Math.max(10, 2 * f * df1);
        while (g.applyAsDouble(b) > 0) {
            b *= 2;
        }
        return new BrentSolver(1e-14, 1e-13).solve(500, g::applyAsDouble, 0, b);
    }
}
