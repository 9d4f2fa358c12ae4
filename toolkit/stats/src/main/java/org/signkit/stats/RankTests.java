package org.signkit.stats;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.special.Gamma;

/**
 * Rank tests: Kruskal–Wallis (scipy {@code kruskal}, R {@code kruskal.test}) and Mann–Whitney U (scipy
 * {@code mannwhitneyu} with {@code method='auto'}: exact when a sample has at most 8 values and there are no
 * ties, else the normal approximation with tie and continuity corrections).
 */
public final class RankTests {

    private RankTests() {
    }

    /**
     * A rank test's outcome.
     *
     * @param kind      {@code kruskal-wallis}, {@code mann-whitney} (asymptotic) or {@code mann-whitney-exact}
     * @param statistic H, or U of the first sample
     * @param df        degrees of freedom (H), NaN for U
     * @param p         p-value
     */
    public record Result(String kind, double statistic, double df, double p) {
    }

    /** Kruskal–Wallis H with the tie correction. */
    public static Result kruskalWallis(Map<String, double[]> groups) {
        List<double[]> g = List.copyOf(Samples.checkGroups(groups, 1).values());
        int n = g.stream().mapToInt(v -> v.length).sum();
        double[] all = new double[n];
        int k = 0;
        for (double[] v : g) {
            for (double x : v) {
                all[k++] = x;
            }
        }
        double[] ranks = ranks(all);
        double h = 0;
        k = 0;
        for (double[] v : g) {
            double r = 0;
            for (int i = 0; i < v.length; i++) {
                r += ranks[k++];
            }
            h += r * r / v.length;
        }
        h = 12.0 / (n * (n + 1.0)) * h - 3 * (n + 1.0);
        double ties = tieCorrection(all);
        if (ties == 0) {
            throw new IllegalArgumentException("all values are identical: the Kruskal-Wallis statistic is undefined");
        }
        h /= ties;
        int df = g.size() - 1;
        return new Result("kruskal-wallis", h, df, Gamma.regularizedGammaQ(df / 2.0, h / 2));
    }

    /** Mann–Whitney U of {@code a} against {@code b}, two-sided or one-sided, as scipy's default {@code method='auto'}. */
    public static Result mannWhitney(double[] a, double[] b, Alternative alt) {
        Samples.check("a", a, 1);
        Samples.check("b", b, 1);
        int n1 = a.length;
        int n2 = b.length;
        double[] all = new double[n1 + n2];
        System.arraycopy(a, 0, all, 0, n1);
        System.arraycopy(b, 0, all, n1, n2);
        double[] ranks = ranks(all);
        double r1 = 0;
        for (int i = 0; i < n1; i++) {
            r1 += ranks[i];
        }
        double u1 = r1 - n1 * (n1 + 1) / 2.0;
        double tieTerm = tieCubes(all);
        boolean tied = tieTerm > 0;
        if (!(n1 > 8 && n2 > 8) && !tied) {
            return new Result("mann-whitney-exact", u1, Double.NaN, exactP(u1, n1, n2, alt));
        }
        double mu = n1 * n2 / 2.0;
        int n = n1 + n2;
        double sigma = Math.sqrt(n1 * n2 / 12.0 * ((n + 1) - tieTerm / (n * (n - 1.0))));
        double p = switch (alt) {
            case TWO_SIDED -> 2 * normalCdf(-(Math.abs(u1 - mu) - 0.5) / sigma);
            case GREATER -> normalCdf(-(u1 - mu - 0.5) / sigma);
            case LESS -> normalCdf((u1 - mu + 0.5) / sigma);
        };
        return new Result("mann-whitney", u1, Double.NaN, Math.min(1, p));
    }

    /** Standard normal cdf through erfc, accurate far into the lower tail. */
    static double normalCdf(double x) {
        return 0.5 * Erf.erfc(-x / Math.sqrt(2));
    }

    /** Exact p-value from the distribution of U under H0 (counts of rank subsets). */
    private static double exactP(double u1, int n1, int n2, Alternative alt) {
        int max = n1 * n2;
        // counts[m][n][u]: number of arrangements of m and n items with U = u; built by recursion on the largest item.
        double[][][] counts = new double[n1 + 1][n2 + 1][];
        for (int m = 0; m <= n1; m++) {
            for (int n = 0; n <= n2; n++) {
                counts[m][n] = new double[m * n + 1];
                if (m == 0 || n == 0) {
                    counts[m][n][0] = 1;
                    continue;
                }
                for (int u = 0; u <= m * n; u++) {
                    double c = 0;
                    if (u - n >= 0 && u - n <= (m - 1) * n) {
                        c += counts[m - 1][n][u - n];
                    }
                    if (u <= m * (n - 1)) {
                        c += counts[m][n - 1][u];
                    }
                    counts[m][n][u] = c;
                }
            }
        }
        double[] dist = counts[n1][n2];
        double total = 0;
        for (double c : dist) {
            total += c;
        }
        int u = (int) Math.round(u1);
        double ge = 0;
        double le = 0;
        for (int i = 0; i <= max; i++) {
            if (i >= u) {
                ge += dist[i];
            }
            if (i <= u) {
                le += dist[i];
            }
        }
        return switch (alt) {
            case GREATER -> ge / total;
            case LESS -> le / total;
            case TWO_SIDED -> Math.min(1, 2 * Math.min(ge, le) / total);
        };
    }

    /** Average ranks (1-based), ties get the mean of their ranks. */
    static double[] ranks(double[] v) {
        Integer[] idx = new Integer[v.length];
        for (int i = 0; i < v.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (x, y) -> Double.compare(v[x], v[y]));
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; ) {
            int j = i;
            while (j < v.length && v[idx[j]] == v[idx[i]]) {
                j++;
            }
            double avg = (i + 1 + j) / 2.0;
            for (int k = i; k < j; k++) {
                r[idx[k]] = avg;
            }
            i = j;
        }
        return r;
    }

    /** 1 - sum(t^3 - t) / (n^3 - n) over tie groups. */
    static double tieCorrection(double[] v) {
        double n = v.length;
        return 1 - tieCubes(v) / (n * n * n - n);
    }

    /** sum(t^3 - t) over groups of t tied values (0 when all values differ). */
    private static double tieCubes(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        double sum = 0;
        for (int i = 0; i < s.length; ) {
            int j = i;
            while (j < s.length && s[j] == s[i]) {
                j++;
            }
            double t = j - i;
            sum += t * t * t - t;
            i = j;
        }
        return sum;
    }
}
