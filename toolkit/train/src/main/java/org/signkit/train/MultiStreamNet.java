package org.signkit.train;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.convolutional.Cropping2D;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * The study author's next step, a multi-stream network: the frame and the two hand crops of
 * {@link HandStreams} (one packed input; three {@code Cropping2D} layers cut the streams apart), each
 * through its own convolutional tower, concatenated, then a dense layer and the softmax. The frame tower
 * keeps where the hands are relative to the body (a dense layer on its map); the hand towers see the hand
 * shapes at their own, finer input size.
 *
 * @param classes    number of classes
 * @param frameSize  the frame stream's side (the hand streams are half of it)
 * @param frameTower the frame stream's tower
 * @param dropout    dropout before the classifier
 * @param seed       initialisation seed
 * @param dataType   FLOAT for training, DOUBLE for gradient checks
 */
public record MultiStreamNet(int classes, int frameSize, FrameTower frameTower, double dropout, long seed,
                             DataType dataType) implements NetworkArchitecture {

    /** What the frame stream goes through. */
    public enum FrameTower {
        /** The baseline CNN's three stages and a dense layer of 128 (the quick profile). */
        SMALL_CNN,
        /** EfficientNet-B0's features, globally pooled (the full profile). */
        EFFICIENTNET_B0
    }

    /** Features of each hand tower. */
    private static final int HAND_FEATURES = 96;
    /** Features of the small frame tower and of the joint layer. */
    private static final int FEATURES = 128;

    @Override
    public String name() {
        return frameTower == FrameTower.SMALL_CNN ? "multistream" : "multistream-b0";
    }

    @Override
    public int height() {
        return frameSize;
    }

    @Override
    public int width() {
        return frameSize + frameSize / 2;
    }

    @Override
    public ComputationGraphConfiguration configuration(IUpdater updater) {
        int hand = frameSize / 2;
        ComputationGraphConfiguration.GraphBuilder g = NetworkArchitecture.imageGraph(seed, dataType, updater, height(),
                width());
        // Cropping2D(top, bottom, left, right): the frame on the left, the dominant hand top right, the other below.
        g.addLayer("frame_crop", new Cropping2D(0, 0, 0, hand), "input");
        g.addLayer("dominant_crop", new Cropping2D(0, hand, frameSize, 0), "input");
        g.addLayer("other_crop", new Cropping2D(hand, 0, frameSize, 0), "input");
        String frame;
        if (frameTower == FrameTower.SMALL_CNN) {
            g.addLayer("frame_dense", new DenseLayer.Builder().nOut(FEATURES).activation(Activation.RELU).build(),
                    BaselineCnn.convStages(g, "frame_", "frame_crop"));
            frame = "frame_dense";
        } else {
            frame = EfficientNetB0.features(g, "frame_", "frame_crop", 1.0, 1.0);
        }
        for (String h : new String[] {"dominant", "other"}) {
            g.addLayer(h + "_dense", new DenseLayer.Builder().nOut(HAND_FEATURES).activation(Activation.RELU).build(),
                    BaselineCnn.convStages(g, h + "_", h + "_crop"));
        }
        g.addVertex("streams", new MergeVertex(), frame, "dominant_dense", "other_dense");
        g.addLayer("joint", new DenseLayer.Builder().nOut(FEATURES).activation(Activation.RELU).build(), "streams");
        NetworkArchitecture.softmaxOutput(g, "joint", classes, dropout);
        return g.build();
    }
}
