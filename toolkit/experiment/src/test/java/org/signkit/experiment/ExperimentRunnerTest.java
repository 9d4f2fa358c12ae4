package org.signkit.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signkit.core.BadInputException;
import org.signkit.synth.SynthOptions;
import org.signkit.synth.SyntheticDatasetGenerator;
import org.signkit.train.EpochRecord;
import org.signkit.train.TrainingProgress;

/**
 * A tiny spec (2 conditions × 2 repeats, baseline CNN, 2 epochs) on a tiny synthetic dataset: the same spec
 * and seed give the same metrics twice; a run killed in the middle of a trial and rerun gives the same
 * records as an uninterrupted one; typos are named with key and line.
 */
class ExperimentRunnerTest {

    @TempDir
    static Path dir;

    private static Path spec;

    @BeforeAll
    static void tinyDatasetAndSpec() throws IOException {
        new SyntheticDatasetGenerator(new SynthOptions(2, 2, 2, List.of(30), true, 96, 160, 5, 2))
                .generate(dir.resolve("data"), (j, r, d, t) -> { });
        spec = write("tiny.yaml", """
                name: tiny
                question: Does geometric augmentation change anything on a tiny set?
                dataset: %s
                validation: validation
                frames: {size: 48}
                defaults: {capture: capture30, fps: 10}
                conditions:
                  - {name: none, augmentation: none}
                  - {name: geometric, augmentation: geometric}
                training: {model: baseline-cnn, size: 24, epochs: 2, batch: 16, lr: 0.003, split: take}
                repeats: 2
                seed: 7
                metrics: [test_accuracy, validation_accuracy]
                analysis:
                  - test: ttest
                    metric: test_accuracy
                    groups: [geometric, none]
                    alternative: greater
                    claim: {kind: greater, groups: [geometric, none], statement: geometric beats none}
                """.formatted(dir.resolve("data")));
    }

    @Test
    void sameSpecAndSeedGiveTheSameMetricsAndAnAnalysis() throws IOException {
        ExperimentSpec s = ExperimentSpec.load(spec, null);
        List<TrialRecord> a = new ExperimentRunner(s, dir.resolve("run-a"), 2, new ExperimentRunner.Listener() { }).run();
        List<TrialRecord> b = new ExperimentRunner(s, dir.resolve("run-b"), 2, new ExperimentRunner.Listener() { }).run();
        assertEquals(4, a.size());
        assertTrue(a.stream().allMatch(TrialRecord::ok), a.toString());
        assertEquals(outcomes(a), outcomes(b));
        assertTrue(a.get(0).metrics().containsKey("validation_accuracy"));
        // A repeat is a block: one seed in every condition, another in the next repeat.
        assertEquals(2, a.stream().map(TrialRecord::seed).distinct().count(), a.toString());
        assertTrue(a.stream().allMatch(r -> r.seed() == ExperimentRunner.seed(s.seed(), r.repeat())));

        Analysis analysis = Analysis.of(s, a);
        analysis.write(dir.resolve("run-a"));
        assertEquals(2, analysis.summaries().get("test_accuracy").get(0).n());
        assertTrue(analysis.blocked());
        // Two repeats are too few for any planned test: not computable, and the claim undecided, never "agree".
        assertEquals(org.signkit.stats.Verdict.Outcome.NOT_COMPUTABLE, analysis.tests().get(0).verdict().outcome());
        assertEquals(org.signkit.stats.Claim.Agreement.UNDECIDED, analysis.tests().get(0).claim().agreement());
        assertTrue(analysis.trials().get(0).splits().get("test").accuracy().ciLow()
                <= analysis.trials().get(0).splits().get("test").accuracy().estimate());
        String md = Files.readString(dir.resolve("run-a/analysis.md"));
        assertTrue(md.contains("| none | 2 |") && md.contains("Study's claim"), md);
        assertTrue(Files.readString(dir.resolve("run-a/results.csv")).startsWith("metric,condition,n,mean,sd"));

        // A rerun skips every recorded trial.
        List<String> started = new java.util.ArrayList<>();
        new ExperimentRunner(s, dir.resolve("run-a"), 2, new ExperimentRunner.Listener() {
            @Override
            public void trialStarted(String trial, int index, int total, double eta) {
                started.add(trial);
            }
        }).run();
        assertEquals(List.of(), started);
    }

