package org.signkit.stats;

import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.special.Gamma;

/**
 * Noncentral t and F distribution functions as Poisson mixtures of regularized incomplete beta
 * functions (Lenth's AS 243 for t), summed outwards from the Poisson mode until terms vanish; used to
 * invert tests into confidence intervals of effect sizes.
 */
final class Noncentral {

    private static final double EPS = 1e-17;

    private Noncentral() {
    }

    /** P(T ≤ t) for the noncentral t with {@code df} and noncentrality {@code delta}. */
    static double tCdf(double t, double df, double delta) {
        if (t < 0) {
            return 1 - tCdfNonNegative(-t, df, -delta);
        }
        return tCdfNonNegative(t, df, delta);
    }

    private static double tCdfNonNegative(double t, double df, double delta) {
        double x = t * t / (t * t + df);
        double lambda = delta * delta / 2;
        double base = 0.5 * Erf.erfc(delta / Math.sqrt(2));
        if (x == 0 || lambda == 0) {
            return base + (lambda == 0 ? 0.5 * Beta.regularizedBeta(x, 0.5, df / 2, 1e-15, 100000) : 0);
        }
        int mode = (int) Math.floor(lambda);
        double sum = 0;
        for (int dir = 0; dir < 2; dir++) {
            for (int j = dir == 0 ? mode : mode - 1; j >= 0; j += dir == 0 ? 1 : -1) {
                double logP = -lambda + j * Math.log(lambda) - Gamma.logGamma(j + 1.0);
                double logQ = -lambda + j * Math.log(lambda) - Gamma.logGamma(j + 1.5);
                double term = Math.exp(logP) * Beta.regularizedBeta(x, j + 0.5, df / 2, 1e-15, 100000)
                        + Math.signum(delta) * Math.exp(logQ + Math.log(Math.abs(delta) / Math.sqrt(2)))
                        * Beta.regularizedBeta(x, j + 1.0, df / 2, 1e-15, 100000);
                sum += term;
                if (Math.abs(term) < EPS * Math.abs(sum) && Math.abs(j - mode) > 5) {
                    break;
                }
                if (dir == 0 && j > mode + 100000) {
                    break;
                }
            }
        }
        return Math.max(0, Math.min(1, base + 0.5 * sum));
    }

    /** P(F ≤ f) for the noncentral F with {@code df1}, {@code df2} and noncentrality {@code lambda}. */
    static double fCdf(double f, double df1, double df2, double lambda) {
        if (f <= 0) {
            return 0;
        }
        double x = df1 * f / (df1 * f + df2);
        double half = lambda / 2;
        if (half == 0) {
            return Beta.regularizedBeta(x, df1 / 2, df2 / 2, 1e-15, 100000);
        }
        int mode = (int) Math.floor(half);
        double sum = 0;
        for (int dir = 0; dir < 2; dir++) {
            for (int j = dir == 0 ? mode : mode - 1; j >= 0; j += dir == 0 ? 1 : -1) {
                double w = Math.exp(-half + j * Math.log(half) - Gamma.logGamma(j + 1.0));
                double term = w * Beta.regularizedBeta(x, df1 / 2 + j, df2 / 2, 1e-15, 100000);
                sum += term;
                if (w < EPS && Math.abs(j - mode) > 5) {
                    break;
                }
            }
        }
        return Math.max(0, Math.min(1, sum));
    }
}
