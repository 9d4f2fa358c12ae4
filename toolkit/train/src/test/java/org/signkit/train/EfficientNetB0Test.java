package org.signkit.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.nio.file.Path;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

class EfficientNetB0Test {

    @TempDir
    Path dir;

    @Test
    void trainableParametersEqualTorchvision() {
        for (int[] c : new int[][] {{14, 4_025_482}, {1000, 5_288_548}}) {
            ComputationGraph net = new ComputationGraph(EfficientNetB0.b0(c[0], 64, 1).configuration(new Adam(1e-3)));
            net.init();
            assertEquals(c[1], Parameters.trainable(net), "efficientnet_b0 with " + c[0] + " classes");
        }
    }

    @Test
    void torchvisionChannelRounding() {
        assertEquals(32, EfficientNetB0.divisible(32));
        assertEquals(8, EfficientNetB0.divisible(16 * 0.5));
        assertEquals(24, EfficientNetB0.divisible(24 * 0.75));
        assertEquals(1280, EfficientNetB0.divisible(1280));
    }

    @Test
    void aSavedModelRestoresWithTheSameOutputs() throws Exception {
        ComputationGraph net = new ComputationGraph(new EfficientNetB0(4, 32, 32, 0.25, 0.25, 0.2, 3, DataType.FLOAT)
                .configuration(new Adam(1e-3)));
        net.init();
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, 3, 32, 32);
        INDArray before = net.outputSingle(false, x);
        File f = dir.resolve("m.zip").toFile();
        ModelSerializer.writeModel(net, f, true);
        ComputationGraph back = ModelSerializer.restoreComputationGraph(f, true);
        assertEquals(0, before.sub(back.outputSingle(false, x)).amaxNumber().doubleValue(), 1e-6);
    }
}
