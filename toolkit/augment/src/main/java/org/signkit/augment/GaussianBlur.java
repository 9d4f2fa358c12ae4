package org.signkit.augment;

import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/** Gaussian blur with a sigma (pixels) drawn from {@code sigma}; the kernel spans about three sigmas each side. */
public final class GaussianBlur extends OneParameterIntensity {

    public GaussianBlur(Range sigma, double p) {
        super("gaussian_blur", "sigma", sigma, p);
    }

    static GaussianBlur from(Options o) {
        GaussianBlur t = new GaussianBlur(o.range("sigma", new Range(0.5, 1.5), false), o.probability(1));
        o.finish();
        return t;
    }

    @Override
    protected Mat transform(Mat image, double s) {
        int k = 2 * (int) Math.ceil(3 * s) + 1;
        Mat out = new Mat();
        try (Size size = new Size(k, k)) {
            opencv_imgproc.GaussianBlur(image, out, size, s);
        }
        return out;
    }
}
