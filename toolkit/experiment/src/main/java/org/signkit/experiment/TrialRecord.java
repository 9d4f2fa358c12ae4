package org.signkit.experiment;

import java.util.List;
import java.util.Map;
import org.signkit.core.Provenance;
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
 */
public record TrialRecord(String experiment, String profile, String trial, String condition, int repeat, long seed,
                          String configHash, String dataSha256, String status, String error, Map<String, Double> metrics,
                          List<EpochRecord> epochs, double seconds, String finishedAt, Provenance provenance,
                          Map<String, String> versions) {

    /** Status of a trial that produced its metrics. */
    public static final String OK = "ok";
    /** Status of a trial that threw. */
    public static final String FAILED = "failed";

    /** True when the trial produced its metrics. */
    public boolean ok() {
        return OK.equals(status);
    }
}
