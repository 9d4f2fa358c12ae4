package org.signkit.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.signkit.core.Checksums;
import org.signkit.core.FrameRecord;
import org.signkit.core.Json;
import org.signkit.core.OutputLock;
import org.signkit.core.Provenance;
import org.signkit.core.WaitingFileLock;
import org.signkit.train.ClassificationReport;
import org.signkit.train.FrameSet;
import org.signkit.train.ModelCard;
import org.signkit.train.TrainedModel;
import org.signkit.train.Trainer;
import org.signkit.train.TrainingConfig;
import org.signkit.train.TrainingProgress;

/**
 * Runs an experiment's trials (conditions × repeats) into a run folder: {@code spec.json} (the resolved
 * spec), {@code plan.json} (the numbered trials, {@link TrialPlan}), {@code records/<index>.json} (each trial's
 * record, written atomically), {@code records.jsonl} (every record in the order they finished, appended atomically)
 * and {@code trials/<trial>/} (checkpoints and model). One machine runs them all ({@link #run()}); a cluster task
 * runs one ({@link #runTrial(int)}) and {@link #aggregate(Path)} collects them — the same code path. A rerun skips trials already recorded as ok with the
 * same configuration, resumes a trial killed midway from its last epoch checkpoint, and retries failed
 * ones; a trial that throws is recorded as failed and the others go on.
 */
public final class ExperimentRunner {

    /** What a run reports as it goes. */
    public interface Listener {
        /** A trial starts ({@code index} 1-based of {@code total}); {@code etaSeconds} is NaN until one finished. */
        default void trialStarted(String trial, int index, int total, double etaSeconds) {
        }

        /** A trial finished (ok or failed). */
        default void trialFinished(TrialRecord record, int index, int total) {
        }

        /** Something to tell the user. */
        default void note(String message) {
        }

        /** Per-epoch progress of trial {@code trial}, which trains with {@code config}. */
        default TrainingProgress training(String trial, TrainingConfig config) {
            return new TrainingProgress() { };
        }
    }

    /** Validation frames are extracted at this rate (an evaluation set: the rate only sets its size). */
    public static final String VALIDATION_FPS = "10";

    private final ExperimentSpec spec;
    private final Path runDir;
    private final int workers;
    private final int parallelTrials;
    private final Listener listener;
    private final DerivedData derived;
    /** Frames per condition and the validation frames, loaded once per process. */
    private final Map<String, FrameSet> data = new LinkedHashMap<>();
    private final Map<String, FrameSet> validation = new HashMap<>();

    /** One trial at a time, {@code workers} frame-decoding threads each. */
    public ExperimentRunner(ExperimentSpec spec, Path runDir, int workers, Listener listener) {
        this(spec, runDir, workers, 1, listener);
    }

    /**
     * @param workers        frame-decoding threads per trial
     * @param parallelTrials trials {@link #run()} trains at once in this process (each on its own thread; a trial's
     *                       result does not depend on what runs beside it)
     */
    public ExperimentRunner(ExperimentSpec spec, Path runDir, int workers, int parallelTrials, Listener listener) {
        if (parallelTrials < 1) {
            throw new IllegalArgumentException("parallel trials must be at least 1: " + parallelTrials);
        }
        this.spec = spec;
        this.runDir = runDir;
        this.workers = workers;
        this.parallelTrials = parallelTrials;
        this.listener = listener;
        this.derived = new DerivedData(spec.dataset(), listener::note);
    }

    /** A planned trial. */
    public record Trial(String id, ExperimentSpec.Condition condition, int repeat, long seed) {
    }

    /** The trials of a spec, in run order (repeat-major, so an interrupted run has every condition). */
    public static List<Trial> plan(ExperimentSpec spec) {
        List<Trial> trials = new ArrayList<>();
        for (int r = 1; r <= spec.repeats(); r++) {
            for (ExperimentSpec.Condition c : spec.conditions()) {
                trials.add(new Trial(c.name() + "-r" + r, c, r, seed(spec.seed(), r)));
            }
        }
        return trials;
    }

    /**
     * A trial's seed: from the base seed and the repeat, never from the run order, and the same in every
     * condition. A repeat is then a block (same initialisation, split and data order in each condition), which
     * lets the analysis pair the conditions' trials.
     */
    public static long seed(long base, int repeat) {
        String h = Checksums.sha256(base + "/repeat/" + repeat);
        return Long.parseLong(h.substring(0, 12), 16);
    }

