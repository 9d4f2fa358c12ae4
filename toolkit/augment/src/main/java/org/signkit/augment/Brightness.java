package org.signkit.augment;

import org.bytedeco.opencv.opencv_core.Mat;

/** Multiplies pixel values by a factor drawn from {@code factors} (Keras {@code brightness_range}, PIL's Brightness). */
public final class Brightness extends OneParameterIntensity {

    public Brightness(Range factors, double p) {
        super("brightness", "factor", factors, p);
    }

    static Brightness from(Options o) {
        Brightness t = new Brightness(o.range("range", new Range(0.6, 1.4), false), o.probability(1));
        o.finish();
        return t;
    }

    @Override
    protected Mat transform(Mat image, double f) {
        return lookup(image, v -> v * f);
    }
}
