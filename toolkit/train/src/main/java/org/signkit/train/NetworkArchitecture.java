package org.signkit.train;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.nd4j.linalg.learning.config.IUpdater;

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
}
