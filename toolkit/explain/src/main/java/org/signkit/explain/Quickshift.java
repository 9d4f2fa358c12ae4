package org.signkit.explain;

import static org.bytedeco.opencv.global.opencv_core.CV_32FC3;

import java.util.stream.IntStream;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Quickshift (Vedaldi and Soatto 2008) as scikit-image implements it, lime's default segmentation
 * ({@code kernel_size=4, max_dist=200, ratio=0.2}): in the joint space of position and CIELAB colour
 * (colour scaled by {@code ratio}), each pixel's Parzen density is estimated with a Gaussian of
 * {@code kernelSize}, and each pixel links to the nearest pixel of higher density within a window of
 * three kernel sizes; links longer than {@code maxDist} are cut, and the trees are the superpixels.
 *
 * @param kernelSize Gaussian width in pixels
 * @param maxDist    longest link kept
 * @param ratio      weight of colour against position
 */
public record Quickshift(double kernelSize, double maxDist, double ratio) implements Superpixels {

    @Override
    public String name() {
        return "quickshift";
    }

    @Override
    public Segments segment(Mat bgr) {
        int w = bgr.cols();
        int h = bgr.rows();
        float[] lab = new float[w * h * 3];
        try (Mat f = new Mat(); Mat l = new Mat()) {
            bgr.convertTo(f, CV_32FC3, 1 / 255.0, 0);
            // scikit-image converts to CIELAB (L 0..100) before scaling by ratio.
            opencv_imgproc.cvtColor(f, l, opencv_imgproc.COLOR_BGR2Lab);
            try (FloatIndexer ix = l.createIndexer()) {
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        for (int c = 0; c < 3; c++) {
                            lab[(y * w + x) * 3 + c] = (float) (ix.get(y, x, c) * ratio);
                        }
                    }
                }
            }
        }
        int window = (int) Math.ceil(3 * kernelSize);
        double inv2s2 = 1 / (2 * kernelSize * kernelSize);
        double[] density = new double[w * h];
        // Rows are independent in both passes: parallel rows give the same result on any thread count.
        IntStream.range(0, h).parallel().forEach(y -> {
            for (int x = 0; x < w; x++) {
                double d = 0;
                for (int yy = Math.max(0, y - window); yy <= Math.min(h - 1, y + window); yy++) {
                    for (int xx = Math.max(0, x - window); xx <= Math.min(w - 1, x + window); xx++) {
                        d += Math.exp(-dist2(lab, w, x, y, xx, yy) * inv2s2);
                    }
                }
                density[y * w + x] = d;
            }
        });
        int[] parent = new int[w * h];
        double max2 = maxDist * maxDist;
        IntStream.range(0, h).parallel().forEach(y -> {
            for (int x = 0; x < w; x++) {
                int self = y * w + x;
                int best = self;
                double bestDist = Double.POSITIVE_INFINITY;
                for (int yy = Math.max(0, y - window); yy <= Math.min(h - 1, y + window); yy++) {
                    for (int xx = Math.max(0, x - window); xx <= Math.min(w - 1, x + window); xx++) {
                        int other = yy * w + xx;
                        if (density[other] > density[self]) {
                            double d = dist2(lab, w, x, y, xx, yy);
                            if (d < bestDist) {
                                bestDist = d;
                                best = other;
                            }
                        }
                    }
                }
                parent[self] = bestDist > max2 ? self : best;
            }
        });
        int[] root = new int[w * h];
        for (int i = 0; i < root.length; i++) {
            int r = i;
            while (parent[r] != r) {
                r = parent[r];
            }
            root[i] = r;
        }
        return Segments.compact(w, h, root);
    }

    private static double dist2(float[] lab, int w, int x, int y, int xx, int yy) {
        int a = (y * w + x) * 3;
        int b = (yy * w + xx) * 3;
        double dl = lab[a] - lab[b];
        double da = lab[a + 1] - lab[b + 1];
        double db = lab[a + 2] - lab[b + 2];
        double dx = x - xx;
        double dy = y - yy;
        return dl * dl + da * da + db * db + dx * dx + dy * dy;
    }
}
