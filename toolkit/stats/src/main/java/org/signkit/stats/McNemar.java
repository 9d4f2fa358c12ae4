package org.signkit.stats;

import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Gamma;

/**
 * McNemar's test on the two discordant counts of paired classifications (b: only the first model is
 * right, c: only the second): exact binomial (statsmodels' default) or chi-square with continuity
 * correction (R's {@code mcnemar.test}).
 */
public final class McNemar {

    private McNemar() {
    }

    /**
     * @param kind      {@code exact} or {@code chi2}
     * @param statistic min(b, c) for exact, the corrected chi-square otherwise
     * @param p         two-sided p-value
     */
    public record Result(String kind, double statistic, double p) {
    }

    /** Exact two-sided binomial test of b against b + c at 1/2. */
    public static Result exact(long b, long c) {
        check(b, c);
        long n = b + c;
        long k = Math.min(b, c);
        // P(X <= k) for X ~ Bin(n, 1/2) is I_{1/2}(n - k, k + 1); doubled for two sides.
        double p = n == 0 ? 1 : Math.min(1, 2 * Beta.regularizedBeta(0.5, n - k, k + 1.0, 1e-15, 100000));
        return new Result("exact", k, k * 2 == n ? 1 : p);
    }

    /** Chi-square with Edwards' continuity correction, one degree of freedom. */
    public static Result chiSquare(long b, long c) {
        check(b, c);
        if (b + c == 0) {
            throw new IllegalArgumentException("no discordant pairs: McNemar's chi-square is undefined (b + c = 0)");
        }
        double d = Math.abs(b - c) - 1.0;
        double chi = Math.max(0, d) * Math.max(0, d) / (b + c);
        return new Result("chi2", chi, Gamma.regularizedGammaQ(0.5, chi / 2));
    }

    private static void check(long b, long c) {
        if (b < 0 || c < 0) {
            throw new IllegalArgumentException("counts must be >= 0: b=" + b + ", c=" + c);
        }
    }
}
