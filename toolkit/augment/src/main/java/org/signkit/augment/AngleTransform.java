package org.signkit.augment;

import java.util.Map;
import java.util.SplittableRandom;

/**
 * A geometric transform about the image centre by one angle drawn from a range of degrees, built as
 * Keras' {@code apply_affine_transform} builds it: a (row, col) matrix centred on the image.
 */
abstract class AngleTransform extends GeometricTransform {

    private final String name;
    private final Range degrees;

    AngleTransform(String name, Range degrees, double p, FillMode fill, double cval) {
        super(p, fill, cval);
        this.name = name;
        this.degrees = degrees;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Map<String, Double> draw(SplittableRandom rng, int width, int height) {
        return Map.of("degrees", degrees.draw(rng));
    }

    @Override
    protected final double[] outputToInput(Map<String, Double> p, int width, int height) {
        return Matrix3.kerasCentred(rowColMatrix(Math.toRadians(p.get("degrees"))), width, height);
    }

    /** The (row, col) matrix for the angle, before centring. */
    protected abstract double[] rowColMatrix(double radians);
}
