package org.signkit.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.signkit.stats.ScipyFixtureTest.close;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.signkit.core.Json;

/** Two-way ANOVA (types II and III) against statsmodels ({@code fixtures/statsmodels-fixtures.json}). */
class TwoWayAnovaTest {

    private static String[] strings(JsonNode arr) {
        String[] s = new String[arr.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = arr.get(i).asText();
        }
        return s;
    }

    @Test
    void balancedAndUnbalancedTypesTwoAndThreeEqualStatsmodels() throws Exception {
        JsonNode fx;
        try (InputStream in = TwoWayAnovaTest.class.getResourceAsStream("/fixtures/statsmodels-fixtures.json")) {
            fx = Json.mapper().readTree(in);
        }
        for (String design : new String[] {"balanced", "unbalanced"}) {
            JsonNode d = fx.path(design).path("design");
            for (TwoWayAnova.Type type : TwoWayAnova.Type.values()) {
                List<TwoWayAnova.Row> rows = TwoWayAnova.table(ScipyFixtureTest.values(d.path("y")), strings(d.path("a")),
                        strings(d.path("b")), type);
                JsonNode ref = fx.path(design).path(type == TwoWayAnova.Type.II ? "type2" : "type3");
                assertEquals(ref.size(), rows.size(), design + " " + type);
                if (type == TwoWayAnova.Type.II) {
                    JsonNode ci = fx.path(design).path("partial_eta2_ci");
                    double dfRes = rows.get(rows.size() - 1).df();
                    for (int i = 0; i < 3; i++) {
                        EffectSizes.Interval e = EffectSizes.partialEtaSquared(rows.get(i), dfRes, d.path("y").size(), 0.95);
                        close(ci.get(i).get(0).asDouble(), e.ciLow(), design + " partial eta2 low " + rows.get(i).term());
                        close(ci.get(i).get(1).asDouble(), e.ciHigh(), design + " partial eta2 high " + rows.get(i).term());
                    }
                }
                for (int i = 0; i < rows.size(); i++) {
                    JsonNode r = ref.get(i);
                    TwoWayAnova.Row row = rows.get(i);
                    String what = design + " type " + type + " " + row.term();
                    close(r.get(1).asDouble(), row.sumOfSquares(), what + " SS");
                    close(r.get(2).asDouble(), row.df(), what + " df");
                    if (!r.get(3).isNull()) {
                        close(r.get(3).asDouble(), row.f(), what + " F");
                        close(r.get(4).asDouble(), row.p(), what + " p");
                        // Partial eta-squared from statsmodels' sums of squares: SS / (SS + SS_residual).
                        double ssRes = ref.get(ref.size() - 1).get(1).asDouble();
                        close(r.get(1).asDouble() / (r.get(1).asDouble() + ssRes), row.partialEtaSquared(), what + " partial eta2");
                    }
                }
            }
        }
    }

    @Test
    void emptyCellsAndSingleObservationCellsAreClearErrors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TwoWayAnova.table(
                new double[] {1, 2, 3, 4}, new String[] {"a", "a", "b", "b"}, new String[] {"x", "x", "x", "y"}, TwoWayAnova.Type.II));
        assertEquals("every combination of the two factors needs an observation (empty cells)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TwoWayAnova.table(
                new double[] {1, 2, 3, 4}, new String[] {"a", "a", "b", "b"}, new String[] {"x", "y", "x", "y"}, TwoWayAnova.Type.III));
        assertEquals("no residual degrees of freedom: needs more than one observation per cell", e.getMessage());
    }
}
