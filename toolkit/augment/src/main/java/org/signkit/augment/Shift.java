package org.signkit.augment;

import java.util.Map;
import java.util.SplittableRandom;

/**
 * Shift along one axis by a fraction of that side drawn from {@code fraction} (Keras
 * {@code width_shift_range} / {@code height_shift_range}).
 */
public final class Shift extends GeometricTransform {

    /** The axis shifted. */
    public enum Axis { WIDTH, HEIGHT }

    private final Axis axis;
    private final Range fraction;

    public Shift(Axis axis, Range fraction, double p, FillMode fill, double cval) {
        super(p, fill, cval);
        this.axis = axis;
        this.fraction = fraction;
    }

    static Shift from(Axis axis, Options o, FillMode fill, double cval) {
        Shift t = new Shift(axis, o.range("range", Range.symmetric(0.1), true), o.probability(1), fill, cval);
        o.finish();
        return t;
    }

    @Override
    public String name() {
        return axis == Axis.WIDTH ? "width_shift" : "height_shift";
    }

    @Override
    public Map<String, Double> draw(SplittableRandom rng, int width, int height) {
        return Map.of("pixels", fraction.draw(rng) * (axis == Axis.WIDTH ? width : height));
    }

    @Override
    protected double[] outputToInput(Map<String, Double> p, int width, int height) {
        double d = p.get("pixels");
        return axis == Axis.WIDTH ? new double[] {1, 0, d, 0, 1, 0, 0, 0, 1} : new double[] {1, 0, 0, 0, 1, d, 0, 0, 1};
    }
}
