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
import org.signkit.experiment.TrialPlan;
import org.signkit.train.TrainingProgress;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code signkit experiment}: run a spec's repeated trials and analyse them. */
@Command(name = "experiment", mixinStandardHelpOptions = true,
        description = "Experiments from YAML specs (experiments/*.yaml): resumable repeated trials, then the planned tests.",
        subcommands = {ExperimentCommand.Run.class, ExperimentCommand.Analyse.class, ExperimentCommand.Plan.class,
                ExperimentCommand.Trial.class, ExperimentCommand.Aggregate.class, ExperimentCommand.Emit.class})
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

        @Option(names = "--trials", defaultValue = "1", paramLabel = "K",
                description = "Trials trained at once (with --op-threads 1, one per core). Results do not depend on it. Default: ${DEFAULT-VALUE}.")
        int trials;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec command;

        @Override
        public Integer call() throws Exception {
            if (OpThreads.needsRelaunch(opThreads)) {
                return OpThreads.relaunch(opThreads, command.commandLine().getParseResult().originalArgs());
            }
            ExperimentSpec s = spec.load();
            Path dir = out != null ? out : Path.of("reports", s.name() + "-" + s.profile());
            List<TrialRecord> records = new ExperimentRunner(s, dir, workers, trials, listener(s)).run();
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

        @Option(names = {"-o", "--out"}, paramLabel = "RUN", description = "Freeze the numbered trial plan into RUN/plan.json "
                + "(for 'experiment trial RUN --index I' on a cluster; see 'experiment emit').")
        Path out;

        @Override
        public Integer call() throws Exception {
            ExperimentSpec s = spec.load();
            if (out != null) {
                TrialPlan frozen = new ExperimentRunner(s, out, 2, listener(s)).freeze();
                System.out.println(frozen.trials().size() + " trials -> " + out.resolve(TrialPlan.FILE_NAME) + " (indices 0-"
                        + (frozen.trials().size() - 1) + "); derived data: " + String.join("; ", frozen.derived()));
            }
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

    /** {@code signkit experiment trial}. */
    @Command(name = "trial", mixinStandardHelpOptions = true,
            description = {"Run exactly one trial of a frozen plan (RUN/plan.json) into RUN/records/<index>.json: what one Slurm",
                    "array task or Kubernetes Indexed Job pod runs. Builds the derived data it needs under a lock; does nothing",
                    "when the record exists; a second run of the same index waits for the first. Exit 1 when the trial failed."})
    static final class Trial implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "RUN") Path run;
        @Option(names = "--index", paramLabel = "I", description = "The trial's number. Default: $SLURM_ARRAY_TASK_ID, "
                + "else $JOB_COMPLETION_INDEX.") Integer index;
        @Option(names = "--workers", defaultValue = "2", description = "Frame-decoding threads. Default: ${DEFAULT-VALUE}.") int workers;

        @Override
        public Integer call() throws Exception {
            int i = index != null ? index : org.signkit.experiment.ClusterTemplates.indexFromEnvironment();
            TrialPlan plan = TrialPlan.read(run);
            TrialRecord r = new ExperimentRunner(plan.spec(), run, workers, listener(plan.spec())).runTrial(i);
            System.out.println("trial " + i + " (" + r.trial() + "): " + r.status() + " -> " + run.resolve("records").resolve(i + ".json"));
            return r.ok() ? 0 : 1;
        }
    }

    /** {@code signkit experiment aggregate}. */
    @Command(name = "aggregate", mixinStandardHelpOptions = true,
            description = {"Collect a run's numbered records into records.jsonl, list missing or failed indices, and write the",
                    "analysis (results.csv, analysis.md, analysis.json). Exit 1 while any trial is missing or failed."})
    static final class Aggregate implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "RUN") Path run;

        @Override
        public Integer call() throws Exception {
            ExperimentRunner.Aggregate g = ExperimentRunner.aggregate(run);
            Analysis a = Analysis.of(g.plan().spec(), g.records());
            a.write(run);
            System.out.print(a.markdown());
            System.out.println(g.records().size() + " of " + g.plan().trials().size() + " trials recorded"
                    + (g.missing().isEmpty() ? "" : "; missing indices " + g.missing())
                    + (g.failed().isEmpty() ? "" : "; failed indices " + g.failed() + " (rerun them with 'experiment trial')"));
            return g.missing().isEmpty() && g.failed().isEmpty() ? 0 : 1;
        }
    }

    /** {@code signkit experiment emit}. */
    @Command(name = "emit", mixinStandardHelpOptions = true,
            description = {"Write a cluster job for a frozen plan: --slurm, an sbatch array script (RUN/slurm.sbatch,",
                    "--array=0-(N-1)%%K); --k8s, a Kubernetes Indexed Job (RUN/k8s-job.yaml). Both run 'experiment trial RUN",
                    "--index I'; the run folder and the dataset must be on a file system every node shares."})
    static final class Emit implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "RUN") Path run;
        @Option(names = "--slurm", description = "An sbatch array script.") boolean slurm;
        @Option(names = "--k8s", description = "A Kubernetes Indexed Job manifest.") boolean k8s;
        @Option(names = "--parallel", defaultValue = "4", paramLabel = "K", description = "Trials at once. Default: ${DEFAULT-VALUE}.")
        int parallel;
        @Option(names = "--cpus", defaultValue = "2", description = "Cores per trial. Default: ${DEFAULT-VALUE}.") int cpus;
        @Option(names = "--mem", defaultValue = "8G", description = "Memory per trial. Default: ${DEFAULT-VALUE}.") String mem;
        @Option(names = "--time", defaultValue = "04:00:00", description = "Time limit per trial (Slurm). Default: ${DEFAULT-VALUE}.")
        String time;
        @Option(names = "--image", defaultValue = "signkit:latest", description = "Container image (Kubernetes; see the Dockerfile). "
                + "Default: ${DEFAULT-VALUE}.") String image;
        @Option(names = "--launcher", paramLabel = "COMMAND", description = "How a node starts signkit (Slurm), e.g. "
                + "'java -jar /shared/signkit/signkit.jar'. Default: this java on this signkit.jar.") String launcher;
        @Option(names = "--claim", defaultValue = "signkit-data", description = "The shared volume's PersistentVolumeClaim "
                + "(Kubernetes), mounted at the run folder's absolute path. Default: ${DEFAULT-VALUE}.") String claim;

        @Override
        public Integer call() throws Exception {
            if (slurm == k8s) {
                throw new IllegalArgumentException("give one of --slurm or --k8s");
            }
            TrialPlan plan = TrialPlan.read(run);
            org.signkit.experiment.ClusterTemplates.Resources res = new org.signkit.experiment.ClusterTemplates.Resources(parallel, cpus, mem, time);
            Path file = slurm ? org.signkit.experiment.ClusterTemplates.writeSlurm(run, plan, res,
                    launcher != null ? List.of(launcher.trim().split("\\s+")) : launcher())
                    : org.signkit.experiment.ClusterTemplates.writeKubernetes(run, plan, res, image, claim);
            System.out.println(plan.trials().size() + " trials, " + parallel + " at a time -> " + file + (slurm
                    ? "; submit: sbatch " + file + "; then: signkit experiment aggregate " + run
                    : "; apply: kubectl apply -f " + file + "; then: signkit experiment aggregate " + run));
            return 0;
        }
    }

    /** How a node starts this signkit: the java running now, on the jar it runs from (a shared file system holds both). */
    static List<String> launcher() {
        try {
            Path jar = Path.of(ExperimentCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!jar.toString().endsWith(".jar")) {
                throw new IllegalStateException("signkit runs from classes (" + jar + "), not its jar: build it first with "
                        + "'mvn -B -DskipTests -pl toolkit/cli -am package' or run './signkit'");
            }
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            return List.of(java.toString(), "-jar", jar.toString());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
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
            public TrainingProgress training(String trial, org.signkit.train.TrainingConfig config) {
                return new TrainingBar(config.epochs(), s.name() + ": " + trial);
            }
        };
    }
}
