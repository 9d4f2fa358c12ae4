package org.signkit.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.signkit.stats.ScipyFixtureTest.close;
import static org.signkit.stats.ScipyFixtureTest.values;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.signkit.core.Json;

/**
 * TOST, the repeated-measures ANOVA and the minimum detectable effect against statsmodels and scipy
 * ({@code fixtures/verdict-fixtures.json}, made by {@code fixtures/make_verdict_fixtures.py}).
 */
class VerdictFixtureTest {

    private static JsonNode fx;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = VerdictFixtureTest.class.getResourceAsStream("/fixtures/verdict-fixtures.json")) {
            fx = Json.mapper().readTree(in);
        }
    }

    @Test
    void tostEqualsStatsmodels() {
        int cases = 0;
        for (JsonNode c : fx.path("tost")) {
            double[] a = values(c.path("a"));
            double[] b = values(c.path("b"));
            double m = c.path("margin").asDouble();
            String kind = c.path("kind").asText();
            Equivalence.Result r = kind.equals("paired") ? Equivalence.paired(a, b, m, 0.05)
                    : Equivalence.independent(a, b, m, kind.equals("welch"), 0.05);
            String what = c.path("pair").asText() + " " + kind + " ±" + m;
            close(c.path("p").asDouble(), r.p(), what + " p");
            close(c.path("t_lower").asDouble(), r.tLower(), what + " t lower");
            close(c.path("p_lower").asDouble(), r.pLower(), what + " p lower");
            close(c.path("t_upper").asDouble(), r.tUpper(), what + " t upper");
            close(c.path("p_upper").asDouble(), r.pUpper(), what + " p upper");
            close(c.path("df").asDouble(), r.df(), what + " df");
            // The (1 − 2α) interval inside the margin is the same decision as both one-sided tests rejecting.
            assertEquals(r.p() < 0.05, r.outcome() == Equivalence.Outcome.EQUIVALENT, what + " outcome");
            cases++;
        }
        assertEquals(33, cases);
    }

    @Test
    void repeatedMeasuresEqualsAnovaRm() {
        fx.path("repeated_measures").fields().forEachRemaining(e -> {
            Map<String, double[]> groups = new LinkedHashMap<>();
            e.getValue().path("groups").fields().forEachRemaining(g -> groups.put(g.getKey(), values(g.getValue())));
            AnovaResult r = OneWayAnova.repeatedMeasures(groups);
            close(e.getValue().path("f").asDouble(), r.f(), e.getKey() + " F");
            close(e.getValue().path("df1").asDouble(), r.df1(), e.getKey() + " df1");
            close(e.getValue().path("df2").asDouble(), r.df2(), e.getKey() + " df2");
            close(e.getValue().path("p").asDouble(), r.p(), e.getKey() + " p");
        });
    }

    /** The reference solves power on scipy's noncentral t to 1e-15; the comparison is at 1e-9. */
    @Test
    void minimumDetectableEffectEqualsStatsmodels() {
        for (JsonNode c : fx.path("mde")) {
            int n = c.path("n").asInt();
            boolean paired = c.path("design").asText().equals("paired");
            double se = paired ? 1 / Math.sqrt(n) : Math.sqrt(2.0 / n);
            double df = paired ? n - 1 : 2 * n - 2;
            Alternative alt = c.path("alternative").asText().equals("larger") ? Alternative.GREATER : Alternative.TWO_SIDED;
            double mde = Power.mdeT(se, df, c.path("alpha").asDouble(), alt, 0.8);
            double expected = c.path("effect_size").asDouble();
            assertEquals(expected, mde, 1e-9 * expected, c.toString());
        }
    }
}
