package org.signkit.augment;

import java.util.List;

/**
 * What a pipeline did to one sample (the transforms that fired, with their parameters); it can be
 * stored as JSON and replayed with {@link AugmentationPipeline#apply(Sample, AugmentationRecord)}.
 *
 * @param pipeline   the pipeline's name
 * @param sampleSeed the seed the parameters were drawn from
 * @param applied    the transforms that fired, in order
 */
public record AugmentationRecord(String pipeline, long sampleSeed, List<AppliedTransform> applied) {

    public AugmentationRecord {
        applied = List.copyOf(applied);
    }
}
