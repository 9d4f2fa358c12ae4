package org.signkit.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.TreeMap;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Compares two implementations of one network on one seeded random batch: outputs and every gradient array. */
final class GraphGradients {

    private GraphGradients() {
    }

    /**
     * Asserts that {@code actual} computes what {@code expected} does on a random batch of {@code n} images
     * of {@code c x h x w} with cycling one-hot labels over {@code classes}. A gradient array is judged
     * relative to its own largest entry, but never to less than {@code floorShare} of the network's
     * largest gradient (arrays whose true gradient is ~0 hold rounding noise).
     */
    static void assertAgree(ComputationGraph expected, ComputationGraph actual, DataType type, int n, int c, int h,
                            int w, int classes, double outputTolerance, double floorShare, double tolerance) {
        Nd4j.getRandom().setSeed(8);
        INDArray x = Nd4j.rand(type, n, c, h, w);
        INDArray y = Nd4j.zeros(type, n, classes);
        for (int i = 0; i < n; i++) {
            y.putScalar(i, i % classes, 1);
        }
        assertEquals(0, expected.outputSingle(false, x).sub(actual.outputSingle(false, x)).amaxNumber().doubleValue(),
                outputTolerance);
        assertClose(gradients(expected, x, y), gradients(actual, x, y), floorShare, tolerance);
    }

    /**
     * Asserts that two sets of gradient arrays agree: each array relative to its own largest entry, but
     * never to less than {@code floorShare} of the largest entry of all.
     */
    static void assertClose(Map<String, INDArray> g1, Map<String, INDArray> g2, double floorShare, double tolerance) {
        assertEquals(g1.keySet(), g2.keySet());
        double largest = g1.values().stream().mapToDouble(g -> g.amaxNumber().doubleValue()).max().orElse(1);
        for (String k : g1.keySet()) {
            double scale = Math.max(Math.max(floorShare * largest, g1.get(k).amaxNumber().doubleValue()), 1e-300);
            double diff = g1.get(k).sub(g2.get(k)).amaxNumber().doubleValue();
            assertTrue(diff / scale < tolerance, k + ": max difference " + diff + " at scale " + scale);
        }
    }

    private static Map<String, INDArray> gradients(ComputationGraph net, INDArray x, INDArray y) {
        net.setInputs(x);
        net.setLabels(y);
        net.computeGradientAndScore();
        return gradientViews(net);
    }

    /** Copies of what the graph's gradient view holds now, by "layer_param". */
    static Map<String, INDArray> gradientViews(ComputationGraph net) {
        Map<String, INDArray> g = new TreeMap<>();
        for (var v : net.getVertices()) {
            if (v.hasLayer() && v.getLayer().numParams() > 0) {
                var layer = v.getLayer();
                layer.conf().getLayer().initializer().getGradientsFromFlattened(layer.conf(),
                        layer.getGradientsViewArray()).forEach((k, a) -> g.put(v.getVertexName() + "_" + k, a.dup()));
            }
        }
        return g;
    }
}
