package org.signkit.train;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * A network that classifies {@code height x width} RGB images (NCHW) into {@code classes} classes;
 * its graph has one input, "input", and one softmax output.
 */
public interface NetworkArchitecture {

    /** A readable name, e.g. {@code efficientnet-b0}. */
    String name();

    /** Number of output classes. */
    int classes();

    /** Input height in pixels. */
    int height();

    /** Input width in pixels. */
    int width();

    /** The graph, trained with {@code updater} (gradient checks pass {@code NoOp}). */
    ComputationGraphConfiguration configuration(IUpdater updater);

    /**
     * The start every signkit image network shares: He initialisation, "same" padding, one RGB input
     * named "input" of {@code height x width}.
     */
    static ComputationGraphConfiguration.GraphBuilder imageGraph(long seed, DataType dataType, IUpdater updater,
                                                                 int height, int width) {
        return imageGraph(seed, dataType, updater, height, width, 3);
    }

    /** {@link #imageGraph(long, DataType, IUpdater, int, int)} with {@code channels} input channels. */
    static ComputationGraphConfiguration.GraphBuilder imageGraph(long seed, DataType dataType, IUpdater updater,
                                                                 int height, int width, int channels) {
        return new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(dataType)
                .updater(updater)
                .weightInit(WeightInit.RELU)
                .convolutionMode(ConvolutionMode.Same)
                .graphBuilder()
                .addInputs("input")
                .setInputTypes(InputType.convolutional(height, width, channels));
    }

    /** The shared end: dropout, a dense softmax layer named "output" with cross-entropy loss, on {@code from}. */
    static void softmaxOutput(ComputationGraphConfiguration.GraphBuilder g, String from, int classes, double dropout) {
        g.addLayer("output", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(classes)
                .activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER).dropOut(dropout > 0 ? 1 - dropout : 0)
                .build(), from);
        g.setOutputs("output");
    }
}
