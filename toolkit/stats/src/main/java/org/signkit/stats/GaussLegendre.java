package org.signkit.stats;

import java.util.function.DoubleUnaryOperator;

/** Composite Gauss–Legendre quadrature: smooth integrands to near double precision with few evaluations. */
final class GaussLegendre {

    private final double[] nodes;
    private final double[] weights;

    /** An {@code n}-point rule; nodes found by Newton's method on the Legendre polynomial. */
    GaussLegendre(int n) {
        nodes = new double[n];
        weights = new double[n];
        for (int i = 0; i < (n + 1) / 2; i++) {
            double x = Math.cos(Math.PI * (i + 0.75) / (n + 0.5));
            double dp = 0;
            for (int iter = 0; iter < 100; iter++) {
                double p0 = 1;
                double p1 = x;
                for (int k = 2; k <= n; k++) {
                    double p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
                    p0 = p1;
                    p1 = p2;
                }
                dp = n * (x * p1 - p0) / (x * x - 1);
                double dx = p1 / dp;
                x -= dx;
                if (Math.abs(dx) < 1e-16) {
                    break;
                }
            }
            nodes[i] = -x;
            nodes[n - 1 - i] = x;
            double w = 2 / ((1 - x * x) * dp * dp);
            weights[i] = w;
            weights[n - 1 - i] = w;
        }
    }

    /** ∫ f over [a, b] split into {@code panels} equal panels. */
    double integrate(DoubleUnaryOperator f, double a, double b, int panels) {
        double h = (b - a) / panels;
        double sum = 0;
        for (int p = 0; p < panels; p++) {
            double mid = a + (p + 0.5) * h;
            double part = 0;
            for (int i = 0; i < nodes.length; i++) {
                part += weights[i] * f.applyAsDouble(mid + 0.5 * h * nodes[i]);
            }
            sum += part * 0.5 * h;
        }
        return sum;
    }
}
