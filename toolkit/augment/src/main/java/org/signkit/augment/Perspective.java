package org.signkit.augment;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point2f;

/**
 * A perspective warp: each corner of the input region moves inwards by up to {@code scale} of the side
 * (albumentations' {@code Perspective}), and that quadrilateral fills the output.
 */
public final class Perspective extends GeometricTransform {

    private final Range scale;

    public Perspective(Range scale, double p, FillMode fill, double cval) {
        super(p, fill, cval);
        this.scale = scale;
    }

    static Perspective from(Options o, FillMode fill, double cval) {
        Perspective t = new Perspective(o.range("scale", new Range(0.0, 0.06), true), o.probability(1), fill, cval);
        o.finish();
        return t;
    }

    @Override
    public String name() {
        return "perspective";
    }

    @Override
    public Map<String, Double> draw(SplittableRandom rng, int width, int height) {
        Map<String, Double> p = new HashMap<>();
        for (int c = 0; c < 4; c++) {
            p.put("dx" + c, Math.abs(scale.draw(rng)) * width);
            p.put("dy" + c, Math.abs(scale.draw(rng)) * height);
        }
        return p;
    }

    @Override
    protected double[] outputToInput(Map<String, Double> p, int width, int height) {
        double w = width - 1;
        double h = height - 1;
        // Corners top-left, top-right, bottom-right, bottom-left, each pulled towards the inside.
        double[] out = {0, 0, w, 0, w, h, 0, h};
        double[] in = {p.get("dx0"), p.get("dy0"), w - p.get("dx1"), p.get("dy1"), w - p.get("dx2"), h - p.get("dy2"),
            p.get("dx3"), h - p.get("dy3")};
        try (Point2f src = new Point2f(4); Point2f dst = new Point2f(4)) {
            for (int i = 0; i < 4; i++) {
                src.position(i).x((float) out[2 * i]).y((float) out[2 * i + 1]);
                dst.position(i).x((float) in[2 * i]).y((float) in[2 * i + 1]);
            }
            src.position(0);
            dst.position(0);
            try (Mat m = opencv_imgproc.getPerspectiveTransform(src, dst); DoubleIndexer ix = m.createIndexer()) {
                double[] r = new double[9];
                for (int i = 0; i < 9; i++) {
                    r[i] = ix.get(i / 3, i % 3);
                }
                return r;
            }
        }
    }
}
