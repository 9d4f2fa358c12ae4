package org.signkit.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassificationReportTest {

    @Test
    void countsAndScoresAsScikitLearnWould() {
        // Truth a,a,a,b,b,c; predictions a,a,b,b,c,c (sklearn: precision [1, .5, .5], recall [2/3, .5, 1]).
        int[] truth = {0, 0, 0, 1, 1, 2};
        float[][] p = {
            {.7f, .2f, .1f}, {.6f, .3f, .1f}, {.3f, .5f, .2f}, {.1f, .8f, .1f}, {.1f, .3f, .6f}, {.2f, .1f, .7f}};
        ClassificationReport r = ClassificationReport.of(List.of("a", "b", "c"), truth, p, 2,
                List.of("a1", "a1", "a2", "b1", "b1", "c1"));
        assertEquals(4.0 / 6, r.accuracy(), 1e-12);
        assertEquals(List.of(List.of(2, 1, 0), List.of(0, 1, 1), List.of(0, 0, 1)), r.confusion());
        assertEquals(1.0, r.perClass().get(0).precision(), 1e-12);
        assertEquals(2.0 / 3, r.perClass().get(0).recall(), 1e-12);
        assertEquals(0.5, r.perClass().get(1).precision(), 1e-12);
        assertEquals(0.5, r.perClass().get(1).recall(), 1e-12);
        assertEquals(0.5, r.perClass().get(2).precision(), 1e-12);
        assertEquals(2.0 / 3, r.perClass().get(2).f1(), 1e-12);
        assertEquals((0.8 + 0.5 + 2.0 / 3) / 3, r.macroF1(), 1e-12);
        // Top-2: every true class is first or second.
        assertEquals(1.0, r.topKAccuracy(), 1e-12);
        double loss = -(Math.log(.7) + Math.log(.6) + Math.log(.3) + Math.log(.8) + Math.log(.3) + Math.log(.7)) / 6;
        assertEquals(loss, r.meanLoss(), 1e-6);
        // Take a2's one frame votes b; take b1's mean is (.1+.1, .8+.3, .1+.6) -> b; a1 -> a; c1 -> c.
        assertEquals(4, r.takes());
        assertEquals(3.0 / 4, r.takeAccuracy(), 1e-12);
    }

    @Test
    void topOneEqualsAccuracy() {
        int[] truth = {0, 1, 1};
        float[][] p = {{.9f, .1f}, {.6f, .4f}, {.2f, .8f}};
        ClassificationReport r = ClassificationReport.of(List.of("x", "y"), truth, p, 1, List.of("t", "u", "u"));
        assertEquals(r.accuracy(), r.topKAccuracy(), 0);
        assertEquals(2.0 / 3, r.accuracy(), 1e-12);
    }
}