    /**
     * Runs every trial not yet recorded and returns the latest record of each: the plan, each trial as
     * {@link #runTrial(int)} runs it (a cluster task runs the same), then {@link #aggregate(Path)}. With several
     * parallel trials they start in plan order on a pool of that many threads.
     */
    public List<TrialRecord> run() throws IOException {
        return run(null, 0);
    }

    /**
     * {@link #run()}, with each trial taking one of {@code slots} (shared with other experiments of this process) before it
     * starts, in the overall order {@code order + plan index}; null: no slots beyond this runner's own threads.
     */
    List<TrialRecord> run(TrialSlots slots, long order) throws IOException {
        try (OutputLock lock = OutputLock.acquire(runDir, "signkit experiment run " + spec.name() + " (" + spec.profile() + ")")) {
            if (lock.staleNote() != null) {
                listener.note(runDir + ": " + lock.staleNote());
            }
            TrialPlan plan = freeze();
            adoptLoggedRecords(plan);
            List<TrialPlan.PlannedTrial> pending = plan.trials().stream().filter(t -> recorded(t) == null).toList();
            Progress progress = new Progress(pending.size());
            java.util.concurrent.ExecutorService pool = org.signkit.core.Parallel.daemonPool(
                    Math.min(parallelTrials, pending.size()), "signkit-trial");
            try {
                // A trial that throws (not one that fails: that is recorded) stops the run: no further trial starts.
                java.util.concurrent.atomic.AtomicBoolean stopped = new java.util.concurrent.atomic.AtomicBoolean();
                List<java.util.concurrent.Future<?>> running = new ArrayList<>();
                for (TrialPlan.PlannedTrial t : pending) {
                    running.add(pool.submit(() -> {
                        if (stopped.get()) {
                            return null;
                        }
                        if (slots != null) {
                            slots.acquire(order + t.index());
                        }
                        try {
                            listener.trialStarted(t.trial(), t.index() + 1, plan.trials().size(), progress.eta());
                            TrialRecord record = runPlanned(t, true);
                            progress.finished(record.seconds());
                            listener.trialFinished(record, t.index() + 1, plan.trials().size());
                            return null;
                        } catch (IOException | RuntimeException | Error e) {
                            stopped.set(true);
                            throw e;
                        } finally {
                            if (slots != null) {
                                slots.release();
                            }
                        }
                    }));
                }
                for (java.util.concurrent.Future<?> f : running) {
                    org.signkit.core.Parallel.await(f, "a trial");
                }
            } finally {
                pool.shutdownNow();
            }
            return aggregate(runDir).records();
        }
    }

    /** The time left of a run, from the trials finished so far and the trials that run at once. */
    private final class Progress {
        private int left;
        private int ran;
        private double spent;

        Progress(int pending) {
            this.left = pending;
        }

        synchronized void finished(double seconds) {
            spent += seconds;
            ran++;
        }

        /** Called as a trial starts: the seconds to go, NaN until one finished. */
        synchronized double eta() {
            double eta = ran == 0 ? Double.NaN : spent / ran * left / Math.min(parallelTrials, left);
            left--;
            return eta;
        }
    }

    /** Writes {@code spec.json} and {@code plan.json} (the plan of this spec) into the run folder. */
    public TrialPlan freeze() throws IOException {
        org.signkit.core.AtomicFiles.writeString(runDir.resolve("spec.json"), Json.write(spec));
        TrialPlan plan = TrialPlan.of(spec);
        plan.write(runDir);
        return plan;
    }

    /**
     * Runs trial {@code index} of the frozen plan, as one cluster task does: nothing when its record exists (ok, same
     * configuration); otherwise the derived data it needs (built under a lock, since tasks share the cache), the
     * training (resuming from its last checkpoint), and its record, written atomically to {@code records/<index>.json}.
     * A second task on the same index waits for the first and then finds its record.
     */
    public TrialRecord runTrial(int index) throws IOException {
        TrialPlan.PlannedTrial t = TrialPlan.read(runDir).trial(index);
        Files.createDirectories(recordsDir());
        try (WaitingFileLock held = WaitingFileLock.acquire(recordsDir().resolve(index + ".lock"))) {
            TrialRecord done = recorded(t);
            if (done != null) {
                listener.note("trial " + index + " (" + t.trial() + ") is already recorded");
                return done;
            }
            return runPlanned(t, false);
        }
    }

