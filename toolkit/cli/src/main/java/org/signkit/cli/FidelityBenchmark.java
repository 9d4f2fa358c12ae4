package org.signkit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.signkit.core.Json;
import org.signkit.train.Architecture;
import org.signkit.train.Engine;
import org.signkit.train.FidelityRun;
import org.signkit.train.GraphExport;
import org.signkit.train.TrainingEngines;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code signkit bench fidelity}: signkit's training against a PyTorch twin, step for step. Both start from the same
 * DL4J initial weights and train on the same generated batches in the same order, without dropout or augmentation;
 * the table gives each step's loss on both sides and the relative difference.
 */
@Command(name = "fidelity", mixinStandardHelpOptions = true,
        description = {"Per-step training loss of signkit's engines against a PyTorch twin from the same initial weights.",
                "The twin (python3-torch) runs the exported DL4J graph with torch.nn.functional; --fixture writes its",
                "losses for FidelityTest, which then runs without PyTorch."})
final class FidelityBenchmark implements Callable<Integer> {

    @Option(names = "--model", defaultValue = "baseline-cnn",
            description = "baseline-cnn, efficientnet-b0 or multistream. Default: ${DEFAULT-VALUE}.")
    Architecture model;

    @Option(names = "--size", defaultValue = "64", description = "Input size in pixels. Default: ${DEFAULT-VALUE}.")
    int size;

    @Option(names = "--classes", defaultValue = "14", description = "Classes. Default: ${DEFAULT-VALUE}.")
    int classes;

    @Option(names = "--batch", defaultValue = "16", description = "Batch size. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--pool", defaultValue = "200", description = "Distinct batches, visited in order (200: each step a new batch). Default: ${DEFAULT-VALUE}.")
    int pool;

    @Option(names = "--steps", defaultValue = "200", description = "Steps compared. Default: ${DEFAULT-VALUE}.")
    int steps;

