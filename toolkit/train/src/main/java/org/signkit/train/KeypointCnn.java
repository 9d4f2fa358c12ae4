package org.signkit.train;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * The clip-level keypoint recogniser: a 1D temporal CNN over a take's keypoints (the pure 1D-CNN family of the Kaggle
 * ISLR entries). Three width-5 temporal convolutions, each with batch norm and ReLU (64, 128, 128 channels, "same"
 * padding), max pooling by 2 after the first two, average pooling over time, a dense layer of 128, dropout and the
 * softmax. Its input is {@code channels × 1 × length} (NCHW, time as the width): {@link #height()} is the channels
 * ({@link KeypointClips}) and {@link #width()} the clip length in frames.
 *
 * @param classes  number of classes
 * @param channels input channels
 * @param length   clip length in frames
 * @param dropout  dropout before the classifier
 * @param seed     initialisation seed
 * @param dataType FLOAT for training, DOUBLE for gradient checks
 */
public record KeypointCnn(int classes, int channels, int length, double dropout, long seed, DataType dataType)
        implements NetworkArchitecture {

    private static final int[] CHANNELS = {64, 128, 128};
    private static final int KERNEL = 5;

    @Override
    public String name() {
        return "keypoints-cnn1d";
    }

    @Override
    public int height() {
        return channels;
    }

    @Override
    public int width() {
        return length;
    }

    @Override
    public ComputationGraphConfiguration configuration(IUpdater updater) {
        // Time as the width of a one-pixel-high image: DL4J's batch norm takes image activations, not sequences.
        ComputationGraphConfiguration.GraphBuilder g = NetworkArchitecture.imageGraph(seed, dataType, updater, 1, length,
                channels);
        String x = "input";
        for (int i = 0; i < CHANNELS.length; i++) {
            String n = "t" + i;
            g.addLayer(n + "_conv", new ConvolutionLayer.Builder(1, KERNEL).nOut(CHANNELS[i]).hasBias(false)
                    .activation(Activation.IDENTITY).build(), x);
            g.addLayer(n + "_bn", new BatchNormalization.Builder().build(), n + "_conv");
            g.addLayer(n + "_relu", new ActivationLayer.Builder().activation(Activation.RELU).build(), n + "_bn");
            x = n + "_relu";
            if (i < CHANNELS.length - 1) {
                g.addLayer(n + "_pool", new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(1, 2).stride(1, 2).build(),
                        x);
                x = n + "_pool";
            }
        }
        g.addLayer("time_pool", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), x);
        g.addLayer("dense", new DenseLayer.Builder().nOut(128).activation(Activation.RELU).build(), "time_pool");
        NetworkArchitecture.softmaxOutput(g, "dense", classes, dropout);
        return g.build();
    }
}