    /**
     * Collects the records of a run folder's plan ({@code records/<index>.json}) into {@code records.jsonl} (adding
     * those it does not hold yet) and says which trials are missing or failed.
     */
    public static Aggregate aggregate(Path run) throws IOException {
        TrialPlan plan = TrialPlan.read(run);
        TrialRecords log = new TrialRecords(run.resolve(TrialRecords.FILE_NAME));
        java.util.Set<String> logged = new java.util.HashSet<>();
        for (TrialRecord r : log.read()) {
            logged.add(r.trial() + "@" + r.finishedAt());
        }
        List<TrialRecord> records = new ArrayList<>();
        List<Integer> missing = new ArrayList<>();
        List<Integer> failed = new ArrayList<>();
        for (TrialPlan.PlannedTrial t : plan.trials()) {
            Path f = run.resolve("records").resolve(t.index() + ".json");
            if (!Files.isRegularFile(f)) {
                missing.add(t.index());
                continue;
            }
            TrialRecord r = Json.read(f, TrialRecord.class);
            if (!logged.contains(r.trial() + "@" + r.finishedAt())) {
                log.append(r);
            }
            records.add(r);
            if (!r.ok()) {
                failed.add(t.index());
            }
        }
        return new Aggregate(plan, records, missing, failed);
    }

    /**
     * What {@link #aggregate(Path)} found.
     *
     * @param plan    the run's plan
     * @param records the record of each trial that has one, in plan order
     * @param missing indices without a record
     * @param failed  indices whose record is a failure
     */
    public record Aggregate(TrialPlan plan, List<TrialRecord> records, List<Integer> missing, List<Integer> failed) {
    }

    private Path recordsDir() {
        return runDir.resolve("records");
    }

