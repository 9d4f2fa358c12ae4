package org.signkit.augment;

import java.util.Map;
import java.util.SplittableRandom;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Scales saturation by a factor from {@code saturation} and rotates hue by degrees from {@code hue}
 * (in HSV, one lookup table per channel).
 */
public final class SaturationHue extends IntensityTransform {

    private final Range saturation;
    private final Range hue;

    public SaturationHue(Range saturation, Range hue, double p) {
        super(p);
        this.saturation = saturation;
        this.hue = hue;
    }

    static SaturationHue from(Options o) {
        SaturationHue t = new SaturationHue(o.range("saturation", new Range(0.7, 1.3), false),
                o.range("hue", Range.symmetric(10), true), o.probability(1));
        o.finish();
        return t;
    }

    @Override
    public String name() {
        return "saturation_hue";
    }

    @Override
    public Map<String, Double> draw(SplittableRandom rng, int width, int height) {
        return Map.of("saturation", saturation.draw(rng), "hue_degrees", hue.draw(rng));
    }

    @Override
    protected Mat transform(Mat image, Map<String, Double> p) {
        double s = p.get("saturation");
        // OpenCV's 8-bit hue runs 0..179 (2 degrees per step).
        long h = Math.round(p.get("hue_degrees") / 2);
        byte[] t = new byte[256 * 3];
        for (int v = 0; v < 256; v++) {
            t[3 * v] = (byte) (v < 180 ? Math.floorMod(v + h, 180) : v);
            t[3 * v + 1] = (byte) Math.max(0, Math.min(255, Math.round(v * s)));
            t[3 * v + 2] = (byte) v;
        }
        try (Mat hsv = new Mat(); Mat table = new Mat(1, 256, opencv_core.CV_8UC3)) {
            table.data().put(t);
            opencv_imgproc.cvtColor(image, hsv, opencv_imgproc.COLOR_BGR2HSV);
            opencv_core.LUT(hsv, table, hsv);
            Mat out = new Mat();
            opencv_imgproc.cvtColor(hsv, out, opencv_imgproc.COLOR_HSV2BGR);
            return out;
        }
    }
}
