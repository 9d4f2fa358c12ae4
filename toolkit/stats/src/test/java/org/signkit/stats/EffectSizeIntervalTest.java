package org.signkit.stats;

import static org.signkit.stats.ScipyFixtureTest.close;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Effect-size intervals equal scipy's noncentral t / F inversions (fixture {@code effect_ci}). */
class EffectSizeIntervalTest {

    @BeforeAll
    static void load() throws Exception {
        ScipyFixtureTest.load();
    }

    @Test
    void cohensDHedgesGAndEtaSquaredIntervals() {
        for (JsonNode e : ScipyFixtureTest.fx.path("effect_ci")) {
            String ds = e.path("dataset").asText();
            List<double[]> g = List.copyOf(ScipyFixtureTest.data.get(ds).values());
            TTestResult t = TTests.student(g.get(0), g.get(1), Alternative.TWO_SIDED, 0.95);
            EffectSizes.Interval[] dg = EffectSizes.standardizedDifference(t, g.get(0).length, g.get(1).length, 0.95);
            close(e.path("d").get(0).asDouble(), dg[0].ciLow(), ds + " d low");
            close(e.path("d").get(1).asDouble(), dg[0].ciHigh(), ds + " d high");
            close(e.path("g").get(0).asDouble(), dg[1].ciLow(), ds + " g low");
            close(e.path("g").get(1).asDouble(), dg[1].ciHigh(), ds + " g high");
            int n = g.stream().mapToInt(v -> v.length).sum();
            EffectSizes.Interval[] eta = EffectSizes.varianceExplained(OneWayAnova.classic(ScipyFixtureTest.data.get(ds)), n, 0.95);
            close(e.path("eta2").get(0).asDouble(), eta[0].ciLow(), ds + " eta2 low");
            close(e.path("eta2").get(1).asDouble(), eta[0].ciHigh(), ds + " eta2 high");
        }
    }
}
