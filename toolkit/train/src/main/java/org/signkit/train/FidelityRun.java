package org.signkit.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.signkit.core.AtomicFiles;

/**
 * One side of a step-for-step comparison with a PyTorch twin ({@code signkit bench fidelity}): a network built from
 * {@code seed} without dropout, trained with constant-rate Adam on a generated data set of {@code pool} batches
 * visited in order, epoch after epoch, without augmentation; each step's training loss recorded. The twin starts
 * from the same weights ({@link GraphExport}) and reads the same batches ({@link #writeData}).
 *
 * @param architecture the network
 * @param size         input side, pixels (for the multi-stream network the frame's; its input is 1.5x as wide)
 * @param classes      classes
 * @param batch        images per step
 * @param pool         distinct batches (the data set is {@code pool * batch} images)
 * @param steps        steps recorded
 * @param learningRate Adam's rate
 * @param seed         initialisation and data
 * @param doublePrecision float64 throughout (DL4J's layers only; the twin too): with rounding out of the way, a
 *                     difference that remains is one of algorithm, not of float32 summation order
 */
public record FidelityRun(Architecture architecture, int size, int classes, int batch, int pool, int steps,
                          double learningRate, long seed, boolean doublePrecision) {

    /** The network, freshly initialised: the same weights every call. */
    public ComputationGraph network() {
        return TrainingEngine.build(networkArchitecture(), new Adam(learningRate));
    }

    /** The network's architecture, without dropout, in the run's precision. */
    public NetworkArchitecture networkArchitecture() {
        DataType type = doublePrecision ? DataType.DOUBLE : DataType.FLOAT;
        return switch (architecture) {
            case BASELINE_CNN -> new BaselineCnn(classes, size, size, 0.0, seed, type);
            case EFFICIENTNET_B0 -> new EfficientNetB0(classes, size, size, 1.0, 1.0, 0.0, seed, type);
            case MULTISTREAM -> new MultiStreamNet(classes, size, MultiStreamNet.FrameTower.SMALL_CNN, 0.0, seed, type);
            default -> throw new IllegalArgumentException("the twin covers baseline-cnn, efficientnet-b0 and multistream, "
                    + "not " + architecture.id());
        };
    }

    /**
     * Batch {@code i} of the pool as [features NCHW, one-hot labels]: each class a faint fixed pattern of stripes, its
     * frequency and direction the class's, under stronger Gaussian noise (so that the loss falls over the steps
     * compared rather than reaching float32's floor within a few); labels drawn uniformly. Pure functions of the seed.
     */
    public INDArray[] batch(int i) {
        SplittableRandom rng = new SplittableRandom(seed * 1_000_003L + i);
        NetworkArchitecture arch = networkArchitecture();
        int height = arch.height();
        int width = arch.width();
        float[] x = new float[batch * 3 * height * width];
        float[] y = new float[batch * classes];
        for (int n = 0; n < batch; n++) {
            int c = rng.nextInt(classes);
            y[n * classes + c] = 1;
            double freq = 2 * Math.PI * (1 + c % 7) / size;
            boolean vertical = c >= 7;
            for (int ch = 0; ch < 3; ch++) {
                for (int r = 0; r < height; r++) {
                    for (int col = 0; col < width; col++) {
                        double stripe = Math.sin(freq * (vertical ? r : col) + ch);
                        x[((n * 3 + ch) * height + r) * width + col] = (float) (0.25 * stripe + rng.nextGaussian());
                    }
                }
            }
        }
        DataType type = doublePrecision ? DataType.DOUBLE : DataType.FLOAT;
        return new INDArray[] {Nd4j.create(x, new long[] {batch, 3, height, width}, 'c').castTo(type),
                Nd4j.create(y, new long[] {batch, classes}, 'c').castTo(type)};
    }

    /** The training loss of each of {@link #steps} steps on {@code engine}, from the initial weights. */
    public double[] losses(TrainingEngine engine) {
        ComputationGraph net = network();
        double[] losses = new double[steps];
        try (TrainingEngine.BoundNetwork bound = engine.bind(net)) {
            for (int s = 0; s < steps; s++) {
                // Made when needed: a pool of 200 float64 batches would hold 300 MB, and making one is cheap.
                INDArray[] b = batch(s % pool);
                losses[s] = bound.fit(b[0], b[1]).score();
            }
        }
        return losses;
    }

    /** Writes the pool for the twin: per batch, the features then the labels, little-endian float32. */
    public void writeData(Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            for (int i = 0; i < pool; i++) {
                INDArray[] b = batch(i);
                GraphExport.writeFloats(out, b[0].castTo(DataType.FLOAT).data().asFloat());
                GraphExport.writeFloats(out, b[1].castTo(DataType.FLOAT).data().asFloat());
            }
        });
    }
}
