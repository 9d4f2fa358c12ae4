package org.signkit.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import org.signkit.core.AtomicFiles;
import org.signkit.core.Parallel;
import org.signkit.synth.SynthOptions;
import org.signkit.synth.SyntheticDatasetGenerator;

/**
 * {@code signkit reproduce}: the study's four experiments and the representation experiment beyond it from their specs, one profile, then a summary
 * that sets each verdict beside the study's claim (agree / disagree / inconclusive). The synthetic
 * dataset the specs point at is generated first when it is missing.
 *
 * @param experiments folder of the specs
 * @param profile     {@code quick} or {@code full}
 * @param out         report folder: one run folder per experiment and {@code README.md}
 */
public record Reproduction(Path experiments, String profile, Path out) {

    /** The study's experiments, in run order. */
    public static final List<String> SPECS = List.of("fps-subsample", "fps-capture", "augmentation", "background");
    /** The experiments beyond the study, run after it. */
    public static final List<String> BEYOND = List.of("representation");
    /** Everything {@code reproduce} runs, in order. */
    public static final List<String> ALL = java.util.stream.Stream.concat(SPECS.stream(), BEYOND.stream()).toList();

    /** One experiment's outcome. */
    public record Outcome(ExperimentSpec spec, Path runDir, Analysis analysis) {
    }

    /**
     * Runs everything; {@code listener} gives each experiment's progress listener, {@code log} notes, {@code workers}
     * the frame-decoding threads per trial and {@code parallelTrials} the trials trained at once.
     */
    public List<Outcome> run(Function<ExperimentSpec, ExperimentRunner.Listener> listener, Consumer<String> log, int workers,
                             int parallelTrials) throws IOException {
        long t0 = System.nanoTime();
        List<ExperimentSpec> specs = new ArrayList<>();
        for (String name : ALL) {
            Path file = experiments.resolve(name + ".yaml");
            if (name.equals(SPECS.get(0))) {
                ensureSynthetic(file, log);
            }
            specs.add(ExperimentSpec.load(file, profile));
        }
        // Every experiment runs at once on its own thread, but its trials take the shared slots in the overall order
        // (experiment, then plan index): the experiments proceed in order, and the next one's trials use the cores that
        // the last trials of the previous one leave idle.
        TrialSlots slots = new TrialSlots(parallelTrials);
        ExecutorService pool = Parallel.daemonPool(specs.size(), "signkit-experiment");
        List<Outcome> outcomes = new ArrayList<>();
        try {
            List<Future<Outcome>> running = new ArrayList<>();
            for (int i = 0; i < specs.size(); i++) {
                ExperimentSpec spec = specs.get(i);
                long order = (long) i << 32;
                running.add(pool.submit(() -> {
                    Path runDir = out.resolve(spec.name());
                    log.accept("experiment " + spec.name() + " (" + spec.conditions().size() + " conditions x " + spec.repeats()
                            + " repeats) -> " + runDir);
                    List<TrialRecord> records = new ExperimentRunner(spec, runDir, workers, parallelTrials, listener.apply(spec))
                            .run(slots, order);
                    Analysis a = Analysis.of(spec, records);
                    a.write(runDir);
                    return new Outcome(spec, runDir, a);
                }));
            }
            for (Future<Outcome> f : running) {
                outcomes.add(Parallel.await(f, "an experiment"));
            }
        } finally {
            pool.shutdownNow();
        }
        AtomicFiles.writeString(out.resolve("README.md"), summary(outcomes, (System.nanoTime() - t0) / 1e9));
        return outcomes;
    }

    /** Generates the quick synthetic dataset where the first spec expects it, if it is not there. */
    private static void ensureSynthetic(Path spec, Consumer<String> log) throws IOException {
        Path dataset = ExperimentSpec.datasetOf(spec);
        if (dataset == null || Files.isRegularFile(dataset.resolve("dataset.yaml")) || !dataset.toString().endsWith("synthsign")) {
            return;
        }
        log.accept("synth: generating the quick synthetic dataset -> " + dataset);
        new SyntheticDatasetGenerator(SynthOptions.quick(1, Runtime.getRuntime().availableProcessors()))
                .generate(dataset, (job, reused, done, total) -> { });
    }

    /** How the claims column reads, for the summary page and the HTML index alike. */
    public static final String CLAIMS_KEY = "Each verdict comes from the experiment's planned test (the rule is in every"
            + " analysis). A claim of a difference is *agree* or *disagree* only on a significant result, else *inconclusive*"
            + " with the smallest difference the design detects (MDE, 80% power); a claim of no difference is tested by TOST"
            + " against its margin: *equivalent*, *not equivalent* or *undecided*. A non-significant p-value never agrees.";

    /** True for an experiment that goes past the study: its claims are signkit's, not the study's. */
    public static boolean beyond(Outcome o) {
        return BEYOND.contains(o.spec().name());
    }

    /** The summary page: each claim of the study beside this run's verdict. */
    public static String summary(List<Outcome> outcomes, double seconds) {
        StringBuilder md = new StringBuilder("# Reproduction of Carneiro et al. (2021)\n\n");
        md.append(String.format(Locale.ROOT, "Profile `%s`; %d experiments in %.1f minutes. %s%n%n",
                outcomes.isEmpty() ? "-" : outcomes.get(0).spec().profile(), outcomes.size(), seconds / 60, CLAIMS_KEY));
        md.append("| experiment | the study's claim | this run's verdict | claim |\n|---|---|---|---|\n");
        for (Outcome o : outcomes) {
            for (Analysis.TestOutcome t : o.analysis().tests()) {
                if (t.claim() != null) {
                    md.append("| [").append(o.spec().name()).append("](").append(o.spec().name()).append("/analysis.md) | ")
                            .append(beyond(o) ? "(beyond the study) " : "").append(t.test().claim().statement()).append(" | ")
                            .append(t.verdict().wording()).append(" | **")
                            .append(t.claim().label()).append("** |\n");
                }
            }
        }
        for (Outcome o : outcomes) {
            o.analysis().warnings().forEach(w -> md.append("\n> **Warning** (").append(o.spec().name()).append("): ").append(w).append('\n'));
        }
        md.append("\n## Results\n\n");
        for (Outcome o : outcomes) {
            md.append("### ").append(o.spec().name()).append("\n\n").append(o.spec().question()).append("\n\n");
            md.append("| condition | n | test accuracy | validation accuracy |\n|---|---|---|---|\n");
            var test = o.analysis().summaries().get("test_accuracy");
            var val = o.analysis().summaries().get("validation_accuracy");
            for (int i = 0; i < test.size(); i++) {
                md.append(String.format(Locale.ROOT, "| %s | %d | %.4f ± %.4f | %s |%n", test.get(i).group(), test.get(i).n(),
                        test.get(i).mean(), test.get(i).sd(), val == null ? "-"
                                : String.format(Locale.ROOT, "%.4f ± %.4f", val.get(i).mean(), val.get(i).sd())));
            }
            if (!o.analysis().missing().isEmpty()) {
                md.append("\nMissing trials: ").append(String.join(", ", o.analysis().missing())).append('\n');
            }
            md.append('\n');
        }
        return md.toString();
    }
}
