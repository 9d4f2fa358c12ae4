package org.signkit.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * Two-way ANOVA with interaction (y ~ A * B) for balanced and unbalanced designs, with type II or
 * type III sums of squares (type III with sum-to-zero contrasts, as statsmodels'
 * {@code anova_lm(ols('y ~ C(a, Sum) * C(b, Sum)'), typ=3)} and R's {@code car::Anova(type = 3)}).
 * Sums of squares are differences of residual sums of squares of nested least-squares fits (QR).
 */
public final class TwoWayAnova {

    /** Which sums of squares. */
    public enum Type { II, III }

    /**
     * One row of the table.
     *
     * @param term             {@code A}, {@code B}, {@code A:B} or {@code residual}
     * @param sumOfSquares     SS
     * @param df               degrees of freedom
     * @param f                F (NaN for the residual row)
     * @param p                p-value (NaN for the residual row)
     * @param partialEtaSquared SS / (SS + SS_residual)
     */
    public record Row(String term, double sumOfSquares, double df, double f, double p, double partialEtaSquared) {
    }

    private TwoWayAnova() {
    }

    /** The ANOVA table for {@code y} with factor levels {@code a} and {@code b} (one per observation). */
    public static List<Row> table(double[] y, String[] a, String[] b, Type type) {
        int n = y.length;
        if (a.length != n || b.length != n) {
            throw new IllegalArgumentException("y, a and b need one entry per observation");
        }
        Samples.check("y", y, 2);
        List<String> la = levels(a);
        List<String> lb = levels(b);
        if (la.size() < 2 || lb.size() < 2) {
            throw new IllegalArgumentException("each factor needs at least 2 levels: " + la + ", " + lb);
        }
        Map<String, Integer> cells = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            cells.merge(a[i] + "\u0000" + b[i], 1, Integer::sum);
        }
        if (cells.size() < la.size() * lb.size()) {
            throw new IllegalArgumentException("every combination of the two factors needs an observation (empty cells)");
        }
        double[][] ca = sumCoding(a, la);
        double[][] cb = sumCoding(b, lb);
        double[][] cab = new double[n][ca[0].length * cb[0].length];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < ca[0].length; p++) {
                for (int q = 0; q < cb[0].length; q++) {
                    cab[i][p * cb[0].length + q] = ca[i][p] * cb[i][q];
                }
            }
        }
        int dfA = la.size() - 1;
        int dfB = lb.size() - 1;
        int dfAB = dfA * dfB;
        double rssFull = rss(y, true, ca, cb, cab);
        double dfRes = n - 1 - dfA - dfB - dfAB;
        if (dfRes < 1) {
            throw new IllegalArgumentException("no residual degrees of freedom: needs more than one observation per cell");
        }
        double ssA;
        double ssB;
        double ssAB;
        if (type == Type.II) {
            double rssAB = rss(y, true, ca, cb);
            ssA = rss(y, true, cb) - rssAB;
            ssB = rss(y, true, ca) - rssAB;
            ssAB = rssAB - rssFull;
        } else {
            ssA = rss(y, true, cb, cab) - rssFull;
            ssB = rss(y, true, ca, cab) - rssFull;
            ssAB = rss(y, true, ca, cb) - rssFull;
        }
        double mse = rssFull / dfRes;
        List<Row> rows = new ArrayList<>();
        if (type == Type.III) {
            double ssInt = rss(y, false, ca, cb, cab) - rssFull;
            rows.add(row("intercept", ssInt, 1, mse, dfRes, rssFull));
        }
        rows.add(row("A", ssA, dfA, mse, dfRes, rssFull));
        rows.add(row("B", ssB, dfB, mse, dfRes, rssFull));
        rows.add(row("A:B", ssAB, dfAB, mse, dfRes, rssFull));
        rows.add(new Row("residual", rssFull, dfRes, Double.NaN, Double.NaN, Double.NaN));
        return rows;
    }

    private static Row row(String term, double ss, double df, double mse, double dfRes, double rssFull) {
        double f = ss / df / mse;
        return new Row(term, ss, df, f, OneWayAnova.upper(f, df, dfRes), ss / (ss + rssFull));
    }

    private static List<String> levels(String[] v) {
        List<String> l = new ArrayList<>();
        for (String s : v) {
            if (s == null || s.isEmpty()) {
                throw new IllegalArgumentException("a factor level is empty");
            }
            if (!l.contains(s)) {
                l.add(s);
            }
        }
        l.sort(null);
        return l;
    }

    /** Sum-to-zero (deviation) coding: level i < last gets the unit vector, the last level gets -1s. */
    private static double[][] sumCoding(String[] v, List<String> levels) {
        int k = levels.size();
        double[][] c = new double[v.length][k - 1];
        for (int i = 0; i < v.length; i++) {
            int idx = levels.indexOf(v[i]);
            for (int j = 0; j < k - 1; j++) {
                c[i][j] = idx == k - 1 ? -1 : idx == j ? 1 : 0;
            }
        }
        return c;
    }

    /** Residual sum of squares of y on an optional intercept and the given column blocks. */
    private static double rss(double[] y, boolean intercept, double[][]... blocks) {
        int n = y.length;
        int cols = intercept ? 1 : 0;
        for (double[][] b : blocks) {
            cols += b[0].length;
        }
        RealMatrix x = new Array2DRowRealMatrix(n, cols);
        for (int i = 0; i < n; i++) {
            int c = 0;
            if (intercept) {
                x.setEntry(i, c++, 1);
            }
            for (double[][] b : blocks) {
                for (double v : b[i]) {
                    x.setEntry(i, c++, v);
                }
            }
        }
        RealVector yv = new ArrayRealVector(y);
        RealVector beta = new QRDecomposition(x, 1e-12).getSolver().solve(yv);
        RealVector r = yv.subtract(x.operate(beta));
        return r.dotProduct(r);
    }
}
