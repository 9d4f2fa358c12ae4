package org.signkit.augment;

import java.util.Map;
import java.util.SplittableRandom;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Inverts ({@code 255 - v}) a random non-empty subset of the colour channels — the study's "channel
 * inversion"; with all three it is the photographic negative.
 */
public final class ChannelInversion extends IntensityTransform {

    public ChannelInversion(double p) {
        super(p);
    }

    static ChannelInversion from(Options o) {
        ChannelInversion t = new ChannelInversion(o.probability(1));
        o.finish();
        return t;
    }

    @Override
    public String name() {
        return "channel_inversion";
    }

    @Override
    public Map<String, Double> draw(SplittableRandom rng, int width, int height) {
        return Map.of("channels", (double) (1 + rng.nextInt(7)));
    }

    @Override
    protected Mat transform(Mat image, Map<String, Double> p) {
        int bits = p.get("channels").intValue();
        byte[] t = new byte[256 * 3];
        for (int v = 0; v < 256; v++) {
            for (int c = 0; c < 3; c++) {
                t[3 * v + c] = (byte) (((bits >> c) & 1) == 1 ? 255 - v : v);
            }
        }
        try (Mat table = new Mat(1, 256, opencv_core.CV_8UC3)) {
            table.data().put(t);
            Mat out = new Mat();
            opencv_core.LUT(image, table, out);
            return out;
        }
    }
}
