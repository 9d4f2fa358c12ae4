package org.signkit.augment;

import java.util.Map;
import java.util.SplittableRandom;

/**
 * Crops a random region of {@code scale} times the area and {@code ratio} aspect (width/height) and
 * resizes it back to the full size (torchvision's {@code RandomResizedCrop} at the input size). When the
 * drawn region does not fit, the whole image is kept, as torchvision falls back.
 */
public final class RandomResizedCrop extends GeometricTransform {

    private final Range scale;
    private final Range ratio;

    public RandomResizedCrop(Range scale, Range ratio, double p, FillMode fill, double cval) {
        super(p, fill, cval);
        if (scale.lo() <= 0 || scale.hi() > 1 || ratio.lo() <= 0) {
            throw new IllegalArgumentException("random_resized_crop: scale must be in (0, 1], ratio positive");
        }
        this.scale = scale;
        this.ratio = ratio;
    }

    static RandomResizedCrop from(Options o, FillMode fill, double cval) {
        RandomResizedCrop t = new RandomResizedCrop(o.range("scale", new Range(0.7, 1.0), false),
                o.range("ratio", new Range(0.85, 1.18), false), o.probability(1), fill, cval);
        o.finish();
        return t;
    }

    @Override
    public String name() {
        return "random_resized_crop";
    }

    @Override
    public Map<String, Double> draw(SplittableRandom rng, int width, int height) {
        for (int attempt = 0; attempt < 10; attempt++) {
            double area = scale.draw(rng) * width * height;
            double logRatio = Math.log(ratio.lo()) + (Math.log(ratio.hi()) - Math.log(ratio.lo())) * rng.nextDouble();
            double r = Math.exp(logRatio);
            double cw = Math.sqrt(area * r);
            double ch = Math.sqrt(area / r);
            if (cw <= width && ch <= height) {
                double x0 = (width - cw) * rng.nextDouble();
                double y0 = (height - ch) * rng.nextDouble();
                return Map.of("x0", x0, "y0", y0, "width", cw, "height", ch);
            }
        }
        return Map.of("x0", 0.0, "y0", 0.0, "width", (double) width, "height", (double) height);
    }

    @Override
    protected double[] outputToInput(Map<String, Double> p, int width, int height) {
        double sx = p.get("width") / width;
        double sy = p.get("height") / height;
        // Pixel centres: output centre x + 0.5 spans the crop at the same relative position.
        return new double[] {sx, 0, p.get("x0") + 0.5 * sx - 0.5, 0, sy, p.get("y0") + 0.5 * sy - 0.5, 0, 0, 1};
    }
}
