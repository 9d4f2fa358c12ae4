package org.signkit.augment;

import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;

/** A pixel-value transform: it changes the image only; masks, boxes and keypoints pass through untouched. */
public abstract class IntensityTransform implements Transform {

    private final double probability;

    protected IntensityTransform(double probability) {
        if (probability < 0 || probability > 1) {
            throw new IllegalArgumentException("p must be in [0, 1]: " + probability);
        }
        this.probability = probability;
    }

    @Override
    public final Family family() {
        return Family.INTENSITY;
    }

    @Override
    public final double probability() {
        return probability;
    }

    /** A new image with these parameters applied to {@code image} (8-bit BGR). */
    protected abstract Mat transform(Mat image, Map<String, Double> params);

    @Override
    public final Sample apply(Sample s, Map<String, Double> params) {
        return s.withImage(transform(s.image(), params));
    }

    /** Applies a value mapping to every channel through a 256-entry lookup table (one pass, no Java pixel loop). */
    static Mat lookup(Mat image, DoubleUnaryOperator f) {
        try (Mat table = new Mat(1, 256, opencv_core.CV_8UC1)) {
            byte[] t = new byte[256];
            for (int v = 0; v < 256; v++) {
                t[v] = (byte) Math.max(0, Math.min(255, Math.round(f.applyAsDouble(v))));
            }
            table.data().put(t);
            Mat out = new Mat();
            opencv_core.LUT(image, table, out);
            return out;
        }
    }
}
