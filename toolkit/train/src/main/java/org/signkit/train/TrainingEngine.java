package org.signkit.train;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * How a network is trained a step at a time and run: DL4J's layers ({@link Dl4jEngine}) or signkit's oneDNN
 * executor ({@code toolkit/train-onednn}, found by {@link java.util.ServiceLoader}). Every engine keeps the
 * parameters, gradients and updater state in the DL4J graph it is bound to, so networks are built, saved and
 * restored one way ({@link #build}, {@link #save}, {@link #restore}) and a model trained by one engine runs
 * and resumes on the other. {@link TrainingEngines#choose} picks one from an {@link Engine} choice.
 */
public interface TrainingEngine {

    /** Which engine this is (never {@link Engine#AUTO}). */
    Engine id();

    /** Why this engine cannot run {@code net} on this machine, or null when it can. */
    String unsupported(ComputationGraph net);

    /**
     * Binds this engine to {@code net}: steps then update {@code net}'s own parameters and updater state.
     *
     * @throws IllegalArgumentException when {@link #unsupported} names a reason
     */
    BoundNetwork bind(ComputationGraph net);

    /** A network bound to an engine. Closing frees the engine's buffers; the graph stays usable. */
    interface BoundNetwork extends AutoCloseable {

        /** One training step (forward, backward, the graph's updater) on one batch. */
        Step fit(INDArray features, INDArray labels);

        /** Class probabilities, [N, classes], in inference mode (running batch-norm statistics, no dropout). */
        INDArray output(INDArray features);

        @Override
        void close();
    }

    /**
     * A training step's outcome.
     *
     * @param score       mean cross-entropy of the batch (DL4J's score, no regularisation)
     * @param predictions the predicted class of each example, from the step's own forward pass
     */
    record Step(double score, int[] predictions) {
    }

    /** A freshly initialised graph of {@code arch} with {@code updater}: the same for every engine. */
    static ComputationGraph build(NetworkArchitecture arch, IUpdater updater) {
        TrainingEngines.prepare();
        ComputationGraph net = new ComputationGraph(arch.configuration(updater));
        net.init();
        return net;
    }

    /** Writes {@code net} in DL4J's format, with its updater state so that training can go on from it. */
    static void save(ComputationGraph net, OutputStream out) throws IOException {
        ModelSerializer.writeModel(net, out, true);
    }

    /** Reads a graph {@link #save} wrote; {@code withUpdater} to go on training it. */
    static ComputationGraph restore(Path file, boolean withUpdater) throws IOException {
        TrainingEngines.prepare();
        return ModelSerializer.restoreComputationGraph(file.toFile(), withUpdater);
    }
}
