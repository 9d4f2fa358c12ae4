package org.signkit.stats;

import java.util.Arrays;
import org.apache.commons.math3.special.Erf;

/**
 * Shapiro–Wilk normality test, Royston's algorithm AS R94 (1995) as in R's {@code shapiro.test} and
 * scipy's {@code shapiro}: W from approximated expected normal order statistics, p from Royston's
 * normalising transformations (exact for n = 3). Valid for 3 ≤ n ≤ 5000.
 */
public final class ShapiroWilk {

    private static final double SMALL = 1e-19;
    private static final double[] G = {-2.273, .459};
    private static final double[] C1 = {0., .221157, -.147981, -2.07119, 4.434685, -2.706056};
    private static final double[] C2 = {0., .042981, -.293762, -1.752461, 5.682633, -3.582633};
    private static final double[] C3 = {.544, -.39978, .025054, -6.714e-4};
    private static final double[] C4 = {1.3822, -.77857, .062767, -.0020322};
    private static final double[] C5 = {-1.5861, -.31082, -.083751, .0038915};
    private static final double[] C6 = {-.4803, -.082676, .0030302};

    private ShapiroWilk() {
    }

    /**
     * @param w the W statistic
     * @param p p-value of the null hypothesis that the sample is normal
     */
    public record Result(double w, double p) {
    }

    /** Tests one sample (NaN or infinite values are an error; a constant sample is an error, as in R). */
    public static Result test(double[] sample) {
        double[] x = Samples.check("sample", sample, 3).clone();
        int n = x.length;
        if (n > 5000) {
            throw new IllegalArgumentException("Shapiro-Wilk is defined for 3 to 5000 values, got " + n);
        }
        Arrays.sort(x);
        double range = x[n - 1] - x[0];
        if (range < SMALL) {
            throw new IllegalArgumentException("all values are identical: Shapiro-Wilk is undefined");
        }
        int nn2 = n / 2;
        double[] a = new double[nn2 + 1];
        double an = n;
        if (n == 3) {
            a[1] = Math.sqrt(0.5);
        } else {
            double an25 = an + .25;
            double summ2 = 0;
            double[] m = new double[nn2 + 1];
            for (int i = 1; i <= nn2; i++) {
                m[i] = normalQuantile((i - .375) / an25);
                summ2 += m[i] * m[i];
            }
            summ2 *= 2;
            double ssumm2 = Math.sqrt(summ2);
            double rsn = 1 / Math.sqrt(an);
            double a1 = poly(C1, 6, rsn) - m[1] / ssumm2;
            int i1;
            double fac;
            if (n > 5) {
                i1 = 3;
                double a2 = -m[2] / ssumm2 + poly(C2, 6, rsn);
                fac = Math.sqrt((summ2 - 2 * (m[1] * m[1]) - 2 * (m[2] * m[2])) / (1 - 2 * (a1 * a1) - 2 * (a2 * a2)));
                a[2] = a2;
            } else {
                i1 = 2;
                fac = Math.sqrt((summ2 - 2 * (m[1] * m[1])) / (1 - 2 * (a1 * a1)));
            }
            a[1] = a1;
            for (int i = i1; i <= nn2; i++) {
                a[i] = -m[i] / fac;
            }
        }
        double xx = x[0] / range;
        double sx = xx;
        double sa = -a[1];
        for (int i = 1, j = n - 1; i < n; j--) {
            double xi = x[i] / range;
            sx += xi;
            i++;
            if (i != j) {
                sa += Integer.signum(i - j) * a[Math.min(i, j)];
            }
            xx = xi;
        }
        sa /= n;
        sx /= n;
        double ssa = 0;
        double ssx = 0;
        double sax = 0;
        for (int i = 0, j = n - 1; i < n; i++, j--) {
            double asa = i != j ? Integer.signum(i - j) * a[1 + Math.min(i, j)] - sa : -sa;
            double xsx = x[i] / range - sx;
            ssa += asa * asa;
            ssx += xsx * xsx;
            sax += asa * xsx;
        }
        double ssassx = Math.sqrt(ssa * ssx);
        double w1 = (ssassx - sax) * (ssassx + sax) / (ssa * ssx);
        double w = 1 - w1;
        if (n == 3) {
            double pi6 = 1.90985931710274;
            double stqr = 1.04719755119660;
            return new Result(w, Math.max(0, pi6 * (Math.asin(Math.sqrt(w)) - stqr)));
        }
        double y = Math.log(w1);
        double lxx = Math.log(an);
        double mean;
        double sd;
        if (n <= 11) {
            double gamma = poly(G, 2, an);
            if (y >= gamma) {
                return new Result(w, 1e-99);
            }
            y = -Math.log(gamma - y);
            mean = poly(C3, 4, an);
            sd = Math.exp(poly(C4, 4, an));
        } else {
            mean = poly(C5, 4, lxx);
            sd = Math.exp(poly(C6, 3, lxx));
        }
        return new Result(w, 0.5 * Erf.erfc((y - mean) / (sd * Math.sqrt(2))));
    }

    private static double poly(double[] cc, int nord, double x) {
        double ret = cc[0];
        if (nord > 1) {
            double p = x * cc[nord - 1];
            for (int j = nord - 2; j > 0; j--) {
                p = (p + cc[j]) * x;
            }
            ret += p;
        }
        return ret;
    }

    private static double normalQuantile(double p) {
        return Math.sqrt(2) * Erf.erfInv(2 * p - 1);
    }
}