    /** The trial's ok record with its planned configuration, or null. */
    private TrialRecord recorded(TrialPlan.PlannedTrial t) {
        Path f = recordsDir().resolve(t.index() + ".json");
        if (!Files.isRegularFile(f)) {
            return null;
        }
        try {
            TrialRecord r = Json.read(f, TrialRecord.class);
            return r.ok() && r.configHash().equals(t.configHash()) ? r : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Records from {@code records.jsonl} (runs before numbered records) count: an ok one with the planned configuration. */
    private void adoptLoggedRecords(TrialPlan plan) throws IOException {
        Map<String, TrialRecord> latest = new LinkedHashMap<>();
        for (TrialRecord r : new TrialRecords(runDir.resolve(TrialRecords.FILE_NAME)).latest()) {
            latest.put(r.trial(), r);
        }
        for (TrialPlan.PlannedTrial t : plan.trials()) {
            TrialRecord r = latest.get(t.trial());
            if (recorded(t) == null && r != null && r.ok() && r.configHash().equals(t.configHash())) {
                Files.createDirectories(recordsDir());
                Json.write(recordsDir().resolve(t.index() + ".json"), r);
            }
        }
    }

    /** Trains one planned trial and writes its record (and, on one machine, appends it to records.jsonl). */
    private TrialRecord runPlanned(TrialPlan.PlannedTrial p, boolean log) throws IOException {
        Trial t = plan(spec).get(p.index());
        TrainingConfig config = spec.trialConfig(t.condition(), t.seed());
        long t0 = System.nanoTime();
        TrialRecord record;
        try {
            FrameSet frames = frameSetOf(t.condition());
            boolean keypoints = spec.training(t.condition()).model().keypoints();
            FrameSet external = validationOf(t.condition(), frames, keypoints);
            Path out = runDir.resolve("trials").resolve(t.id());
            TrainedModel model = new Trainer(config, workers, listener.training(t.id(), config)).train(frames, external, out);
            record = ok(t, config, frames, model.card(), (System.nanoTime() - t0) / 1e9);
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            record = new TrialRecord(spec.name(), spec.profile(), t.id(), t.condition().name(), t.repeat(), t.seed(),
                    config.hash(), null, TrialRecord.FAILED, e.getClass().getSimpleName() + ": " + e.getMessage(),
                    Map.of(), List.of(), (System.nanoTime() - t0) / 1e9, Instant.now().toString(), Provenance.current(),
                    Map.of(), Map.of(), null);
        }
        Files.createDirectories(recordsDir());
        Json.write(recordsDir().resolve(p.index() + ".json"), record);
        if (log) {
            // Parallel trials append to the same log, which each append rewrites.
            synchronized (this) {
                new TrialRecords(runDir.resolve(TrialRecords.FILE_NAME)).append(record);
            }
        }
        return record;
    }

    /**
     * The condition's frames, loaded once per process. The derived data is shared by every task on the cluster and
     * every trial of this process: built by one, under the cache's lock (the parallel trials of this process wait
     * here, so that one builds it).
     */
    private FrameSet frameSetOf(ExperimentSpec.Condition c) throws IOException {
        synchronized (data) {
            FrameSet frames = data.get(c.name());
            if (frames == null) {
                try (WaitingFileLock lock = WaitingFileLock.acquire(spec.dataset().resolve("derived/.lock"))) {
                    frames = frameSet(c);
                }
                data.put(c.name(), frames);
            }
            return frames;
        }
    }

    /** The validation frames the condition's model reads (frame, hand-stream and keypoint models differ), or null. */
    private FrameSet validationOf(ExperimentSpec.Condition c, FrameSet frames, boolean keypoints) throws IOException {
        if (spec.validation() == null) {
            return null;
        }
        boolean needsHands = spec.needsHands(c);
        String kind = needsHands + "/" + keypoints;
        synchronized (validation) {
            if (!validation.containsKey(kind)) {
                try (WaitingFileLock lock = WaitingFileLock.acquire(spec.dataset().resolve("derived/.lock"))) {
                    Path v = derived.frames(spec.validation(), VALIDATION_FPS, spec.frames(), needsHands, frames.signs());
                    if (keypoints) {
                        derived.poses(v, spec.validation());
                    }
                    validation.put(kind, signs(FrameSet.load(v), frames.signs()));
                }
            }
            return validation.get(kind);
        }
    }

    private FrameSet frameSet(ExperimentSpec.Condition c) throws IOException {
        List<String> keep = derived.signs(c.capture(), spec.signs());
        Path frames = derived.frames(c.capture(), c.fps(), spec.frames(), spec.needsHands(c), keep);
        if (spec.training(c).model().keypoints()) {
            derived.poses(frames, c.capture());
        }
        FrameSet all = FrameSet.load(frames);
        if (c.background()) {
            all = FrameSet.load(derived.background(frames, c.capture(), spec.background()));
        }
        return signs(all, keep);
    }

    /** The frames of the given signs only, with a checksum that says so. */
    private static FrameSet signs(FrameSet set, List<String> keep) {
        if (new TreeSet<>(keep).equals(new TreeSet<>(set.signs()))) {
            return set;
        }
        List<FrameRecord> rows = set.framesOf(keep).rows();
        return new FrameSet(set.manifest(), Checksums.sha256(set.sha256() + "/signs=" + keep), rows);
    }

    private TrialRecord ok(Trial t, TrainingConfig config, FrameSet frames, ModelCard card, double seconds) {
        Map<String, Double> m = new LinkedHashMap<>();
        put(m, "test", card.test());
        put(m, "validation", card.validation());
        m.put("train_seconds", card.epochs().stream().mapToDouble(e -> e.seconds()).sum());
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (String name : ExperimentSpec.METRICS) {
            if (m.containsKey(name)) {
                metrics.put(name, m.get(name));
            }
        }
        Map<String, TrialRecord.SplitScore> splits = new LinkedHashMap<>();
        if (card.test() != null) {
            splits.put("test", TrialRecord.SplitScore.of(card.test(), t.seed()));
        }
        if (card.validation() != null) {
            splits.put("validation", TrialRecord.SplitScore.of(card.validation(), t.seed()));
        }
        return new TrialRecord(spec.name(), spec.profile(), t.id(), t.condition().name(), t.repeat(), t.seed(), config.hash(),
                frames.sha256(), TrialRecord.OK, null, metrics, card.epochs(), seconds, Instant.now().toString(),
                card.provenance(), card.versions(), splits, card.engine());
    }

    private static void put(Map<String, Double> m, String split, ClassificationReport r) {
        if (r == null) {
            return;
        }
        m.put(split + "_accuracy", r.accuracy());
        m.put(split + "_macro_f1", r.macroF1());
        m.put(split + "_take_accuracy", r.takeAccuracy());
    }
}
