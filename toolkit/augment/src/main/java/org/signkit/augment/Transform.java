package org.signkit.augment;

import java.util.Map;
import java.util.SplittableRandom;

/**
 * One augmentation: it holds its parameter ranges and its probability, draws concrete parameters for a
 * sample ({@link #draw}), and applies given parameters ({@link #apply}). Drawing and applying are
 * separate so that what was applied can be recorded and replayed exactly.
 */
public interface Transform {

    /** The transform's name in pipelines and records, e.g. {@code rotation}. */
    String name();

    /** Geometric or intensity. */
    Family family();

    /** Probability that it is applied to a sample. */
    double probability();

    /** True when it can change what the sample means (a horizontal flip swaps the signing hand). */
    default boolean labelAltering() {
        return false;
    }

    /** Draws concrete parameters for an image of {@code width x height}. */
    Map<String, Double> draw(SplittableRandom rng, int width, int height);

    /** Applies concrete parameters, returning a new sample (the input is not modified). */
    Sample apply(Sample sample, Map<String, Double> params);
}
