package org.signkit.augment;

import org.bytedeco.opencv.opencv_core.Mat;

/** Gamma curve {@code 255 (v/255)^g} with {@code g} drawn from {@code gammas}. */
public final class Gamma extends OneParameterIntensity {

    public Gamma(Range gammas, double p) {
        super("gamma", "gamma", gammas, p);
        if (gammas.lo() <= 0) {
            throw new IllegalArgumentException("gamma must be positive: " + gammas);
        }
    }

    static Gamma from(Options o) {
        Gamma t = new Gamma(o.range("range", new Range(0.7, 1.5), false), o.probability(1));
        o.finish();
        return t;
    }

    @Override
    protected Mat transform(Mat image, double g) {
        return lookup(image, v -> 255 * Math.pow(v / 255.0, g));
    }
}
