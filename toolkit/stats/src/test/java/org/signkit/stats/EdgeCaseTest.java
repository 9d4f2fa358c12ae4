package org.signkit.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Degenerate inputs give a defined result or a clear error. */
class EdgeCaseTest {

    @Test
    void aSingleGroupIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OneWayAnova.classic(Map.of("only", new double[] {1, 2, 3})));
        assertTrue(e.getMessage().contains("at least 2 groups"), e.getMessage());
    }

    @Test
    void aMissingValueNamesItsGroupAndPosition() {
        Map<String, double[]> g = new LinkedHashMap<>();
        g.put("a", new double[] {1, 2, 3});
        g.put("b", new double[] {1, Double.NaN, 3});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OneWayAnova.classic(g));
        assertTrue(e.getMessage().contains("group 'b' value 2 is NaN"), e.getMessage());
    }

    @Test
    void constantGroupsGiveRsResults() {
        // R: oneway.test(var.equal=TRUE) on constant but different groups gives F = Inf, p = 0.
        Map<String, double[]> g = new LinkedHashMap<>();
        g.put("a", new double[] {1, 1, 1});
        g.put("b", new double[] {2, 2, 2});
        AnovaResult r = OneWayAnova.classic(g);
        assertEquals(Double.POSITIVE_INFINITY, r.f());
        assertEquals(0.0, r.p());
        // Welch's weights divide by the variances: undefined, and said so.
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OneWayAnova.welch(g));
        assertTrue(e.getMessage().contains("zero variance"));
        g.put("b", new double[] {1, 1, 1});
        assertTrue(Double.isNaN(OneWayAnova.classic(g).p()), "0/0: R gives NaN as well");
    }

    @Test
    void correctionsKeepOrderAndMonotonicity() {
        double[] adj = Corrections.HOLM.adjust(new double[] {0.04, 0.01, 0.03});
        assertEquals(0.06, adj[0], 1e-12);
        assertEquals(0.03, adj[1], 1e-12);
        assertEquals(0.06, adj[2], 1e-12);
    }
}
