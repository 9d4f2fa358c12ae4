package org.signkit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.signkit.train.Architecture;
import org.signkit.train.GraphExport;
import org.signkit.train.NetworkArchitecture;
import org.signkit.train.TrainingEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code signkit bench train}: training/inference speed and memory of EfficientNet-B0 (against torchvision's) or the
 * multi-stream network (against its PyTorch twin, {@code twin_torch.py} on the exported graph), DL4J vs PyTorch.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"EfficientNet-B0 (14 classes, random data, Adam) training and inference images/s and peak RSS:",
                "signkit's oneDNN network (the trainer's default on CPU), DL4J's layers with oneDNN helpers, optionally",
                "DL4J's im2col layers, each in its own JVM, and in the same run PyTorch's torchvision efficientnet_b0",
                "with the same threads when python3-torch is installed."})
final class TrainBenchmark implements Callable<Integer> {

    @Option(names = "--res", defaultValue = "64,224", split = ",", description = "Resolutions. Default: ${DEFAULT-VALUE}.")
    List<Integer> res;

    @Option(names = "--batch", defaultValue = "16", description = "Batch size. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--iterations", defaultValue = "3", description = "Timed iterations after 2 warm-up ones. Default: ${DEFAULT-VALUE}.")
    int iterations;

    @Option(names = "--paths", defaultValue = "onednn,helpers", split = ",",
            description = "DL4J-side runs: onednn (signkit's oneDNN network), helpers (DL4J layers + oneDNN helpers), "
                    + "im2col (DL4J layers, helpers off). Default: ${DEFAULT-VALUE}.")
    List<TrainBenchWorker.Path> paths;

    @Option(names = "--python", defaultValue = "/usr/bin/python3", description = "Python with torch. Default: ${DEFAULT-VALUE}.")
    String python;

    @Option(names = "--model", defaultValue = "efficientnet-b0",
            description = "efficientnet-b0 (peer: torchvision's) or multistream (peer: its PyTorch twin). Default: ${DEFAULT-VALUE}.")
    Architecture model;

    @Option(names = "--repeats", defaultValue = "5",
            description = "Runs per side; the sides alternate within each round. Default: ${DEFAULT-VALUE}.")
    int repeats;

    @Override
    public Integer call() throws Exception {
        if (repeats < 1) {
            throw new IllegalArgumentException("--repeats must be at least 1, got " + repeats);
        }
        Path work = Files.createTempDirectory("signkit-bench-train");
        if (model != Architecture.EFFICIENTNET_B0 && model != Architecture.MULTISTREAM) {
            throw new IllegalArgumentException("--model is efficientnet-b0 or multistream, not " + model.id());
        }
        Path script = JsonProcess.script(work, "train_torch.py");
        JsonProcess.script(work, "twin_torch.py");
        boolean torch = new ProcessBuilder(python, "-c", "import torch, torchvision").start().waitFor() == 0;
        if (!torch) {
            System.err.println("signkit bench: PyTorch not found for " + python
                    + " (apt-get install python3-torch python3-torchvision); DL4J only");
        }
        List<String> sides = new ArrayList<>();
        paths.forEach(p -> sides.add(p.name()));
        if (torch) {
            sides.add(TORCH);
        }
        Table t = new Table("res", "run", "train img/s", "infer img/s", "peak RSS MB", "train vs torch", "infer vs torch",
                "RSS vs torch");
        for (int r : res) {
            // Every round runs each side once, in an order that rotates, so that a slow spell of a shared machine
            // falls on all sides alike; the medians over the rounds are reported, with their spread.
            Map<String, double[][]> runs = new LinkedHashMap<>();
            sides.forEach(side -> runs.put(side, new double[3][repeats]));
            for (int round = 0; round < repeats; round++) {
                for (int k = 0; k < sides.size(); k++) {
                    String side = sides.get((k + round) % sides.size());
                    JsonNode d = side.equals(TORCH)
                            ? JsonProcess.run(torchCommand(python, script, r, twin(work, r)), true,
                            python + " " + script + " failed")
                            : JsonProcess.run(worker(r, TrainBenchWorker.Path.valueOf(side)), false,
                            "the DL4J benchmark JVM failed at " + r + " px");
                    double[][] m = runs.get(side);
                    m[0][round] = d.get("train").asDouble();
                    m[1][round] = d.get("infer").asDouble();
                    m[2][round] = d.get("rssMb").asDouble();
                }
            }
            double[][] peer = runs.get(TORCH);
            for (Map.Entry<String, double[][]> e : runs.entrySet()) {
                double[][] m = e.getValue();
                t.row(Integer.toString(r), label(e.getKey()), spread(m[0]), spread(m[1]), spread(m[2]),
                        ratio(m[0], peer == null ? null : peer[0]), ratio(m[1], peer == null ? null : peer[1]),
                        ratio(m[2], peer == null ? null : peer[2]));
            }
        }
        System.out.printf(Locale.ROOT, "%s, batch %d, %d timed iterations, %d cores; medians of %d alternating"
                + " rounds (min-max)%n", model.id(), batch, iterations, Runtime.getRuntime().availableProcessors(),
                repeats);
        System.out.print(t);
        return 0;
    }

    private static final String TORCH = "TORCH";

    /** The exported graph of the benchmarked network for its PyTorch twin, or null for torchvision's B0. */
    private Path twin(Path work, int r) throws java.io.IOException {
        if (model == Architecture.EFFICIENTNET_B0) {
            return null;
        }
        Path dir = work.resolve("twin-" + r);
        if (!Files.isRegularFile(dir.resolve("graph.json"))) {
            Files.createDirectories(dir);
            NetworkArchitecture arch = TrainBenchWorker.network(model, r);
            GraphExport.write(TrainingEngine.build(arch, new org.nd4j.linalg.learning.config.Adam(1e-3)), arch, dir);
        }
        return dir;
    }

    private List<String> torchCommand(String py, Path script, int r, Path twinDir) {
        List<String> cmd = new ArrayList<>(List.of(py, script.toString(), Integer.toString(r), Integer.toString(batch),
                Integer.toString(iterations), Integer.toString(Runtime.getRuntime().availableProcessors())));
        if (twinDir != null) {
            cmd.add(twinDir.toString());
        }
        return cmd;
    }

    private static String label(String side) {
        return side.equals(TORCH) ? "PyTorch" : switch (TrainBenchWorker.Path.valueOf(side)) {
            case ONEDNN -> "signkit oneDNN engine (default)";
            case HELPERS -> "DL4J layers + oneDNN helpers";
            case IM2COL -> "DL4J layers, im2col (helpers off)";
        };
    }

    /** The median with the range of the runs. */
    private static String spread(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        return String.format(Locale.ROOT, "%.2f (%.2f-%.2f)", Medians.of(v), s[0], s[s.length - 1]);
    }

    private static String ratio(double[] ours, double[] theirs) {
        return theirs == null ? "-" : f(Medians.of(ours) / Medians.of(theirs));
    }

    private List<String> worker(int r, TrainBenchWorker.Path path) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Dorg.bytedeco.javacpp.platform.extension=" + System.getProperty("org.bytedeco.javacpp.platform.extension", ""));
        cmd.add("-Dorg.bytedeco.javacpp.maxPhysicalBytes=0");
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), TrainBenchWorker.class.getName(),
                Integer.toString(r), Integer.toString(batch), Integer.toString(iterations), path.name(), model.id()));
        return cmd;
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
