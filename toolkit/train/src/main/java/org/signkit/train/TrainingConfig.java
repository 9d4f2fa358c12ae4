package org.signkit.train;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.nd4j.linalg.learning.config.IUpdater;
import org.signkit.core.Checksums;
import org.signkit.core.Json;
import org.signkit.core.SignerHoldout;
import org.signkit.core.SplitStrategy;

/**
 * Everything signkit lets decide a training run's result: the one training configuration of {@code signkit train},
 * a spec's {@code training:} block and a notebook, with one set of {@link #DEFAULTS}. The frame-decoding threads do
 * not change the result. The native ops' thread count ({@code OMP_NUM_THREADS}) and the CPU's vector units do: they
 * change the rounding of the sums, and a short training run amplifies it. The same configuration of the quick profile
 * ended at 0.69 test accuracy on one op thread and at 0.86 on two (docs/BENCHMARKS.md, session 17). So the records
 * repeat exactly only on the same machine and op threads.
 *
 * @param model         network and input size
 * @param epochs        maximum number of passes over the training split
 * @param batchSize     frames per step
 * @param learningRate  Adam's initial learning rate
 * @param schedule      learning-rate schedule
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
 * @param engine        which engine trains ({@link TrainingEngines#choose}); {@link Engine#AUTO}, the default, is left
 *                      out of the JSON, so the hash of a configuration written before the choice existed is unchanged
 */
public record TrainingConfig(ModelSpec model, int epochs, int batchSize, double learningRate,
                             LearningRateSchedule schedule, int patience, double monitorFraction, SplitStrategy split,
                             double testFraction, String augmentation, long seed, int topK,
                             @JsonInclude(JsonInclude.Include.NON_NULL) SignerHoldout holdout,
                             @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = AutoEngine.class)
                             Engine engine) {

    /**
     * The defaults of every way to configure training: EfficientNet-B0 at 224 px (the study's), 10 epochs, Adam 1e-3
     * constant, batch 16, a take-level 80/20 split (a frame split leaks near-duplicate frames), no augmentation,
     * seed 1, top-3, the automatic engine.
     */
    public static final TrainingConfig DEFAULTS = new TrainingConfig(ModelSpec.efficientNetB0(224), 10, 16, 1e-3,
            LearningRateSchedule.CONSTANT, 0, 0.1, SplitStrategy.TAKE, 0.2, "none", 1, 3, null, Engine.AUTO);

    public TrainingConfig {
        engine = engine == null ? Engine.AUTO : engine;
        if (model == null || schedule == null || split == null || augmentation == null) {
            throw new IllegalArgumentException("model, schedule, split and augmentation must be given");
        }
        if (epochs < 1 || batchSize < 1) {
            throw new IllegalArgumentException("epochs and batch size must be at least 1");
        }
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("learning rate must be > 0, got " + learningRate);
        }
        if (patience < 0 || !(monitorFraction > 0 && monitorFraction < 1) || topK < 1) {
            throw new IllegalArgumentException("patience must be >= 0, monitor fraction in (0, 1), top-k >= 1");
        }
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("test share must be in (0, 1), got " + testFraction);
        }
        if (holdout != null && split != SplitStrategy.SIGNER) {
            throw new IllegalArgumentException("held-out signers need the signer split, not " + split.id());
        }
    }

    /** A short hash of this configuration: checkpoints of another configuration are not resumed. */
    public String hash() {
        return Checksums.sha256(Json.write(this)).substring(0, 16);
    }

    /** Adam on this configuration's schedule. */
    public IUpdater updater() {
        return schedule.adam(learningRate, epochs);
    }

    /** This configuration with another network. */
    public TrainingConfig withModel(ModelSpec m) {
        return new TrainingConfig(m, epochs, batchSize, learningRate, schedule, patience, monitorFraction, split,
                testFraction, augmentation, seed, topK, holdout, engine);
    }

    /** This configuration with other optimisation settings. */
    public TrainingConfig withOptimisation(int newEpochs, int newBatchSize, double newLearningRate,
                                           LearningRateSchedule newSchedule, int newPatience) {
        return new TrainingConfig(model, newEpochs, newBatchSize, newLearningRate, newSchedule, newPatience,
                monitorFraction, split, testFraction, augmentation, seed, topK, holdout, engine);
    }

    /** This configuration with another split ({@code newHoldout} null for the seeded split). */
    public TrainingConfig withSplit(SplitStrategy newSplit, double newTestFraction, SignerHoldout newHoldout) {
        return new TrainingConfig(model, epochs, batchSize, learningRate, schedule, patience, monitorFraction, newSplit,
                newTestFraction, augmentation, seed, topK, newHoldout, engine);
    }

    /** This configuration with another augmentation. */
    public TrainingConfig withAugmentation(String newAugmentation) {
        return new TrainingConfig(model, epochs, batchSize, learningRate, schedule, patience, monitorFraction, split,
                testFraction, newAugmentation, seed, topK, holdout, engine);
    }

    /** This configuration with another seed. */
    public TrainingConfig withSeed(long newSeed) {
        return new TrainingConfig(model, epochs, batchSize, learningRate, schedule, patience, monitorFraction, split,
                testFraction, augmentation, newSeed, topK, holdout, engine);
    }

    /** This configuration with another top-k and engine. */
    public TrainingConfig withReporting(int newTopK, Engine newEngine) {
        return new TrainingConfig(model, epochs, batchSize, learningRate, schedule, patience, monitorFraction, split,
                testFraction, augmentation, seed, newTopK, holdout, newEngine);
    }

    /** Jackson's filter that leaves {@link Engine#AUTO} out of the JSON (it excludes values it equals). */
    private static final class AutoEngine {
        @Override
        public boolean equals(Object value) {
            return value == null || value == Engine.AUTO;
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }
}
