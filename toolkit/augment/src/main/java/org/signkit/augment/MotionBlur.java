package org.signkit.augment;

import java.util.Map;
import java.util.SplittableRandom;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;

/** Motion blur: a line kernel of a length (pixels) drawn from {@code length} at a random angle. */
public final class MotionBlur extends IntensityTransform {

    private final Range length;

    public MotionBlur(Range length, double p) {
        super(p);
        if (length.lo() < 1) {
            throw new IllegalArgumentException("motion_blur.length must be >= 1: " + length);
        }
        this.length = length;
    }

    static MotionBlur from(Options o) {
        MotionBlur t = new MotionBlur(o.range("length", new Range(3, 9), false), o.probability(1));
        o.finish();
        return t;
    }

    @Override
    public String name() {
        return "motion_blur";
    }

    @Override
    public Map<String, Double> draw(SplittableRandom rng, int width, int height) {
        return Map.of("length", (double) Math.round(length.draw(rng)), "degrees", 180 * rng.nextDouble());
    }

    @Override
    protected Mat transform(Mat image, Map<String, Double> p) {
        int len = Math.max(1, p.get("length").intValue());
        int k = len % 2 == 1 ? len : len + 1;
        double a = Math.toRadians(p.get("degrees"));
        double c = (k - 1) / 2.0;
        double dx = Math.cos(a) * (len - 1) / 2.0;
        double dy = Math.sin(a) * (len - 1) / 2.0;
        try (Mat kernel = new Mat(k, k, opencv_core.CV_32F, new Scalar(0));
             Point p0 = new Point((int) Math.round(c - dx), (int) Math.round(c - dy));
             Point p1 = new Point((int) Math.round(c + dx), (int) Math.round(c + dy));
             Scalar one = new Scalar(1)) {
            opencv_imgproc.line(kernel, p0, p1, one, 1, opencv_imgproc.LINE_8, 0);
            double sum = opencv_core.sumElems(kernel).get(0);
            kernel.convertTo(kernel, -1, 1 / sum, 0);
            Mat out = new Mat();
            opencv_imgproc.filter2D(image, out, -1, kernel);
            return out;
        }
    }
}
