package org.signkit.train;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * A small convolutional baseline for fast experiments and tests: three 3×3 conv → batch norm → ReLU
 * stages (16, 32, 64 channels), each followed by 2×2 max pooling, then a dense layer of 128 on the
 * flattened map, dropout and a dense softmax. The dense layer sees where things are: what a sign is
 * depends on where the hands are relative to the face and body, which global pooling would discard.
 *
 * @param classes  number of classes
 * @param height   input height
 * @param width    input width
 * @param dropout  dropout before the classifier
 * @param seed     initialisation seed
 * @param dataType FLOAT for training, DOUBLE for gradient checks
 */
public record BaselineCnn(int classes, int height, int width, double dropout, long seed, DataType dataType)
        implements NetworkArchitecture {

    private static final int[] CHANNELS = {16, 32, 64};

    @Override
    public String name() {
        return "baseline-cnn";
    }

    @Override
    public ComputationGraphConfiguration configuration(IUpdater updater) {
        ComputationGraphConfiguration.GraphBuilder g = NetworkArchitecture.imageGraph(seed, dataType, updater, height,
                width);
        String x = convStages(g, "", "input");
        g.addLayer("dense", new DenseLayer.Builder().nOut(128).activation(Activation.RELU).build(), x);
        NetworkArchitecture.softmaxOutput(g, "dense", classes, dropout);
        return g.build();
    }

    /**
     * The baseline's three conv → batch norm → ReLU → 2×2 max-pool stages on {@code in}, layers named
     * {@code <prefix>c<i>_...}; returns the last layer's name.
     */
    static String convStages(ComputationGraphConfiguration.GraphBuilder g, String prefix, String in) {
        String x = in;
        for (int i = 0; i < CHANNELS.length; i++) {
            String n = prefix + "c" + i;
            g.addLayer(n + "_conv", new ConvolutionLayer.Builder(3, 3).nOut(CHANNELS[i]).hasBias(false)
                    .activation(Activation.IDENTITY).build(), x);
            g.addLayer(n + "_bn", new BatchNormalization.Builder().build(), n + "_conv");
            // DL4J's batch-norm layer ignores an activation: ReLU is its own layer.
            g.addLayer(n + "_relu", new ActivationLayer.Builder().activation(Activation.RELU).build(), n + "_bn");
            g.addLayer(n + "_pool", new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2)
                    .build(), n + "_relu");
            x = n + "_pool";
        }
        return x;
    }
}
