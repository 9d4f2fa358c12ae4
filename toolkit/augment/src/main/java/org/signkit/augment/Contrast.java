package org.signkit.augment;

import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;

/** Scales the distance from the mean grey level by a factor drawn from {@code factors} (PIL's Contrast). */
public final class Contrast extends OneParameterIntensity {

    public Contrast(Range factors, double p) {
        super("contrast", "factor", factors, p);
    }

    static Contrast from(Options o) {
        Contrast t = new Contrast(o.range("range", new Range(0.7, 1.3), false), o.probability(1));
        o.finish();
        return t;
    }

    @Override
    protected Mat transform(Mat image, double f) {
        double mean;
        try (Mat gray = new Mat()) {
            opencv_imgproc.cvtColor(image, gray, opencv_imgproc.COLOR_BGR2GRAY);
            mean = opencv_core.mean(gray).get(0);
        }
        return lookup(image, v -> mean + f * (v - mean));
    }
}
