package org.signkit.augment;

import java.util.Map;
import java.util.SplittableRandom;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;

/** Re-encodes as JPEG at a quality drawn from {@code quality} (compression artefacts of phone pipelines). */
public final class JpegQuality extends IntensityTransform {

    private final Range quality;

    public JpegQuality(Range quality, double p) {
        super(p);
        if (quality.lo() < 1 || quality.hi() > 100) {
            throw new IllegalArgumentException("jpeg_quality.quality must be within 1..100: " + quality);
        }
        this.quality = quality;
    }

    static JpegQuality from(Options o) {
        JpegQuality t = new JpegQuality(o.range("quality", new Range(40, 95), false), o.probability(1));
        o.finish();
        return t;
    }

    @Override
    public String name() {
        return "jpeg_quality";
    }

    @Override
    public Map<String, Double> draw(SplittableRandom rng, int width, int height) {
        return Map.of("quality", (double) Math.round(quality.draw(rng)));
    }

    @Override
    protected Mat transform(Mat image, Map<String, Double> p) {
        try (BytePointer buf = new BytePointer();
             IntPointer params = new IntPointer(opencv_imgcodecs.IMWRITE_JPEG_QUALITY, p.get("quality").intValue())) {
            opencv_imgcodecs.imencode(".jpg", image, buf, params);
            try (Mat encoded = new Mat(1, (int) buf.limit(), org.bytedeco.opencv.global.opencv_core.CV_8UC1, buf)) {
                return opencv_imgcodecs.imdecode(encoded, opencv_imgcodecs.IMREAD_COLOR);
            }
        }
    }
}
