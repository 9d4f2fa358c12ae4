package org.signkit.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.signkit.core.Json;
import org.signkit.experiment.Analysis;
import org.signkit.experiment.DesignPlan;
import org.signkit.experiment.ExperimentRunner;
import org.signkit.experiment.ExperimentSpec;
import org.signkit.experiment.TrialRecord;
import org.signkit.experiment.TrialRecords;
import org.signkit.train.TrainingProgress;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code signkit experiment}: run a spec's repeated trials and analyse them. */
@Command(name = "experiment", mixinStandardHelpOptions = true,
        description = "Experiments from YAML specs (experiments/*.yaml): resumable repeated trials, then the planned tests.",
        subcommands = {ExperimentCommand.Run.class, ExperimentCommand.Analyse.class, ExperimentCommand.Plan.class})
final class ExperimentCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** The spec argument and its profile, as {@code run} and {@code plan} take them. */
    static final class SpecFile {
        @Parameters(index = "0", paramLabel = "SPEC", description = "The experiment spec (YAML).")
        Path file;

        @Option(names = "--profile", paramLabel = "NAME", description = "A profile of the spec (quick, full).")
        String profile;

        ExperimentSpec load() throws java.io.IOException {
            return ExperimentSpec.load(file, profile);
        }
    }

    /** {@code signkit experiment run}. */
    @Command(name = "run", mixinStandardHelpOptions = true,
            description = {"Run every trial (conditions x repeats) of a spec, then its analysis.",
                    "Writes OUT/spec.json, OUT/records.jsonl (one record per trial), OUT/trials/<trial>/ (model, checkpoints),",
                    "OUT/results.csv, OUT/analysis.md and OUT/analysis.json. A rerun skips recorded trials and resumes a killed one."})
    static final class Run implements Callable<Integer> {

        @CommandLine.Mixin
        SpecFile spec;

        @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "Run folder. Default: reports/<name>-<profile>.")
        Path out;

        @Option(names = "--workers", defaultValue = "2", description = "Frame-decoding threads per trial. Default: ${DEFAULT-VALUE}.")
        int workers;

        @Option(names = "--op-threads", defaultValue = "0", paramLabel = "N",
                description = "OpenMP threads of the native ops (runs in a child JVM); 0 keeps the default. Default: ${DEFAULT-VALUE}.")
        int opThreads;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec command;

        @Override
        public Integer call() throws Exception {
            if (OpThreads.needsRelaunch(opThreads)) {
                return OpThreads.relaunch(opThreads, command.commandLine().getParseResult().originalArgs());
            }
            ExperimentSpec s = spec.load();
            Path dir = out != null ? out : Path.of("reports", s.name() + "-" + s.profile());
            List<TrialRecord> records = new ExperimentRunner(s, dir, workers, listener(s)).run();
            Analysis a = Analysis.of(s, records);
            a.write(dir);
            System.out.print(a.markdown());
            System.out.println("records: " + dir.resolve(TrialRecords.FILE_NAME) + "  analysis: " + dir.resolve("analysis.md"));
            return a.missing().isEmpty() ? 0 : 1;
        }
    }

    /** {@code signkit experiment analyse}. */
    @Command(name = "analyse", aliases = "analyze", mixinStandardHelpOptions = true,
            description = "Redo the analysis of a run folder from its records (e.g. after editing nothing but the plan).")
    static final class Analyse implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "RUN", description = "A run folder written by 'signkit experiment run'.")
        Path run;

        @Override
        public Integer call() throws Exception {
            Analysis a = analysisOf(run);
            a.write(run);
            System.out.print(a.markdown());
            return 0;
        }
    }

    /** {@code signkit experiment plan}. */
    @Command(name = "plan", mixinStandardHelpOptions = true,
            description = {"Print a spec's trial plan (conditions x repeats, one seed per repeat shared by every condition) and,",
                    "per planned test, the repeats per condition that make the claim's margin detectable at 80%% power",
                    "(for a no-difference claim: provable by TOST). The spread: --sd, or a previous run (--run), or 0.01/0.02/0.05."})
    static final class Plan implements Callable<Integer> {

        @CommandLine.Mixin
        SpecFile spec;

        @Option(names = "--sd", paramLabel = "S", description = "SD of a condition's trials (e.g. 0.02 accuracy).")
        Double sd;

        @Option(names = "--run", paramLabel = "DIR", description = "A previous run folder: use its observed spread per test.")
        Path run;

        @Option(names = "--margin", defaultValue = "0.05", paramLabel = "DELTA",
                description = "The margin of tests without a claim margin. Default: ${DEFAULT-VALUE}.")
        double margin;

        @Override
        public Integer call() throws Exception {
            ExperimentSpec s = spec.load();
            DesignPlan p = DesignPlan.of(s, sd, run == null ? null : analysisOf(run), margin);
            System.out.printf(Locale.ROOT, "%s (%s): %d conditions x %d repeats = %d trials%n", p.experiment(), p.profile(),
                    p.conditions().size(), p.repeats(), p.conditions().size() * p.repeats());
            System.out.println("conditions: " + String.join(", ", p.conditions()));
            p.blocks().forEach((r, seed) -> System.out.println("repeat " + r + ": seed " + seed + " in every condition (a block)"));
            Table t = new Table("test", "metric", "claim", "margin", "sd", "spread from", "design", "reach at " + p.repeats(), "repeats needed");
            for (DesignPlan.Size z : p.sizes()) {
                t.row(z.test(), z.metric(), z.claim().isEmpty() ? "-" : (z.equivalence() ? "(TOST) " : "") + z.claim(),
                        StatsCommand.num(z.margin()), StatsCommand.num(z.sd()), z.sdSource(), z.design().name().toLowerCase(Locale.ROOT),
                        StatsCommand.num(z.reachPlanned()), z.repeatsNeeded() == Integer.MAX_VALUE ? "-" : Integer.toString(z.repeatsNeeded()));
            }
            System.out.print(t);
            System.out.println("reach: the smallest difference detected at 80% power (no-difference claims: the smallest margin TOST"
                    + " shows); a claim is decidable when its reach is at most its margin.");
            return 0;
        }
    }

    /** The analysis of a run folder from its spec.json and records; an error naming the folder when it is not one. */
    static Analysis analysisOf(Path run) throws java.io.IOException {
        Path specJson = run.resolve("spec.json");
        if (!java.nio.file.Files.isRegularFile(specJson)) {
            throw new org.signkit.core.BadInputException(run, "no spec.json here", "give a folder written by 'signkit experiment run'");
        }
        return Analysis.of(Json.read(specJson, ExperimentSpec.class), new TrialRecords(run.resolve(TrialRecords.FILE_NAME)).latest());
    }

    /** Progress of an experiment on standard error: one line per trial with its ETA, epochs indented. */
    static ExperimentRunner.Listener listener(ExperimentSpec s) {
        PrintStream err = System.err;
        return new ExperimentRunner.Listener() {
            @Override
            public void trialStarted(String trial, int index, int total, double eta) {
                err.printf(Locale.ROOT, "%s: trial %d/%d %s%s%n", s.name(), index, total, trial,
                        Double.isNaN(eta) ? "" : String.format(Locale.ROOT, "  (ETA %.1f min)", eta / 60));
            }

            @Override
            public void trialFinished(TrialRecord r, int index, int total) {
                err.printf(Locale.ROOT, "%s: %s %s in %.0f s  %s%n", s.name(), r.trial(), r.status(), r.seconds(),
                        r.ok() ? r.metrics().entrySet().stream().filter(e -> e.getKey().endsWith("accuracy"))
                                .map(e -> String.format(Locale.ROOT, "%s %.3f", e.getKey(), e.getValue())).toList() : r.error());
            }

            @Override
            public void note(String message) {
                err.println(s.name() + ": " + message);
            }

            @Override
            public TrainingProgress training() {
                return new TrainingBar(s.training().epochs());
            }
        };
    }
}
