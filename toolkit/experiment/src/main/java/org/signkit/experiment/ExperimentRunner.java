package org.signkit.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.signkit.core.Checksums;
import org.signkit.core.FrameRecord;
import org.signkit.core.Json;
import org.signkit.core.OutputLock;
import org.signkit.core.Provenance;
import org.signkit.train.ClassificationReport;
import org.signkit.train.FrameSet;
import org.signkit.train.ModelCard;
import org.signkit.train.TrainedModel;
import org.signkit.train.Trainer;
import org.signkit.train.TrainingConfig;
import org.signkit.train.TrainingProgress;

/**
 * Runs an experiment's trials (conditions × repeats) into a run folder: {@code spec.json} (the resolved
 * spec), {@code records.jsonl} (one record per finished trial, appended atomically) and
 * {@code trials/<trial>/} (checkpoints and model). A rerun skips trials already recorded as ok with the
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

        /** Per-epoch progress of the running trial. */
        default TrainingProgress training() {
            return new TrainingProgress() { };
        }
    }

    /** Validation frames are extracted at this rate (an evaluation set: the rate only sets its size). */
    public static final String VALIDATION_FPS = "10";

    private final ExperimentSpec spec;
    private final Path runDir;
    private final int workers;
    private final Listener listener;
    private final DerivedData derived;

    public ExperimentRunner(ExperimentSpec spec, Path runDir, int workers, Listener listener) {
        this.spec = spec;
        this.runDir = runDir;
        this.workers = workers;
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

    /** Runs every trial not yet recorded and returns the latest record of each. */
    public List<TrialRecord> run() throws IOException {
        try (OutputLock lock = OutputLock.acquire(runDir, "signkit experiment run " + spec.name() + " (" + spec.profile() + ")")) {
            if (lock.staleNote() != null) {
                listener.note(runDir + ": " + lock.staleNote());
            }
            return runTrials();
        }
    }

    private List<TrialRecord> runTrials() throws IOException {
        org.signkit.core.AtomicFiles.writeString(runDir.resolve("spec.json"), Json.write(spec));
        TrialRecords records = new TrialRecords(runDir.resolve(TrialRecords.FILE_NAME));
        Map<String, TrialRecord> done = new LinkedHashMap<>();
        for (TrialRecord r : records.latest()) {
            done.put(r.trial(), r);
        }
        List<Trial> trials = plan(spec);
        Map<String, FrameSet> data = new LinkedHashMap<>();
        FrameSet validation = null;
        double spent = 0;
        int ran = 0;
        for (int i = 0; i < trials.size(); i++) {
            Trial t = trials.get(i);
            TrialRecord previous = done.get(t.id());
            TrainingConfig config = spec.training().config(t.condition().augmentation(), t.seed());
            if (previous != null && previous.ok() && previous.configHash().equals(config.hash())) {
                continue;
            }
            int remaining = (int) trials.stream().skip(i).filter(x -> !isDone(done.get(x.id()))).count();
            listener.trialStarted(t.id(), i + 1, trials.size(), ran == 0 ? Double.NaN : spent / ran * remaining);
            long t0 = System.nanoTime();
            TrialRecord record;
            try {
                FrameSet frames = data.get(t.condition().name());
                if (frames == null) {
                    frames = frameSet(t.condition());
                    data.put(t.condition().name(), frames);
                }
                if (validation == null && spec.validation() != null) {
                    validation = signs(FrameSet.load(derived.frames(spec.validation(), VALIDATION_FPS, spec.frames(),
                            spec.training().handStreams(), frames.signs())), frames.signs());
                }
                Path out = runDir.resolve("trials").resolve(t.id());
                TrainedModel model = new Trainer(config, workers, listener.training()).train(frames, validation, out);
                record = ok(t, config, frames, model.card(), (System.nanoTime() - t0) / 1e9);
            } catch (IOException | RuntimeException | OutOfMemoryError e) {
                record = new TrialRecord(spec.name(), spec.profile(), t.id(), t.condition().name(), t.repeat(), t.seed(),
                        config.hash(), null, TrialRecord.FAILED, e.getClass().getSimpleName() + ": " + e.getMessage(),
                        Map.of(), List.of(), (System.nanoTime() - t0) / 1e9, Instant.now().toString(), Provenance.current(),
                        Map.of(), Map.of());
            }
            records.append(record);
            done.put(t.id(), record);
            spent += record.seconds();
            ran++;
            listener.trialFinished(record, i + 1, trials.size());
        }
        return trials.stream().map(t -> done.get(t.id())).filter(java.util.Objects::nonNull).toList();
    }

    private static boolean isDone(TrialRecord r) {
        return r != null && r.ok();
    }

    private FrameSet frameSet(ExperimentSpec.Condition c) throws IOException {
        List<String> keep = derived.signs(c.capture(), spec.signs());
        Path frames = derived.frames(c.capture(), c.fps(), spec.frames(), spec.training().handStreams(), keep);
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
                card.provenance(), card.versions(), splits);
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
