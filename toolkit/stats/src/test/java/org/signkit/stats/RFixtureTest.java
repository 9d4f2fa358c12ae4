package org.signkit.stats;

import static org.signkit.stats.ScipyFixtureTest.close;
import static org.signkit.stats.ScipyFixtureTest.values;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.signkit.core.Json;

/** Tests checked against R ({@code fixtures/r-fixtures.json}, made by {@code fixtures/make_r_fixtures.R}). */
class RFixtureTest {

    static JsonNode fx;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = RFixtureTest.class.getResourceAsStream("/fixtures/r-fixtures.json")) {
            fx = Json.mapper().readTree(in);
        }
    }

    @Test
    void shapiroWilkEqualsR() {
        int n = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = fx.path("shapiro").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            ShapiroWilk.Result r = ShapiroWilk.test(values(e.getValue().path("x")));
            close(e.getValue().path("w").asDouble(), r.w(), e.getKey() + " W");
            close(e.getValue().path("p").asDouble(), r.p(), e.getKey() + " p");
            n++;
        }
        org.junit.jupiter.api.Assertions.assertEquals(7, n);
    }
}
