package org.signkit.augment;

import java.util.Map;
import java.util.SplittableRandom;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.RNG;
import org.bytedeco.opencv.opencv_core.Scalar;

/** Adds Gaussian noise with a standard deviation (8-bit levels) drawn from {@code sigma}; the noise seed is a parameter, so it replays. */
public final class GaussianNoise extends IntensityTransform {

    private final Range sigma;

    public GaussianNoise(Range sigma, double p) {
        super(p);
        this.sigma = sigma;
    }

    static GaussianNoise from(Options o) {
        GaussianNoise t = new GaussianNoise(o.range("sigma", new Range(2, 10), false), o.probability(1));
        o.finish();
        return t;
    }

    @Override
    public String name() {
        return "gaussian_noise";
    }

    @Override
    public Map<String, Double> draw(SplittableRandom rng, int width, int height) {
        // An integer seed that a double holds exactly.
        return Map.of("sigma", sigma.draw(rng), "seed", (double) rng.nextInt(1 << 30));
    }

    @Override
    protected Mat transform(Mat image, Map<String, Double> p) {
        try (Mat noise = new Mat(image.size(), opencv_core.CV_16SC3); RNG rng = new RNG(p.get("seed").longValue());
             Mat mean = new Mat(1, 1, opencv_core.CV_64F, new Scalar(0));
             Mat sd = new Mat(1, 1, opencv_core.CV_64F, new Scalar(p.get("sigma")))) {
            rng._fill(noise, RNG.NORMAL, mean, sd);
            Mat out = new Mat();
            opencv_core.add(image, noise, out, new Mat(), opencv_core.CV_8U);
            return out;
        }
    }
}
