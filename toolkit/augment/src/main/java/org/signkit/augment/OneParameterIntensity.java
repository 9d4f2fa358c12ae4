package org.signkit.augment;

import java.util.Map;
import java.util.SplittableRandom;
import org.bytedeco.opencv.opencv_core.Mat;

/** An intensity transform driven by one value drawn uniformly from a range (a factor, a gamma, a sigma...). */
abstract class OneParameterIntensity extends IntensityTransform {

    private final String name;
    private final String parameter;
    private final Range range;

    OneParameterIntensity(String name, String parameter, Range range, double p) {
        super(p);
        this.name = name;
        this.parameter = parameter;
        this.range = range;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Map<String, Double> draw(SplittableRandom rng, int width, int height) {
        return Map.of(parameter, range.draw(rng));
    }

    @Override
    protected final Mat transform(Mat image, Map<String, Double> params) {
        return transform(image, params.get(parameter));
    }

    /** Applies the drawn value. */
    protected abstract Mat transform(Mat image, double value);
}
