package org.signkit.experiment;

import java.util.List;
import java.util.Map;
import org.signkit.core.Provenance;
import org.signkit.stats.Bootstrap;
import org.signkit.stats.EffectSizes;
import org.signkit.train.ClassificationReport;
import org.signkit.train.Engine;
import org.signkit.train.EpochRecord;

/**
 * One trial's outcome, a line of {@code records.jsonl}: what ran (config hash, seed, data checksum),
 * what came out (metrics, per-epoch curves), how long it took, and on what (commit, versions, machine).
 *
 * @param experiment   experiment name
 * @param profile      spec profile
 * @param trial        trial id ({@code <condition>-r<repeat>})
 * @param condition    condition name
 * @param repeat       1-based repeat
 * @param seed         the trial's seed
 * @param configHash   hash of the trial's training configuration
 * @param dataSha256   checksum of the training frames
 * @param status       {@code ok} or {@code failed}
 * @param error        the failure, or null
 * @param metrics      metric name to value
 * @param epochs       per-epoch curves
 * @param seconds      wall time of the trial
 * @param finishedAt   ISO-8601 time the record was written
 * @param provenance   toolkit version, commit and dirty flag, Java, OS, cores
 * @param versions     library versions
 * @param splits       per split ({@code test}, {@code validation}): classes, classes predicted, and frame and take
 *                     (vote) accuracy with 95% CIs from a bootstrap over takes; empty for failed trials
 * @param engine       the engine that trained the model (its card's), or null for a failed trial and in records
 *                     written before the engine was a choice
 */
public record TrialRecord(String experiment, String profile, String trial, String condition, int repeat, long seed,
                          String configHash, String dataSha256, String status, String error, Map<String, Double> metrics,
                          List<EpochRecord> epochs, double seconds, String finishedAt, Provenance provenance,
                          Map<String, String> versions, Map<String, SplitScore> splits, Engine engine) {

    /**
     * How one trial did on one split, with the uncertainty of its test items. Frames of a take are not
     * independent, so the intervals come from resampling whole takes ({@link Bootstrap}).
     *
     * @param classes          number of classes
     * @param predictedClasses classes predicted for at least one frame (1: the model answers one class throughout)
     * @param takes            takes scored
     * @param accuracy         frame accuracy with its 95% CI over takes
     * @param takeAccuracy     take (vote) accuracy with its 95% CI over takes
     */
    public record SplitScore(int classes, int predictedClasses, int takes, EffectSizes.Interval accuracy,
                             EffectSizes.Interval takeAccuracy) {

        /** The score of a classification report; {@code seed} drives the bootstrap. */
        public static SplitScore of(ClassificationReport r, long seed) {
            List<ClassificationReport.TakeScore> takes = r.perTake();
            int[] frames = takes.stream().mapToInt(ClassificationReport.TakeScore::frames).toArray();
            int[] correct = takes.stream().mapToInt(ClassificationReport.TakeScore::correct).toArray();
            int[] voted = takes.stream().mapToInt(t -> t.voted() ? 1 : 0).toArray();
            int[] ones = takes.stream().mapToInt(t -> 1).toArray();
            return new SplitScore(r.classes().size(), r.predictedClasses(), takes.size(),
                    Bootstrap.clusteredRatio("accuracy", correct, frames, seed, 0.95),
                    Bootstrap.clusteredRatio("take_accuracy", voted, ones, seed + 1, 0.95));
        }
    }

    /** Status of a trial that produced its metrics. */
    public static final String OK = "ok";
    /** Status of a trial that threw. */
    public static final String FAILED = "failed";

    /** True when the trial produced its metrics. */
    public boolean ok() {
        return OK.equals(status);
    }
}