    @Test
    void trialsTrainedInParallelGiveTheSameRecordsAsOneAtATime() throws IOException {
        ExperimentSpec s = ExperimentSpec.load(spec, null);
        List<TrialRecord> serial = new ExperimentRunner(s, dir.resolve("run-serial"), 2, new ExperimentRunner.Listener() { }).run();
        java.util.Set<String> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
        List<TrialRecord> parallel = new ExperimentRunner(s, dir.resolve("run-parallel"), 1, 2, new ExperimentRunner.Listener() {
            @Override
            public void trialStarted(String trial, int index, int total, double eta) {
                threads.add(Thread.currentThread().getName() + "@" + System.identityHashCode(Thread.currentThread()));
            }
        }).run();
        assertEquals(2, threads.size(), threads.toString());
        assertTrue(parallel.stream().allMatch(TrialRecord::ok), parallel.toString());
        assertEquals(outcomes(serial), outcomes(parallel));
        assertEquals(4, new TrialRecords(dir.resolve("run-parallel").resolve(TrialRecords.FILE_NAME)).read().size());
    }

    @Test
    void aRunKilledInsideATrialResumesToTheSameRecords() throws IOException {
        ExperimentSpec s = ExperimentSpec.load(spec, null);
        Path killed = dir.resolve("run-killed");
        // Dies after the first epoch of the third trial, with its checkpoint on disk (as kill -9 would).
        class Killed extends Error {
        }
        int[] epochs = {0};
        ExperimentRunner.Listener dying = new ExperimentRunner.Listener() {
            @Override
            public TrainingProgress training(String trial, org.signkit.train.TrainingConfig config) {
                return new TrainingProgress() {
                    @Override
                    public void epoch(EpochRecord r) {
                        if (++epochs[0] == 5) {
                            throw new Killed();
                        }
                    }
                };
            }
        };
        assertThrows(Killed.class, () -> new ExperimentRunner(s, killed, 2, dying).run());
        assertEquals(2, new TrialRecords(killed.resolve(TrialRecords.FILE_NAME)).read().size());
        List<TrialRecord> resumed = new ExperimentRunner(s, killed, 2, new ExperimentRunner.Listener() { }).run();
        List<TrialRecord> straight = new ExperimentRunner(s, dir.resolve("run-straight"), 2,
                new ExperimentRunner.Listener() { }).run();
        assertEquals(outcomes(straight), outcomes(resumed));
    }

