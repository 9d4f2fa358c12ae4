package org.signkit.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import java.util.TreeMap;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.learning.config.Sgd;
import org.signkit.train.onednn.OneDnnNetwork;

/**
 * signkit's oneDNN network against DL4J's own layers on EfficientNet-B0 at 32 px: stride-2 "same"
 * convolutions with asymmetric padding, 3x3 and 5x5 depthwise convolutions, 1x1 maps in the last stages,
 * squeeze-and-excitation, residual sums, batch norm in both modes.
 */
class OneDnnNetworkTest {

    private static final int CLASSES = 5;
    private static final int SIZE = 32;

    @BeforeAll
    static void helpers() {
        Backend.useOneDnnHelpers();
    }

    private static ComputationGraph b0(IUpdater updater) {
        ComputationGraph net = new ComputationGraph(new EfficientNetB0(CLASSES, SIZE, SIZE, 1.0, 1.0, 0.0, 3,
                DataType.FLOAT).configuration(updater));
        net.init();
        return net;
    }

    private static INDArray images(int n, long seed) {
        Nd4j.getRandom().setSeed(seed);
        return Nd4j.rand(DataType.FLOAT, n, 3, SIZE, SIZE);
    }

    private static INDArray labels(int n) {
        INDArray y = Nd4j.zeros(DataType.FLOAT, n, CLASSES);
        for (int i = 0; i < n; i++) {
            y.putScalar(i, i % CLASSES, 1);
        }
        return y;
    }

    private static ComputationGraph baseline(IUpdater updater) {
        ComputationGraph net = new ComputationGraph(new BaselineCnn(CLASSES, SIZE, SIZE, 0.0, 3, DataType.FLOAT)
                .configuration(updater));
        net.init();
        return net;
    }

    @Test
    void scoreAndEveryGradientArrayMatchDl4j() {
        assertSameGradients(b0(new NoOp()));
    }

    @Test
    void theBaselineCnnsMaxPoolingAndDenseLayersMatchDl4j() {
        assertSameGradients(baseline(new NoOp()));
    }

    @Test
    void theMultiStreamNetsCropsAndConcatenationMatchDl4j() {
        ComputationGraph net = new ComputationGraph(new MultiStreamNet(CLASSES, SIZE, MultiStreamNet.FrameTower.SMALL_CNN,
                0.0, 3, DataType.FLOAT).configuration(new NoOp()));
        net.init();
        assertNull(OneDnnNetwork.unsupported(net));
        Nd4j.getRandom().setSeed(8);
        assertSameGradients(net, Nd4j.rand(DataType.FLOAT, 4, 3, SIZE, SIZE + SIZE / 2));
        assertEquals(0, net.outputSingle(false, Nd4j.rand(DataType.FLOAT, 3, 3, SIZE, SIZE + SIZE / 2)).sumNumber()
                .doubleValue() - 3, 1e-4);
    }

    private static void assertSameGradients(ComputationGraph dl4j) {
        assertSameGradients(dl4j, images(4, 8));
    }

    private static void assertSameGradients(ComputationGraph dl4j, INDArray x) {
        ComputationGraph ours = dl4j.clone();
        INDArray y = labels(4);
        dl4j.setInputs(x);
        dl4j.setLabels(y);
        dl4j.computeGradientAndScore();
        TrainingEngine.Step step = new OneDnnNetwork(ours).gradientAndScore(x, y);
        assertEquals(dl4j.score(), step.score(), 1e-4 * dl4j.score());
        GraphGradients.assertClose(GraphGradients.gradientViews(dl4j), GraphGradients.gradientViews(ours), 1e-3, 2e-3);
    }

    @Test
    void aTrainingStepAndTheRunningStatisticsMatchDl4jFit() {
        ComputationGraph dl4j = b0(new Sgd(0.05));
        ComputationGraph ours = dl4j.clone();
        OneDnnNetwork fast = new OneDnnNetwork(ours);
        Map<String, INDArray> before = new TreeMap<>();
        dl4j.paramTable().forEach((k, v) -> before.put(k, v.dup()));
        INDArray x0 = images(4, 20);
        INDArray y = labels(4);
        // One step: with batch norm over 4 images of 1x1 maps in the last stages, float rounding differences
        // grow chaotically over further steps, so equality after several steps would be luck.
        dl4j.fit(new org.nd4j.linalg.dataset.DataSet(x0, y));
        fast.fit(x0, y);
        assertEquals(dl4j.getConfiguration().getIterationCount(), ours.getConfiguration().getIterationCount());
        // What the step changed, parameter by parameter (the running statistics included).
        Map<String, INDArray> expectedChange = new TreeMap<>();
        Map<String, INDArray> actualChange = new TreeMap<>();
        before.forEach((k, v) -> {
            expectedChange.put(k, dl4j.getParam(k).sub(v));
            actualChange.put(k, ours.getParam(k).sub(v));
        });
        GraphGradients.assertClose(expectedChange, actualChange, 1e-3, 2e-3);
        INDArray x = images(4, 99);
        INDArray expected = dl4j.outputSingle(false, x);
        assertEquals(0, expected.sub(fast.output(x)).amaxNumber().doubleValue(), 1e-4,
                "inference with the running statistics");
    }

