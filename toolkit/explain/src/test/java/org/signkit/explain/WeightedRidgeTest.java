package org.signkit.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.signkit.core.Json;

/** The weighted ridge equals scikit-learn's {@code Ridge(alpha=1)} with sample weights (fixture and script in fixtures/). */
class WeightedRidgeTest {

    @Test
    void matchesScikitLearnToTenDigits() throws IOException {
        JsonNode f;
        try (InputStream in = WeightedRidgeTest.class.getResourceAsStream("/fixtures/ridge.json")) {
            f = Json.mapper().readTree(in);
        }
        double[][] x = Json.mapper().convertValue(f.get("x"), double[][].class);
        double[] y = Json.mapper().convertValue(f.get("y"), double[].class);
        double[] w = Json.mapper().convertValue(f.get("w"), double[].class);
        WeightedRidge r = WeightedRidge.fit(x, y, w, f.get("alpha").asDouble());
        double[] coef = Json.mapper().convertValue(f.get("coef"), double[].class);
        for (int j = 0; j < coef.length; j++) {
            assertEquals(coef[j], r.coefficients()[j], 1e-8, "coefficient " + j);
        }
        assertEquals(f.get("intercept").asDouble(), r.intercept(), 1e-8);
        assertEquals(f.get("score").asDouble(), r.score(x, y, w), 1e-8);
        assertEquals(f.get("first_prediction").asDouble(), r.predict(x[0]), 1e-8);
        // The fixture's weights are LIME's kernel on the cosine distance to the all-on row.
        for (int i = 0; i < x.length; i++) {
            double d = LimeExplainer.cosineDistanceToAllOn(x[i]);
            assertEquals(w[i], Math.sqrt(Math.exp(-(d * d) / (0.25 * 0.25))), 1e-12, "kernel weight " + i);
        }
    }
}
