package org.signkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** JSON output is valid JSON: numbers that are not finite become null, and null reads back as NaN. */
class JsonTest {

    record Sample(double p, Double boxed, double[] values, Map<String, Double> byName) {
    }

    @Test
    void nonFiniteNumbersAreWrittenAsNullAndReadBackAsNaN() throws Exception {
        String text = Json.write(new Sample(Double.NaN, Double.POSITIVE_INFINITY, new double[] {1.5, Double.NaN},
                Map.of("a", Double.NEGATIVE_INFINITY, "b", 0.25)));
        assertFalse(text.contains("NaN") || text.contains("Infinity"), text);
        var tree = Json.mapper().readTree(text);
        assertTrue(tree.get("p").isNull());
        assertTrue(tree.get("boxed").isNull());
        assertTrue(tree.get("values").get(1).isNull());
        assertEquals(1.5, tree.get("values").get(0).asDouble());
        assertTrue(tree.get("byName").get("a").isNull());
        Sample back = Json.mapper().readValue(text, Sample.class);
        assertTrue(Double.isNaN(back.p()));
        assertEquals(0.25, back.byName().get("b"));
    }
}
