package org.signkit.augment;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Keras' channel shift ({@code channel_shift_range}): one intensity drawn from {@code [-range, range]} is
 * added to every channel, and the result is clipped to the image's own minimum and maximum.
 */
public final class ChannelShift extends OneParameterIntensity {

    public ChannelShift(Range intensity, double p) {
        super("channel_shift", "intensity", intensity, p);
    }

    static ChannelShift from(Options o) {
        ChannelShift t = new ChannelShift(o.range("range", Range.symmetric(30), true), o.probability(1));
        o.finish();
        return t;
    }

    @Override
    protected Mat transform(Mat image, double shift) {
        double lo;
        double hi;
        try (Mat flat = image.reshape(1, 0); DoublePointer min = new DoublePointer(1); DoublePointer max = new DoublePointer(1)) {
            opencv_core.minMaxLoc(flat, min, max, null, null, null);
            lo = min.get();
            hi = max.get();
        }
        return lookup(image, v -> Math.max(lo, Math.min(hi, v + shift)));
    }
}
