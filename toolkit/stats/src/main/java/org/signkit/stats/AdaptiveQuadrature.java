package org.signkit.stats;

import java.util.PriorityQueue;
import java.util.function.DoubleUnaryOperator;

/**
 * Globally adaptive Gauss–Legendre quadrature: each panel is integrated with an n-point and a 2n-point rule,
 * their difference is the panel's error estimate, and the panel with the largest estimate is halved until the
 * summed estimate is below {@code relativeTolerance} of the integral. The 2n-point values are summed, so the
 * result is usually far more accurate than the tolerance. Breakpoints given by the caller put panel edges where
 * the integrand changes scale, so that no panel hides a narrow peak between its nodes.
 */
final class AdaptiveQuadrature {

    private static final int MAX_PANELS = 4000;

    private final GaussLegendre coarse;
    private final GaussLegendre fine;
    private final double relativeTolerance;

    AdaptiveQuadrature(int points, double relativeTolerance) {
        this.coarse = new GaussLegendre(points);
        this.fine = new GaussLegendre(2 * points);
        this.relativeTolerance = relativeTolerance;
    }

    private record Panel(double a, double b, double value, double error) {
    }

    /** ∫ f over [breakpoints[0], breakpoints[last]]; breakpoints ascending. */
    double integrate(DoubleUnaryOperator f, double... breakpoints) {
        PriorityQueue<Panel> queue = new PriorityQueue<>((x, y) -> Double.compare(y.error(), x.error()));
        double total = 0;
        double error = 0;
        for (int i = 0; i + 1 < breakpoints.length; i++) {
            if (breakpoints[i + 1] > breakpoints[i]) {
                Panel p = panel(f, breakpoints[i], breakpoints[i + 1]);
                queue.add(p);
                total += p.value();
                error += p.error();
            }
        }
        int panels = queue.size();
        while (!queue.isEmpty() && error > relativeTolerance * Math.abs(total) && error > Double.MIN_NORMAL
                && panels < MAX_PANELS) {
            Panel worst = queue.poll();
            double mid = 0.5 * (worst.a() + worst.b());
            Panel left = panel(f, worst.a(), mid);
            Panel right = panel(f, mid, worst.b());
            queue.add(left);
            queue.add(right);
            total += left.value() + right.value() - worst.value();
            error += left.error() + right.error() - worst.error();
            panels++;
        }
        return total;
    }

    private Panel panel(DoubleUnaryOperator f, double a, double b) {
        double v = fine.integrate(f, a, b, 1);
        return new Panel(a, b, v, Math.abs(v - coarse.integrate(f, a, b, 1)));
    }
}
