package org.signkit.explain;

import java.util.List;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Draws an explanation as one picture of three panels, each scaled up to {@code panel} pixels: the
 * input with superpixel boundaries; the top positive superpixels tinted green and the top negative ones
 * red (lime's {@code get_image_and_mask}); and a heat map of every superpixel's weight (blue negative,
 * red positive, scaled to the largest absolute weight) over the greyed input.
 *
 * @param panel side of each panel in pixels
 */
public record ExplanationRenderer(int panel) {

    /** The three panels side by side for the top class (BGR). */
    public Mat render(Mat input, Explanation e) {
        Explanation.LabelExplanation top = e.top();
        Segments s = e.segments();
        byte[] px = Images.bytes(input);
        int n = px.length / 3;
        byte[] bounds = px.clone();
        byte[] masks = px.clone();
        byte[] heat = new byte[px.length];
        List<Integer> pos = top.topPositive(e.settings().topK());
        List<Integer> neg = top.topNegative(e.settings().topK());
        double maxAbs = 1e-12;
        for (double c : top.coefficients()) {
            maxAbs = Math.max(maxAbs, Math.abs(c));
        }
        int w = s.width();
        for (int i = 0; i < n; i++) {
            int l = s.labels()[i];
            int x = i % w;
            int y = i / w;
            boolean edge = (x + 1 < w && s.labels()[i + 1] != l) || (y + 1 < s.height() && s.labels()[i + w] != l);
            if (edge) {
                bounds[i * 3] = 0;
                bounds[i * 3 + 1] = (byte) 255;
                bounds[i * 3 + 2] = (byte) 255;
            }
            if (pos.contains(l)) {
                tint(masks, i, 0, 255, 0);
            } else if (neg.contains(l)) {
                tint(masks, i, 0, 0, 255);
            }
            double v = top.coefficients()[l] / maxAbs;
            int grey = ((px[i * 3] & 0xff) + (px[i * 3 + 1] & 0xff) + (px[i * 3 + 2] & 0xff)) / 3;
            double a = Math.abs(v) * 0.75;
            heat[i * 3] = (byte) Math.round(grey * (1 - a) + (v < 0 ? 255 : 0) * a);
            heat[i * 3 + 1] = (byte) Math.round(grey * (1 - a));
            heat[i * 3 + 2] = (byte) Math.round(grey * (1 - a) + (v > 0 ? 255 : 0) * a);
        }
        try (Mat b = Images.mat(bounds, w, s.height()); Mat m = Images.mat(masks, w, s.height());
             Mat h = Images.mat(heat, w, s.height()); Mat b2 = up(b); Mat m2 = up(m); Mat h2 = up(h);
             MatVector row = new MatVector(b2, m2, h2)) {
            Mat out = new Mat();
            opencv_core.hconcat(row, out);
            return out;
        }
    }

    private static void tint(byte[] px, int i, int b, int g, int r) {
        px[i * 3] = (byte) (((px[i * 3] & 0xff) + b) / 2);
        px[i * 3 + 1] = (byte) (((px[i * 3 + 1] & 0xff) + g) / 2);
        px[i * 3 + 2] = (byte) (((px[i * 3 + 2] & 0xff) + r) / 2);
    }

    private Mat up(Mat m) {
        Mat out = new Mat();
        opencv_imgproc.resize(m, out, new Size(panel, panel * m.rows() / m.cols()), 0, 0, opencv_imgproc.INTER_NEAREST);
        return out;
    }

}
