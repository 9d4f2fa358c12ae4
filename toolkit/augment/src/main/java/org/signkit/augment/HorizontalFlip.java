package org.signkit.augment;

import java.util.Map;
import java.util.SplittableRandom;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Mirror left-right. <b>Label-altering</b>: a mirrored right-handed signer signs with the left hand,
 * which in many sign languages is a different or ill-formed sign, so it is off in every preset and must
 * be asked for; it swaps the sample's dominant hand and every "right"/"left" in box and keypoint labels.
 */
public final class HorizontalFlip extends GeometricTransform {

    public HorizontalFlip(double p) {
        super(p, FillMode.NEAREST, 0);
    }

    static HorizontalFlip from(Options o) {
        HorizontalFlip t = new HorizontalFlip(o.probability(0.5));
        o.finish();
        return t;
    }

    @Override
    public String name() {
        return "horizontal_flip";
    }

    @Override
    public boolean labelAltering() {
        return true;
    }

    @Override
    public Map<String, Double> draw(SplittableRandom rng, int width, int height) {
        return Map.of();
    }

    @Override
    protected double[] outputToInput(Map<String, Double> p, int width, int height) {
        return new double[] {-1, 0, width - 1, 0, 1, 0, 0, 0, 1};
    }

    /** A mirror needs no interpolation: OpenCV's flip gives the same pixels as the matrix, faster. */
    @Override
    protected Mat resample(Mat src, double[] m, int interpolation, double value) {
        Mat dst = new Mat();
        org.bytedeco.opencv.global.opencv_core.flip(src, dst, 1);
        return dst;
    }

    @Override
    protected String relabel(String label) {
        if (label == null) {
            return null;
        }
        return label.replace("right", "\u0000").replace("left", "right").replace("\u0000", "left");
    }
}
