package org.signkit.train;

import java.util.List;
import java.util.Map;
import org.signkit.core.Provenance;

/**
 * The JSON sidecar of a model zip ({@code model.json} beside {@code model.zip}): everything needed to use
 * the model correctly and to reproduce it.
 *
 * @param format        {@value #FORMAT}
 * @param architecture  the network's name
 * @param classes       class names, in output order
 * @param inputHeight   input height the model expects
 * @param inputWidth    input width the model expects
 * @param normalization how pixels become inputs
 * @param training      the training configuration
 * @param data          the frame set trained on and its split
 * @param epochs        per-epoch history
 * @param keptEpoch     the epoch whose weights this model has
 * @param test          metrics on the test split
 * @param validation    metrics on the external validation set, or null
 * @param provenance    toolkit version, git commit, runtime, machine
 * @param versions      library versions (DL4J, ND4J backend)
 * @param trainableParameters trainable parameter count
 * @param engine        the engine that trained it ({@link TrainingEngines#choose}); null in cards written before
 *                      the engine was a choice (their {@code versions} say {@code training-path})
 */
public record ModelCard(String format, String architecture, List<String> classes, int inputHeight, int inputWidth,
                        Normalization normalization, TrainingConfig training, DataSummary data, List<EpochRecord> epochs,
                        int keptEpoch, ClassificationReport test, ClassificationReport validation, Provenance provenance,
                        Map<String, String> versions, long trainableParameters, Engine engine) {

    /** The sidecar's format tag. */
    public static final String FORMAT = "signkit-model/1";

    /**
     * Which frames a model saw.
     *
     * @param manifest       the training frame set's manifest path
     * @param manifestSha256 its checksum
     * @param split          split strategy
     * @param trainFrames    frames in the training split (monitor split excluded)
     * @param monitorFrames  frames held out for early stopping
     * @param testFrames     frames in the test split
     * @param validationManifest external validation manifest, or null
     * @param validationSha256   its checksum, or null
     * @param warnings       the split's warnings
     */
    public record DataSummary(String manifest, String manifestSha256, String split, int trainFrames, int monitorFrames,
                              int testFrames, String validationManifest, String validationSha256, List<String> warnings) {
    }
}
