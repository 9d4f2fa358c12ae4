package org.signkit.train;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
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
        // Arrays whose true gradient is ~0 (a bias followed by batch norm) hold float rounding noise:
        // they are judged against a hundredth of the network's largest gradient.
        GraphGradients.assertAgree(plain, helped, DataType.FLOAT, 6, 3, 32, 32, 5, 1e-5, 0.01, 2e-3);
    }
}
