package org.signkit.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import org.signkit.experiment.DerivedData;
import org.signkit.experiment.ExperimentRunner;
import org.signkit.experiment.ExperimentSpec;
import org.signkit.experiment.Reproduction;
import org.signkit.experiment.TrialRecord;
import org.signkit.experiment.TrialRecords;
import org.signkit.explain.ExplainJob;
import org.signkit.explain.HideColour;
import org.signkit.explain.LimeSettings;
import org.signkit.report.RunReport;
import org.signkit.train.FrameSet;
import org.signkit.train.TrainedModel;
import org.signkit.vision.TruthIndex;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code signkit reproduce}: the study's four experiments and the representation one, analyses and a claims summary. */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = {"Reproduce the study: synthetic data (if missing) -> fps-subsample, fps-capture, augmentation and",
                "background experiments, then representation (frames vs frame + hands vs keypoints; experiments/*.yaml)",
                "-> analysis -> LIME on each experiment's best frame-model trial ->",
                "OUT/README.md and the HTML report OUT/report/index.html, each verdict beside the study's claim.",
                "--quick runs in minutes on 2 cores; --full uses the study's settings (a GPU job). A rerun resumes."})
final class ReproduceCommand implements Callable<Integer> {

    static final class Profile {
        @Option(names = "--quick", description = "Small model and data, 2 repeats (the default).")
        boolean quick;

        @Option(names = "--full", description = "EfficientNet-B0, 224 px, 80/20 frame split, 3 repeats.")
        boolean full;
    }

    @ArgGroup(exclusive = true)
    Profile profile;

    @Option(names = "--experiments", defaultValue = "experiments", paramLabel = "DIR",
            description = "Folder of the specs. Default: ${DEFAULT-VALUE}.")
    Path experiments;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "Report folder. Default: reports/reproduce-<profile>.")
    Path out;

    @Option(names = "--workers", defaultValue = "2", description = "Frame-decoding threads per trial. Default: ${DEFAULT-VALUE}.")
    int workers;

    @Option(names = "--op-threads", paramLabel = "N",
            description = "OpenMP threads of the native ops (runs in a child JVM). Default: 1 for --quick, the cores for --full.")
    Integer opThreads;

    @Option(names = "--trials", paramLabel = "K",
            description = "Trials trained at once; results do not depend on it. Default: one per core for --quick (one op thread each), 1 for --full.")
    Integer trials;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() throws Exception {
        String name = profile != null && profile.full ? "full" : "quick";
        int threads = opThreads != null ? opThreads : name.equals("quick") ? 1 : 0;
        if (OpThreads.needsRelaunch(threads)) {
            return OpThreads.relaunch(threads, command.commandLine().getParseResult().originalArgs());
        }
        Path dir = out != null ? out : Path.of("reports", "reproduce-" + name);
        long t0 = System.nanoTime();
        List<Reproduction.Outcome> outcomes = new Reproduction(experiments, name, dir)
                .run(ExperimentCommand::listener, System.err::println, workers, parallelTrials(name));
        for (Reproduction.Outcome o : outcomes) {
            explainBestTrial(o, name.equals("quick") ? 300 : 1000);
        }
        Path page = RunReport.write(dir, dir.resolve("report"));
        System.out.printf("reproduce --%s: %d experiments in %.1f min%n", name, outcomes.size(), (System.nanoTime() - t0) / 6e10);
        System.out.println("summary: " + dir.resolve("README.md"));
        System.out.println("report: " + page);
        return outcomes.stream().allMatch(o -> o.analysis().missing().isEmpty()) ? 0 : 1;
    }

    /** --trials, or its default for the profile. */
    private int parallelTrials(String profile) {
        return trials != null ? trials : profile.equals("quick") ? Runtime.getRuntime().availableProcessors() : 1;
    }

    /**
     * LIME on the experiment's best trial (highest validation accuracy), one validation frame per sign,
     * with the pointing game on the synthetic truth: the report's gallery. Skipped when already done.
     */
    private static void explainBestTrial(Reproduction.Outcome o, int samples) throws Exception {
        ExperimentSpec s = o.spec();
        Path out = o.runDir().resolve("explain");
        if (s.validation() == null || Files.isRegularFile(out.resolve("explanations.json"))) {
            return;
        }
        // LIME explains images: keypoint models have none to explain.
        java.util.Set<String> imageConditions = new java.util.HashSet<>();
        s.conditions().stream().filter(c -> !s.training(c).model().keypoints()).forEach(c -> imageConditions.add(c.name()));
        TrialRecord best = new TrialRecords(o.runDir().resolve(TrialRecords.FILE_NAME)).latest().stream().filter(TrialRecord::ok)
                .filter(r -> imageConditions.contains(r.condition()))
                .max(Comparator.comparingDouble(r -> r.metrics().getOrDefault("validation_accuracy", 0.0))).orElse(null);
        if (best == null) {
            return;
        }
        DerivedData derived = new DerivedData(s.dataset(), m -> { });
        List<String> signs = TrainedModel.load(o.runDir().resolve("trials").resolve(best.trial())).classes();
        ExperimentSpec.Condition condition = s.conditions().stream().filter(c -> c.name().equals(best.condition()))
                .findFirst().orElseThrow();
        Path frames = derived.frames(s.validation(), ExperimentRunner.VALIDATION_FPS, s.frames(), s.needsHands(condition),
                signs);
        Path truth = s.dataset().resolve("truth").resolve(s.validation());
        System.err.println(s.name() + ": explaining " + best.trial() + " on " + frames);
        new ExplainJob(TrainedModel.load(o.runDir().resolve("trials").resolve(best.trial())), FrameSet.load(frames), 1,
                new LimeSettings(samples, "quickshift", HideColour.MEAN, 0.25, 1.0, 5, 1, 64, 1), 3,
                Files.isDirectory(truth) ? new TruthIndex(truth) : null, out).run(m -> { });
    }
}
