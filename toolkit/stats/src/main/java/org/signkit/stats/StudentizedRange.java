package org.signkit.stats;

import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.special.Gamma;

/**
 * The studentized range distribution (R's {@code ptukey}/{@code qtukey}, scipy's
 * {@code studentized_range}) for {@code k} means and {@code df} error degrees of freedom, by numerical
 * integration of its defining double integral with composite Gauss–Legendre rules. The upper tail is
 * integrated directly (not as 1 − cdf), so small p-values keep their relative accuracy.
 */
public final class StudentizedRange {

    private static final GaussLegendre RULE = new GaussLegendre(12);
    private static final double INFINITE_DF = 1e7;

    private final int k;
    private final double df;

    public StudentizedRange(int k, double df) {
        if (k < 2 || !(df > 0)) {
            throw new IllegalArgumentException("studentized range needs k >= 2 and df > 0: k=" + k + ", df=" + df);
        }
        this.k = k;
        this.df = df;
    }

    /** P(Q ≤ q). */
    public double cdf(double q) {
        return q <= 0 ? 0 : 1 - sf(q);
    }

    /** P(Q > q), computed directly. */
    public double sf(double q) {
        if (q <= 0) {
            return 1;
        }
        if (df >= INFINITE_DF) {
            return rangeSf(q);
        }
        double nu = df;
        double logC = nu / 2 * Math.log(nu) - Gamma.logGamma(nu / 2) - (nu / 2 - 1) * Math.log(2);
        // s = sqrt(chi2_nu / nu); beyond sHi its density is below e^-60 relative to the mode.
        double sHi = Math.sqrt((nu + 30 * Math.sqrt(2 * nu) + 150) / nu);
        int panels = (int) Math.min(200, 24 + 2 * Math.sqrt(nu) * sHi);
        return Math.min(1, RULE.integrate(s -> s <= 0 ? 0
                : Math.exp(logC + (nu - 1) * Math.log(s) - nu * s * s / 2) * rangeSf(q * s), 0, sHi, panels));
    }

    /** The quantile: q with P(Q ≤ q) = p. */
    public double quantile(double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("probability must be in (0, 1): " + p);
        }
        double hi = 2;
        while (cdf(hi) < p) {
            hi *= 2;
        }
        return new BrentSolver(1e-13, 1e-12).solve(200, x -> cdf(x) - p, 0, hi);
    }

    /** P(range of k standard normals > w) = k ∫ φ(z) [Φ(z)^{k-1} − (Φ(z) − Φ(z − w))^{k-1}] dz. */
    private double rangeSf(double w) {
        if (w <= 0) {
            return 1;
        }
        int m = k - 1;
        // The integrand lives where φ(z) is not negligible and, for large w, around z = w/2.
        double lo = -12;
        double hi = Math.max(12, w / 2 + 12);
        int panels = (int) Math.ceil((hi - lo) / 1.5);
        return Math.min(1, k * RULE.integrate(z -> {
            double phi = Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI);
            if (phi == 0) {
                return 0;
            }
            double a = normalCdf(z);
            double b = normalCdf(z - w);
            if (a == 0) {
                return 0;
            }
            // a^m − (a − b)^m = −a^m · expm1(m · log1p(−b / a)), exact even when b is tiny.
            return phi * -Math.pow(a, m) * Math.expm1(m * Math.log1p(-b / a));
        }, lo, hi, panels));
    }

    private static double normalCdf(double x) {
        return 0.5 * Erf.erfc(-x / Math.sqrt(2));
    }
}