    @Option(names = "--lr", defaultValue = "1e-3", description = "Adam learning rate. Default: ${DEFAULT-VALUE}.")
    double lr;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of weights and data. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--engines", defaultValue = "onednn,dl4j", split = ",",
            description = "signkit engines to run. Default: ${DEFAULT-VALUE}.")
    List<Engine> engines;

    @Option(names = "--adam", defaultValue = "dl4j",
            description = "The twin's Adam: dl4j (DL4J's epsilon placement) or torch (torch.optim.Adam). Default: ${DEFAULT-VALUE}.")
    Convention adam;

    @Option(names = "--double", description = "float64 on both sides (DL4J's layers only): separates algorithm from rounding.")
    boolean doublePrecision;

    @Option(names = "--curves", paramLabel = "SEEDS", description = "Instead: learning curves over seeds 1..SEEDS, "
            + "signkit (its default engine and initialisation) against PyTorch with its own default initialisation and "
            + "torch.optim.Adam, on the same batches.")
    int curves;

    @Option(names = "--fixture", paramLabel = "JSON", description = "Also write the run and the twin's losses here.")
    Path fixture;

    @Option(names = "--python", defaultValue = "/usr/bin/python3", description = "Python with torch. Default: ${DEFAULT-VALUE}.")
    String python;

    @Override
    public Integer call() throws Exception {
        if (doublePrecision && engines.contains(Engine.ONEDNN)) {
            throw new IllegalArgumentException("the oneDNN engine runs float32 only: with --double use --engines dl4j");
        }
        if (curves > 0) {
            return curves();
        }
        FidelityRun run = new FidelityRun(model, size, classes, batch, pool, steps, lr, seed, doublePrecision);
        double[] torch = twin(run, adam, Convention.DL4J);
        Map<Engine, double[]> ours = new LinkedHashMap<>();
        for (Engine e : engines) {
            ours.put(e, run.losses(TrainingEngines.engine(e)));
        }
        List<String> header = new ArrayList<>(List.of("step", "PyTorch"));
        engines.forEach(e -> {
            header.add(e.id());
            header.add(e.id() + " rel. diff");
        });
        Table t = new Table(header.toArray(String[]::new));
        for (int s = 0; s < steps; s++) {
            if (s < 10 || (s + 1) % 20 == 0) {
                List<String> row = new ArrayList<>(List.of(Integer.toString(s + 1), f(torch[s])));
                for (double[] l : ours.values()) {
                    row.add(f(l[s]));
                    row.add(String.format(Locale.ROOT, "%.1e", relative(l[s], torch[s])));
                }
                t.row(row.toArray(String[]::new));
            }
        }
        System.out.printf(Locale.ROOT, "%s at %d px, %d classes, batch %d, %d distinct batches, Adam %s (twin: %s Adam), "
                + "seed %d, no dropout, %s%n", model.id(), size, classes, batch, pool, lr, adam.id(), seed,
                doublePrecision ? "float64" : "float32");
        System.out.print(t);
        for (Map.Entry<Engine, double[]> e : ours.entrySet()) {
            double worst = 0;
            int at = 0;
            for (int s = 0; s < steps; s++) {
                double r = relative(e.getValue()[s], torch[s]);
                if (r > worst) {
                    worst = r;
                    at = s + 1;
                }
            }
            System.out.printf(Locale.ROOT, "%s: largest relative difference over %d steps %.2e (step %d); target 1e-3: %s%n",
                    e.getKey().id(), steps, worst, at, worst <= 1e-3 ? "met" : "NOT met");
        }
        if (ours.size() == 2) {
            // Two implementations of the same algorithm on the same side: how far rounding alone takes them apart.
            double[][] pair = ours.values().toArray(double[][]::new);
            double worst = 0;
            for (int s = 0; s < steps; s++) {
                worst = Math.max(worst, relative(pair[0][s], pair[1][s]));
            }
            System.out.printf(Locale.ROOT, "%s against %s: largest relative difference %.2e%n", engines.get(0).id(),
                    engines.get(1).id(), worst);
        }
        if (fixture != null) {
            Json.write(fixture, new Fixture(run, adam, torch));
            System.out.println("fixture: " + fixture);
        }
        return 0;
    }

    /** The twin's per-step losses for {@code run}, with its Adam and initialisation ({@code dl4j} or {@code torch}). */
    private double[] twin(FidelityRun run, Convention twinAdam, Convention init) throws Exception {
        Path work = Files.createTempDirectory("signkit-bench-fidelity");
        try {
            GraphExport.write(run.network(), run.networkArchitecture(), work);
            run.writeData(work.resolve("data.bin"));
            Path script = JsonProcess.script(work, "fidelity_torch.py");
            JsonProcess.script(work, "twin_torch.py");
            JsonNode twin = JsonProcess.run(List.of(python, script.toString(), work.toString(), Integer.toString(size),
                    Integer.toString(classes), Integer.toString(batch), Integer.toString(pool), Integer.toString(steps),
                    Double.toString(lr), Integer.toString(Runtime.getRuntime().availableProcessors()), twinAdam.id(), init.id(),
                    Long.toString(run.seed())), true, python + " failed (needs python3-torch)");
            double[] losses = new double[steps];
            for (int s = 0; s < steps; s++) {
                losses[s] = twin.path("losses").path(s).asDouble(Double.NaN);
            }
            return losses;
        } finally {
            org.signkit.core.AtomicFiles.deleteRecursively(work);
        }
    }

    /** Mean training loss per window of 20 steps, each framework with its defaults, mean ± SD over the seeds. */
    private int curves() throws Exception {
        int window = 20;
        int windows = steps / window;
        double[][] ours = new double[curves][windows];
        double[][] theirs = new double[curves][windows];
        for (int k = 0; k < curves; k++) {
            FidelityRun run = new FidelityRun(model, size, classes, batch, pool, steps, lr, k + 1, false);
            double[] a = run.losses(TrainingEngines.choose(Engine.AUTO, run.network()).engine());
            double[] b = twin(run, Convention.TORCH, Convention.TORCH);
            for (int w = 0; w < windows; w++) {
                for (int s = w * window; s < (w + 1) * window; s++) {
                    ours[k][w] += a[s] / window;
                    theirs[k][w] += b[s] / window;
                }
            }
        }
        Table t = new Table("steps", "signkit (DL4J init, engine auto)", "PyTorch (its init, torch.optim.Adam)");
        for (int w = 0; w < windows; w++) {
            t.row((w * window + 1) + "-" + (w + 1) * window, meanSd(ours, w), meanSd(theirs, w));
        }
        System.out.printf(Locale.ROOT, "%s at %d px, %d classes, batch %d, Adam %s, no dropout: mean training loss per %d"
                + " steps, mean ± SD over seeds 1..%d%n", model.id(), size, classes, batch, lr, window, curves);
        System.out.print(t);
        return 0;
    }

    private static String meanSd(double[][] runs, int w) {
        double mean = 0;
        for (double[] r : runs) {
            mean += r[w] / runs.length;
        }
        double ss = 0;
        for (double[] r : runs) {
            ss += (r[w] - mean) * (r[w] - mean);
        }
        return String.format(Locale.ROOT, "%.4f ± %.4f", mean, runs.length > 1 ? Math.sqrt(ss / (runs.length - 1)) : 0);
    }

    /**
     * What {@code FidelityTest} replays: the run and the twin's per-step losses.
     *
     * @param run    the signkit side
     * @param adam   the twin's Adam
     * @param losses the twin's loss at each step
     */
    record Fixture(FidelityRun run, Convention adam, double[] losses) {
    }

    /**
     * The twin's optimiser convention, and (for {@code --curves}) its initialisation: DL4J's (Adam's epsilon added
     * to sqrt(v) before the bias correction; the exported weights) or PyTorch's own ({@code torch.optim.Adam}; the
     * default init of nn.Conv2d / nn.Linear / nn.BatchNorm2d). Written by its lower-case id.
     */
    enum Convention {
        DL4J, TORCH;

        @com.fasterxml.jackson.annotation.JsonValue
        String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static double relative(double ours, double theirs) {
        return Math.abs(ours - theirs) / Math.abs(theirs);
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }
}
