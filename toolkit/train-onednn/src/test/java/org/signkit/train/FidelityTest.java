package org.signkit.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.signkit.core.Json;

/**
 * signkit's training against PyTorch, step for step, without PyTorch. Each fixture in
 * {@code src/test/resources/fidelity} was written by {@code signkit bench fidelity --double --fixture} (the commands
 * are in docs/BENCHMARKS.md): the run (network, batches, Adam rate, seed) and the PyTorch twin's training loss at
 * every step in float64, from DL4J's initial weights on the same batches. In float64 only the algorithm can differ,
 * and DL4J's layers must agree with the twin to 1e-9 at every step (measured: 2e-14 for the baseline over 200 steps,
 * 4e-12 for B0 over 40).
 *
 * <p>The float64 losses are also the exact trajectory that float32 training approximates: signkit's two engines, in
 * float32 as they train, replay the run and must stay within 1e-3 of it over the first 20 steps (measured on the
 * baseline: oneDNN 1.8e-4, DL4J 4.7e-5; PyTorch's own float32 run was 6.0e-3 off there). Beyond that, rounding
 * that training amplifies takes every float32 run away from it, PyTorch's too (docs/BENCHMARKS.md), so issue 21's
 * 1e-3 over 200 float32 steps is open, not asserted here.
 *
 * <p>The module's pom runs this test on oneDNN's AVX2 kernels (ONEDNN_MAX_CPU_ISA), where the 1e-3 was measured. On
 * AVX-512 kernels, which round their sums differently, B0's float32 replay leaves it at step 8 (8e-3 by step 18).
 */
class FidelityTest {

    private static final Path FIXTURES = Path.of("src/test/resources/fidelity");

    @ParameterizedTest
    @CsvSource({"baseline-cnn-64-float64.json, DL4J, true, 200, 1e-9",
        "baseline-cnn-64-float64.json, ONEDNN, false, 20, 1e-3", "baseline-cnn-64-float64.json, DL4J, false, 20, 1e-3",
        "efficientnet-b0-64-float64.json, DL4J, true, 20, 1e-9", "efficientnet-b0-64-float64.json, ONEDNN, false, 20, 1e-3"})
    void theLossOfEveryStepAgreesWithTheFloat64PyTorchTwin(String fixture, Engine engine, boolean doublePrecision,
                                                           int steps, double tolerance) throws Exception {
        JsonNode f = Json.mapper().readTree(FIXTURES.resolve(fixture).toFile());
        FidelityRun recorded = Json.mapper().treeToValue(f.get("run"), FidelityRun.class);
        assertTrue(recorded.doublePrecision(), "the twin ran in float64");
        assertEquals("dl4j", f.get("adam").asText(), "the twin ran DL4J's Adam");
        assertTrue(steps <= recorded.steps(), fixture + " covers " + recorded.steps() + " steps");
        FidelityRun run = new FidelityRun(recorded.architecture(), recorded.size(), recorded.classes(), recorded.batch(),
                recorded.pool(), steps, recorded.learningRate(), recorded.seed(), doublePrecision);
        double[] ours = run.losses(TrainingEngines.engine(engine));
        List<String> off = new ArrayList<>();
        for (int s = 0; s < steps; s++) {
            double torch = f.get("losses").get(s).asDouble();
            if (Math.abs(ours[s] - torch) / Math.abs(torch) > tolerance) {
                off.add("step " + (s + 1) + ": " + ours[s] + " vs " + torch);
            }
        }
        assertTrue(off.isEmpty(), engine + " " + fixture + ": " + off);
        // The compared stretch is a moving trajectory, not a flat line that any network would match.
        double lowest = Double.POSITIVE_INFINITY;
        double highest = 0;
        for (int s = 0; s < steps; s++) {
            lowest = Math.min(lowest, ours[s]);
            highest = Math.max(highest, ours[s]);
        }
        assertTrue(highest - lowest > 0.1 * ours[0], "losses " + lowest + " .. " + highest);
    }
}
