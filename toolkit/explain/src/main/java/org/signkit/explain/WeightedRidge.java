package org.signkit.explain;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * Ridge regression with sample weights and an unpenalised intercept, exactly as scikit-learn's
 * {@code Ridge(alpha, fit_intercept=True).fit(X, y, sample_weight=w)}: X and y are centred on their
 * weighted means, {@code (Xcᵀ W Xc + αI) β = Xcᵀ W yc} is solved, and the intercept is
 * {@code ȳ − x̄ᵀβ}. {@link #score} is the weighted R² of {@code Ridge.score}.
 *
 * @param coefficients β
 * @param intercept    the intercept
 */
public record WeightedRidge(double[] coefficients, double intercept) {

    /** Fits {@code y ≈ Xβ + b} with weights {@code w} and penalty {@code alpha}. */
    public static WeightedRidge fit(double[][] x, double[] y, double[] w, double alpha) {
        int n = x.length;
        int p = x[0].length;
        double sw = 0;
        double[] xm = new double[p];
        double ym = 0;
        for (int i = 0; i < n; i++) {
            sw += w[i];
            ym += w[i] * y[i];
            for (int j = 0; j < p; j++) {
                xm[j] += w[i] * x[i][j];
            }
        }
        ym /= sw;
        for (int j = 0; j < p; j++) {
            xm[j] /= sw;
        }
        double[][] a = new double[p][p];
        double[] b = new double[p];
        double[] row = new double[p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                row[j] = x[i][j] - xm[j];
            }
            double yc = y[i] - ym;
            for (int j = 0; j < p; j++) {
                double wr = w[i] * row[j];
                b[j] += wr * yc;
                for (int k = j; k < p; k++) {
                    a[j][k] += wr * row[k];
                }
            }
        }
        for (int j = 0; j < p; j++) {
            a[j][j] += alpha;
            for (int k = 0; k < j; k++) {
                a[j][k] = a[k][j];
            }
        }
        RealMatrix m = new Array2DRowRealMatrix(a, false);
        RealVector beta = new CholeskyDecomposition(m, 1e-12, 1e-14).getSolver().solve(new ArrayRealVector(b, false));
        double[] coef = beta.toArray();
        double intercept = ym;
        for (int j = 0; j < p; j++) {
            intercept -= xm[j] * coef[j];
        }
        return new WeightedRidge(coef, intercept);
    }

    /** The prediction for one row. */
    public double predict(double[] row) {
        double v = intercept;
        for (int j = 0; j < row.length; j++) {
            v += coefficients[j] * row[j];
        }
        return v;
    }

    /** Weighted R² of the fit on {@code (x, y)}, as {@code Ridge.score(X, y, sample_weight=w)}. */
    public double score(double[][] x, double[] y, double[] w) {
        double sw = 0;
        double ym = 0;
        for (int i = 0; i < y.length; i++) {
            sw += w[i];
            ym += w[i] * y[i];
        }
        ym /= sw;
        double ssRes = 0;
        double ssTot = 0;
        for (int i = 0; i < y.length; i++) {
            double r = y[i] - predict(x[i]);
            ssRes += w[i] * r * r;
            ssTot += w[i] * (y[i] - ym) * (y[i] - ym);
        }
        return ssTot == 0 ? (ssRes == 0 ? 1 : 0) : 1 - ssRes / ssTot;
    }
}
