package org.signkit.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;

/**
 * The oneDNN layer helpers signkit revives give the same outputs and gradients as DL4J's own layers,
 * on both architectures, and are really used (every convolution layer has a helper).
 */
class OneDnnHelpersTest {

    @AfterEach
    void restore() {
        System.clearProperty(Backend.HELPERS_DISABLE);
    }

    @Test
    void efficientNetGradientsAgreeWithAndWithoutHelpers() {
        compare(new EfficientNetB0(5, 32, 32, 0.25, 0.25, 0.0, 3, DataType.FLOAT));
    }

    @Test
    void baselineGradientsAgreeWithAndWithoutHelpers() {
        compare(new BaselineCnn(5, 32, 32, 0.0, 3, DataType.FLOAT));
    }

    private static void compare(NetworkArchitecture arch) {
        System.setProperty(Backend.HELPERS_DISABLE, "true");
        ComputationGraph plain = new ComputationGraph(arch.configuration(new NoOp()));
        plain.init();
        System.setProperty(Backend.HELPERS_DISABLE, "false");
        ComputationGraph helped = new ComputationGraph(arch.configuration(new NoOp()));
        helped.init(plain.params().dup(), true);
        int convolutions = 0;
        for (Layer l : plain.getLayers()) {
            if (l instanceof org.deeplearning4j.nn.layers.convolution.ConvolutionLayer
                    && !(l instanceof org.deeplearning4j.nn.layers.convolution.DepthwiseConvolution2DLayer)) {
                assertNull(l.getHelper(), "helpers disabled: " + l.conf().getLayer().getLayerName());
                assertNotNull(helped.getLayer(l.conf().getLayer().getLayerName()).getHelper(),
                        "oneDNN helper in " + l.conf().getLayer().getLayerName());
                convolutions++;
            }
        }
        assertTrue(convolutions >= 3);
        Nd4j.getRandom().setSeed(8);
        INDArray x = Nd4j.rand(DataType.FLOAT, 6, 3, 32, 32);
        INDArray y = Nd4j.zeros(DataType.FLOAT, 6, 5);
        for (int i = 0; i < 6; i++) {
            y.putScalar(i, i % 5, 1);
        }
        assertEquals(0, plain.outputSingle(false, x).sub(helped.outputSingle(false, x)).amaxNumber().doubleValue(), 1e-5);
        Map<String, INDArray> g1 = gradients(plain, x, y);
        Map<String, INDArray> g2 = gradients(helped, x, y);
        assertEquals(g1.keySet(), g2.keySet());
        double largest = g1.values().stream().mapToDouble(g -> g.amaxNumber().doubleValue()).max().orElse(1);
        for (String k : g1.keySet()) {
            // Arrays whose true gradient is ~0 (a bias followed by batch norm) hold float rounding noise:
            // judge them against a hundredth of the network's largest gradient.
            double scale = Math.max(0.01 * largest, g1.get(k).amaxNumber().doubleValue());
            double diff = g1.get(k).sub(g2.get(k)).amaxNumber().doubleValue();
            assertTrue(diff / scale < 2e-3, k + ": max difference " + diff + " at scale " + scale);
        }
    }

    private static Map<String, INDArray> gradients(ComputationGraph net, INDArray x, INDArray y) {
        net.setInputs(x);
        net.setLabels(y);
        net.computeGradientAndScore();
        Map<String, INDArray> g = new java.util.TreeMap<>();
        net.gradient().gradientForVariable().forEach((k, v) -> g.put(k, v.dup()));
        return g;
    }
}
