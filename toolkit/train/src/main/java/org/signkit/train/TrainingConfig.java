package org.signkit.train;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.signkit.core.SignerHoldout;
import org.signkit.core.SplitStrategy;
import java.util.List;
import org.signkit.core.Checksums;
import org.signkit.core.Json;

/**
 * Everything that decides a training run's result (thread counts do not).
 *
 * @param model         network and input size
 * @param epochs        maximum number of passes over the training split
 * @param batchSize     frames per step
 * @param learningRate  Adam's initial learning rate
 * @param schedule      learning-rate schedule: {@code constant}, {@code step} (halved every {@code max(1, epochs/4)}
 *                      epochs) or {@code exponential} (times 0.9 per epoch)
 * @param patience      early stopping: stop after this many epochs without a lower monitor loss and keep the best
 *                      epoch's weights; 0 trains every epoch and keeps the last
 * @param monitorFraction share of the training groups held out to monitor early stopping (used when patience > 0)
 * @param split         what the train/test split keeps together
 * @param testFraction  share of groups in the test split
 * @param augmentation  augmentation preset ({@code none}, {@code geometric}, {@code intensity}, …) or pipeline file
 * @param seed          initialisation, split, data order, augmentation and dropout all derive from it
 * @param topK          k of the top-k accuracy reported
 * @param holdout       a signer split chosen by hand (with {@code split} signer; the test fraction then unused), or
 *                      null for the seeded split (left out of the configuration's JSON, so its hash is unchanged)
 */
public record TrainingConfig(ModelSpec model, int epochs, int batchSize, double learningRate, String schedule,
                             int patience, double monitorFraction, SplitStrategy split, double testFraction,
                             String augmentation, long seed, int topK,
                             @JsonInclude(JsonInclude.Include.NON_NULL) SignerHoldout holdout) {

    /** The schedules {@link #schedule} accepts. */
    public static final List<String> SCHEDULES = List.of("constant", "step", "exponential");

    public TrainingConfig {
        if (epochs < 1 || batchSize < 1) {
            throw new IllegalArgumentException("epochs and batch size must be at least 1");
        }
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("learning rate must be > 0, got " + learningRate);
        }
        if (!SCHEDULES.contains(schedule)) {
            throw new IllegalArgumentException("unknown schedule '" + schedule + "'; choose one of " + SCHEDULES);
        }
        if (patience < 0 || !(monitorFraction > 0 && monitorFraction < 1) || topK < 1) {
            throw new IllegalArgumentException("patience must be >= 0, monitor fraction in (0, 1), top-k >= 1");
        }
        if (holdout != null && split != SplitStrategy.SIGNER) {
            throw new IllegalArgumentException("held-out signers need the signer split, not " + split.id());
        }
    }

    /** A configuration with the seeded split. */
    public TrainingConfig(ModelSpec model, int epochs, int batchSize, double learningRate, String schedule, int patience,
                          double monitorFraction, SplitStrategy split, double testFraction, String augmentation, long seed,
                          int topK) {
        this(model, epochs, batchSize, learningRate, schedule, patience, monitorFraction, split, testFraction,
                augmentation, seed, topK, null);
    }

    /** Defaults: Adam 1e-3 constant, batch 16, take-level 80/20 split, no augmentation, top-3. */
    public static TrainingConfig defaults(ModelSpec model, int epochs, long seed) {
        return new TrainingConfig(model, epochs, 16, 1e-3, "constant", 0, 0.1, SplitStrategy.TAKE, 0.2, "none", seed, 3);
    }

    /** A short hash of this configuration: checkpoints of another configuration are not resumed. */
    public String hash() {
        return Checksums.sha256(Json.write(this)).substring(0, 16);
    }

    /** This configuration with another seed. */
    public TrainingConfig withSeed(long newSeed) {
        return new TrainingConfig(model, epochs, batchSize, learningRate, schedule, patience, monitorFraction, split,
                testFraction, augmentation, newSeed, topK, holdout);
    }
}
