package org.signkit.augment;

import java.util.SplittableRandom;

/**
 * A closed interval parameters are drawn from uniformly.
 *
 * @param lo lower bound
 * @param hi upper bound, {@code >= lo}
 */
public record Range(double lo, double hi) {

    public Range {
        if (!(hi >= lo)) {
            throw new IllegalArgumentException("range upper bound " + hi + " is below lower bound " + lo);
        }
    }

    /** The symmetric range {@code [-r, r]} (Keras' {@code rotation_range}, {@code shear_range}, ...). */
    public static Range symmetric(double r) {
        return new Range(-Math.abs(r), Math.abs(r));
    }

    /** A uniform draw. */
    public double draw(SplittableRandom rng) {
        return lo == hi ? lo : lo + (hi - lo) * rng.nextDouble();
    }
}
