package org.signkit.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.signkit.experiment.Reproduction;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code signkit reproduce}: the study's four experiments, their analyses and a claims summary. */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = {"Reproduce the study: synthetic data (if missing) -> fps-subsample, fps-capture, augmentation and",
                "background experiments (experiments/*.yaml) -> analysis -> OUT/README.md comparing each verdict with",
                "the study's claim. --quick runs in minutes on 2 cores; --full uses the study's settings (a GPU job).",
                "A rerun resumes where the last one stopped."})
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
                .run(ExperimentCommand::listener, System.err::println, workers);
        System.out.printf("reproduce --%s: %d experiments in %.1f min%n", name, outcomes.size(), (System.nanoTime() - t0) / 6e10);
        System.out.println("report: " + dir.resolve("README.md"));
        return outcomes.stream().allMatch(o -> o.analysis().missing().isEmpty()) ? 0 : 1;
    }
}
