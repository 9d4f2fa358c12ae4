package org.signkit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code signkit bench train}: EfficientNet-B0 training/inference speed and memory, DL4J vs PyTorch. */
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

    @Override
    public Integer call() throws Exception {
        Path work = Files.createTempDirectory("signkit-bench-train");
        Path script = JsonProcess.script(work, "train_torch.py");
        boolean torch = new ProcessBuilder(python, "-c", "import torch, torchvision").start().waitFor() == 0;
        if (!torch) {
            System.err.println("signkit bench: PyTorch not found for " + python
                    + " (apt-get install python3-torch python3-torchvision); DL4J only");
        }
        Table t = new Table("res", "run", "train img/s", "infer img/s", "peak RSS MB", "train vs torch", "infer vs torch");
        for (int r : res) {
            JsonNode torchRow = torch ? JsonProcess.run(List.of(python, script.toString(), Integer.toString(r),
                    Integer.toString(batch), Integer.toString(iterations),
                    Integer.toString(Runtime.getRuntime().availableProcessors())), true, python + " " + script + " failed")
                    : null;
            for (TrainBenchWorker.Path path : paths) {
                JsonNode d = JsonProcess.run(worker(r, path), false, "the DL4J benchmark JVM failed at " + r + " px");
                t.row(Integer.toString(r), switch (path) {
                    case ONEDNN -> "signkit oneDNN network (default)";
                    case HELPERS -> "DL4J layers + oneDNN helpers";
                    case IM2COL -> "DL4J layers, im2col (helpers off)";
                },
                        f(d.get("train").asDouble()), f(d.get("infer").asDouble()), d.get("rssMb").asText(),
                        torchRow == null ? "-" : f(d.get("train").asDouble() / torchRow.get("train").asDouble()),
                        torchRow == null ? "-" : f(d.get("infer").asDouble() / torchRow.get("infer").asDouble()));
            }
            if (torchRow != null) {
                t.row(Integer.toString(r), "PyTorch", f(torchRow.get("train").asDouble()), f(torchRow.get("infer").asDouble()),
                        torchRow.get("rssMb").asText(), "1", "1");
            }
        }
        System.out.printf(Locale.ROOT, "EfficientNet-B0, batch %d, %d timed iterations, %d cores%n", batch, iterations,
                Runtime.getRuntime().availableProcessors());
        System.out.print(t);
        return 0;
    }

    private List<String> worker(int r, TrainBenchWorker.Path path) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Dorg.bytedeco.javacpp.platform.extension=" + System.getProperty("org.bytedeco.javacpp.platform.extension", ""));
        cmd.add("-Dorg.bytedeco.javacpp.maxPhysicalBytes=0");
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), TrainBenchWorker.class.getName(),
                Integer.toString(r), Integer.toString(batch), Integer.toString(iterations), path.name()));
        return cmd;
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
