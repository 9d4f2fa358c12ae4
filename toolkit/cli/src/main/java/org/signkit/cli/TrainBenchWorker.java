package org.signkit.cli;

import java.nio.file.Files;
import java.util.Locale;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.signkit.train.Backend;
import org.signkit.train.Architecture;
import org.signkit.train.ModelSpec;
import org.signkit.train.NetworkArchitecture;
import org.signkit.train.Engine;
import org.signkit.train.TrainingEngine;
import org.signkit.train.TrainingEngines;

/**
 * One measurement of {@code signkit bench train}, in its own JVM so that its peak resident memory is
 * its own: EfficientNet-B0 (14 classes) training and inference images/s on random data.
 * Arguments: resolution, batch, timed iterations, path (onednn, helpers, im2col), network (an {@link Architecture}
 * id). Prints one JSON line.
 */
public final class TrainBenchWorker {

    private TrainBenchWorker() {
    }

    /** Runs one measurement. */
    public static void main(String[] args) throws Exception {
        int res = Integer.parseInt(args[0]);
        int batch = Integer.parseInt(args[1]);
        int iterations = Integer.parseInt(args[2]);
        Path path = Path.valueOf(args[3].toUpperCase(Locale.ROOT));
        System.setProperty(Backend.HELPERS_DISABLE, Boolean.toString(path == Path.IM2COL));
        NetworkArchitecture arch = network(Architecture.parse(args[4]), res);
        ComputationGraph net = TrainingEngine.build(arch, new Adam(1e-3));
        TrainingEngine.BoundNetwork bound = TrainingEngines.engine(path == Path.ONEDNN ? Engine.ONEDNN : Engine.DL4J)
                .bind(net);
        Nd4j.getRandom().setSeed(1);
        INDArray x = Nd4j.rand(DataType.FLOAT, batch, 3, arch.height(), arch.width());
        INDArray y = Nd4j.zeros(DataType.FLOAT, batch, 14);
        for (int i = 0; i < batch; i++) {
            y.putScalar(i, i % 14, 1);
        }
        Runnable step = () -> bound.fit(x, y);
        Runnable predict = () -> bound.output(x);
        for (int i = 0; i < 2; i++) {
            step.run();
        }
        long t = System.nanoTime();
        for (int i = 0; i < iterations; i++) {
            step.run();
        }
        double train = iterations * batch / ((System.nanoTime() - t) / 1e9);
        predict.run();
        t = System.nanoTime();
        for (int i = 0; i < iterations; i++) {
            predict.run();
        }
        double infer = iterations * batch / ((System.nanoTime() - t) / 1e9);
        System.out.printf(Locale.ROOT, "{\"train\": %.3f, \"infer\": %.3f, \"rssMb\": %d}%n", train, infer, peakRssMb());
        System.exit(0);
    }

    /** The benchmarked network at {@code res} px (the multi-stream network's frame side), 14 classes, seed 1. */
    static NetworkArchitecture network(Architecture model, int res) {
        return new ModelSpec(model, res, 1.0, 1.0, 0.2, 0).build(14, 1);
    }

    /** How the network runs: signkit's oneDNN network, DL4J with oneDNN layer helpers, DL4J's im2col. */
    public enum Path {
        ONEDNN, HELPERS, IM2COL
    }

    /** The process's peak resident memory (VmHWM), MB. */
    static long peakRssMb() throws java.io.IOException {
        for (String line : Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }
}