    @Test
    void oneTrialRunTwiceAtOnceLeavesOneRecordAndTheSameResultAsTheWholeRun() throws Exception {
        ExperimentSpec s = ExperimentSpec.load(spec, null);
        Path cluster = dir.resolve("run-cluster");
        TrialPlan plan = new ExperimentRunner(s, cluster, 2, new ExperimentRunner.Listener() { }).freeze();
        assertEquals(4, plan.trials().size());
        assertEquals(List.of(0, 1, 2, 3), plan.trials().stream().map(TrialPlan.PlannedTrial::index).toList());
        assertEquals(plan, TrialPlan.read(cluster), "plan.json round-trips");
        // Two tasks on index 3 at once (a resubmitted array task beside the original): one trains, the other waits
        // and finds its record.
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        List<String> notes = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        ExperimentRunner.Listener listener = new ExperimentRunner.Listener() {
            @Override
            public void note(String message) {
                notes.add(message);
            }
        };
        var first = pool.submit(() -> new ExperimentRunner(TrialPlan.read(cluster).spec(), cluster, 2, listener).runTrial(3));
        var second = pool.submit(() -> new ExperimentRunner(TrialPlan.read(cluster).spec(), cluster, 2, listener).runTrial(3));
        TrialRecord a = first.get();
        TrialRecord b = second.get();
        pool.shutdown();
        assertEquals(a, b, "both return the one record");
        assertTrue(a.ok(), a.toString());
        assertEquals(1, notes.stream().filter(n -> n.contains("already recorded")).count(), notes.toString());
        try (var files = Files.list(cluster.resolve("records"))) {
            assertEquals(List.of("3.json"), files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).toList());
        }
        for (int i = 0; i < 3; i++) {
            new ExperimentRunner(TrialPlan.read(cluster).spec(), cluster, 2, listener).runTrial(i);
        }
        ExperimentRunner.Aggregate all = ExperimentRunner.aggregate(cluster);
        assertEquals(List.of(), all.missing());
        assertEquals(List.of(), all.failed());
        List<TrialRecord> whole = new ExperimentRunner(s, dir.resolve("run-whole"), 2, new ExperimentRunner.Listener() { }).run();
        assertEquals(outcomes(whole), outcomes(all.records()), "trial by trial = one run");
        assertEquals(4, new TrialRecords(cluster.resolve(TrialRecords.FILE_NAME)).read().size());
        ExperimentRunner.aggregate(cluster);
        assertEquals(4, new TrialRecords(cluster.resolve(TrialRecords.FILE_NAME)).read().size(), "aggregating twice adds nothing");
    }

    @Test
    void aFailingTrialIsRecordedAndTheOthersGoOn() throws IOException {
        ExperimentSpec s = ExperimentSpec.load(write("failing.yaml", Files.readString(spec)
                .replace("name: tiny", "name: failing")
                .replace("  - {name: geometric, augmentation: geometric}", "  - {name: five, fps: 5}")
                .replace("groups: [geometric, none]", "groups: [five, none]").replace("repeats: 2", "repeats: 1")), null);
        // A frame of the 5 FPS condition goes missing after extraction (a disk problem, a careless clean-up): the
        // frames stage notices that the finished take changed and redoes it, so that alone fails nothing.
        Path frames = new DerivedData(s.dataset(), m -> { }).frames("capture30", "5", s.frameSize());
        Path victim;
        try (var walk = Files.walk(frames)) {
            victim = walk.filter(p -> p.toString().endsWith(".jpg")).sorted().findFirst().orElseThrow();
        }
        Files.delete(victim);
        // The five-r1 trial itself throws midway (as a failing disk or a bug would).
        String[] running = new String[1];
        ExperimentRunner.Listener failing = new ExperimentRunner.Listener() {
            @Override
            public void trialStarted(String trial, int index, int total, double eta) {
                running[0] = trial;
            }

            @Override
            public TrainingProgress training(String trial, org.signkit.train.TrainingConfig config) {
                return new TrainingProgress() {
                    @Override
                    public void epoch(EpochRecord r) {
                        if (running[0].equals("five-r1")) {
                            throw new IllegalStateException("disk went away under five-r1");
                        }
                    }
                };
            }
        };
        List<TrialRecord> records = new ExperimentRunner(s, dir.resolve("run-failing"), 2, failing).run();
        assertTrue(Files.isRegularFile(victim), "the missing frame was extracted again");
        TrialRecord failed = records.stream().filter(r -> r.trial().equals("five-r1")).findFirst().orElseThrow();
        assertEquals(TrialRecord.FAILED, failed.status());
        assertTrue(failed.error().contains("disk went away under five-r1"), failed.error());
        assertTrue(records.stream().filter(r -> r.trial().equals("none-r1")).findFirst().orElseThrow().ok());
        Analysis a = Analysis.of(s, records);
        assertEquals(List.of("five-r1"), a.missing());
        assertTrue(a.markdown().contains("Missing trials") && a.markdown().contains("disk went away under five-r1"));
    }

    @Test
    void typosAndBadValuesNameTheKeyAndLine() throws IOException {
        String good = Files.readString(spec);
        BadInputException e = assertThrows(BadInputException.class, () -> ExperimentSpec.load(
                write("typo.yaml", good.replace("epochs: 2", "epoch: 2")), null));
        assertTrue(e.getMessage().contains("line 10: training.epoch: unknown key") && e.getMessage().contains("epochs"),
                e.getMessage());
        e = assertThrows(BadInputException.class, () -> ExperimentSpec.load(write("range.yaml", good.replace("repeats: 2",
                "repeats: 0")), null));
        assertTrue(e.getMessage().contains("line 11: repeats: 0 is out of range"), e.getMessage());
        e = assertThrows(BadInputException.class, () -> ExperimentSpec.load(write("group.yaml", good.replace(
                "groups: [geometric, none]\n    alternative", "groups: [geometric, nothing]\n    alternative")), null));
        assertTrue(e.getMessage().contains("no condition 'nothing'"), e.getMessage());
        e = assertThrows(BadInputException.class, () -> ExperimentSpec.load(write("data.yaml", good.replace(
                dir.resolve("data").toString(), dir.resolve("nodata").toString())), null));
        assertTrue(e.getMessage().contains("line 3: dataset: no videos/") && e.getMessage().contains("signkit synth"),
                e.getMessage());
        e = assertThrows(BadInputException.class, () -> ExperimentSpec.load(spec, "quick"));
        assertTrue(e.getMessage().contains("no profiles"), e.getMessage());
    }

    /** What must not depend on timing: metrics (not the training time) and per-epoch losses and accuracies. */
    private static String outcomes(List<TrialRecord> records) {
        return records.stream().map(r -> r.trial() + " " + r.seed() + " " + r.configHash() + " " + r.dataSha256() + " "
                + new java.util.TreeMap<>(r.metrics()).headMap("train_seconds") + " "
                + new java.util.TreeMap<>(r.metrics()).tailMap("train_seconds", false) + " " + r.epochs().stream().map(e -> e.epoch() + ":" + e.trainLoss() + "/" + e.testAccuracy()
                        + "/" + e.validationAccuracy()).toList()).collect(Collectors.joining("\n"));
    }

    private static Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
