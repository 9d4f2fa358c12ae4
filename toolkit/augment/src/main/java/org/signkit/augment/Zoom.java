package org.signkit.augment;

import java.util.Map;
import java.util.SplittableRandom;

/**
 * Zoom about the centre with factors drawn independently per axis from {@code factors} (Keras
 * {@code zoom_range}: a factor above 1 samples a larger input area, so the content shrinks).
 */
public final class Zoom extends GeometricTransform {

    private final Range factors;

    public Zoom(Range factors, double p, FillMode fill, double cval) {
        super(p, fill, cval);
        if (factors.lo() <= 0) {
            throw new IllegalArgumentException("zoom factors must be positive: " + factors);
        }
        this.factors = factors;
    }

    static Zoom from(Options o, FillMode fill, double cval) {
        Zoom t = new Zoom(o.range("range", new Range(0.85, 1.15), false), o.probability(1), fill, cval);
        o.finish();
        return t;
    }

    @Override
    public String name() {
        return "zoom";
    }

    @Override
    public Map<String, Double> draw(SplittableRandom rng, int width, int height) {
        double zRow = factors.draw(rng);
        double zCol = factors.draw(rng);
        return Map.of("zoom_rows", zRow, "zoom_cols", zCol);
    }

    @Override
    protected double[] outputToInput(Map<String, Double> p, int width, int height) {
        return Matrix3.kerasCentred(new double[] {p.get("zoom_rows"), 0, 0, 0, p.get("zoom_cols"), 0, 0, 0, 1},
                width, height);
    }
}