    @Test
    void aTrainedModelSavesAndRestoresWithWhatItLearned() throws Exception {
        ComputationGraph net = b0(new org.nd4j.linalg.learning.config.Adam(1e-3));
        OneDnnNetwork fast = new OneDnnNetwork(net);
        INDArray y = labels(4);
        double first = fast.fit(images(4, 5), y).score();
        double last = first;
        for (int step = 0; step < 5; step++) {
            last = fast.fit(images(4, 5), y).score();
        }
        assertTrue(last < first, "the loss on a repeated batch falls: " + first + " -> " + last);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelSerializer.writeModel(net, bytes, true);
        ComputationGraph restored = ModelSerializer.restoreComputationGraph(new ByteArrayInputStream(bytes.toByteArray()),
                true);
        INDArray x = images(3, 6);
        assertEquals(0, fast.output(x).sub(restored.outputSingle(false, x)).amaxNumber().doubleValue(), 1e-4);
        assertEquals(net.getUpdater().getStateViewArray(), restored.getUpdater().getStateViewArray(),
                "Adam's state is saved for resuming");
    }

    @Test
    void aNewBatchShapeOrCloseFreesThePlanAndTheNextCallCompilesAgain() {
        ComputationGraph dl4j = b0(new NoOp());
        try (OneDnnNetwork fast = new OneDnnNetwork(dl4j.clone())) {
            assertSameOutput(dl4j, fast, 4);
            assertSameOutput(dl4j, fast, 3);
            assertSameOutput(dl4j, fast, 4);
            fast.close();
            assertSameOutput(dl4j, fast, 4);
        }
    }

    private static void assertSameOutput(ComputationGraph dl4j, OneDnnNetwork fast, int n) {
        INDArray x = images(n, n);
        assertEquals(0, dl4j.outputSingle(false, x).sub(fast.output(x)).amaxNumber().doubleValue(), 1e-4);
    }

    @Test
    void graphsItCannotRunAreNamedNotRun() {
        assertNull(OneDnnNetwork.unsupported(b0(new NoOp())));
        ComputationGraph doubles = new ComputationGraph(new EfficientNetB0(CLASSES, SIZE, SIZE, 0.25, 0.25, 0.0, 3,
                DataType.DOUBLE).configuration(new NoOp()));
        doubles.init();
        assertTrue(OneDnnNetwork.unsupported(doubles).contains("float"), OneDnnNetwork.unsupported(doubles));
        var g = NetworkArchitecture.imageGraph(1, DataType.FLOAT, new NoOp(), SIZE, SIZE);
        g.addLayer("pool", new GlobalPoolingLayer.Builder(PoolingType.MAX).build(), "input");
        NetworkArchitecture.softmaxOutput(g, "pool", CLASSES, 0);
        ComputationGraph maxPool = new ComputationGraph(g.build());
        maxPool.init();
        String why = OneDnnNetwork.unsupported(maxPool);
        assertNotNull(why);
        assertTrue(why.startsWith("pool: ") && why.contains("MAX"), why);
        assertThrows(IllegalArgumentException.class, () -> new OneDnnNetwork(maxPool));
    }

    @Test
    void autoTakesTheOneDnnEngineWhereItRunsAndSaysWhyNotElsewhere() {
        TrainingEngines.Choice b0 = TrainingEngines.choose(Engine.AUTO, b0(new NoOp()));
        assertEquals(Engine.ONEDNN, b0.engine().id());
        assertNull(b0.fallback());
        ComputationGraph multiStreamB0 = new ComputationGraph(new MultiStreamNet(3, 32,
                MultiStreamNet.FrameTower.EFFICIENTNET_B0, 0.2, 1, DataType.FLOAT).configuration(new NoOp()));
        multiStreamB0.init();
        // Its frame tower ends in global pooling, which the oneDNN concatenation does not take.
        TrainingEngines.Choice fallback = TrainingEngines.choose(Engine.AUTO, multiStreamB0);
        assertEquals(Engine.DL4J, fallback.engine().id());
        assertTrue(fallback.fallback().contains("merge"), fallback.fallback());
        IllegalArgumentException named = assertThrows(IllegalArgumentException.class,
                () -> TrainingEngines.choose(Engine.ONEDNN, multiStreamB0));
        assertTrue(named.getMessage().contains("choose engine auto or dl4j"), named.getMessage());
    }
}
