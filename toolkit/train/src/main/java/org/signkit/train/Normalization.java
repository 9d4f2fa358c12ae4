package org.signkit.train;

import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * How pixels become network inputs, stored with every model so that whoever uses it feeds the same
 * numbers: 8-bit values times {@code scale}, then per channel {@code (v - mean) / std}, channels in
 * {@code channelOrder}, tensor layout NCHW.
 *
 * @param channelOrder "RGB" (images are decoded BGR and reordered)
 * @param scale        factor applied to 8-bit values first (1/255)
 * @param mean         per-channel mean, in channel order
 * @param std          per-channel standard deviation, in channel order
 */
public record Normalization(String channelOrder, double scale, List<Double> mean, List<Double> std) {

    public Normalization {
        mean = List.copyOf(mean);
        std = List.copyOf(std);
        if (!"RGB".equals(channelOrder) || mean.size() != 3 || std.size() != 3) {
            throw new IllegalArgumentException("normalisation needs channel order RGB and three means and stds");
        }
    }

    /** ImageNet's statistics, as torchvision's EfficientNet expects. */
    public static Normalization imagenet() {
        return new Normalization("RGB", 1 / 255.0, List.of(0.485, 0.456, 0.406), List.of(0.229, 0.224, 0.225));
    }

    /** BGR 8-bit images, all {@code width x height}, as one normalised NCHW batch (row-major). */
    public float[] tensor(List<Mat> images, int height, int width) {
        int pixels = height * width;
        float[] data = new float[images.size() * 3 * pixels];
        byte[] bgr = new byte[pixels * 3];
        for (int i = 0; i < images.size(); i++) {
            Mat img = images.get(i);
            if (img.cols() != width || img.rows() != height || img.channels() != 3) {
                throw new IllegalArgumentException("image " + i + " is " + img.cols() + "x" + img.rows() + "x"
                        + img.channels() + ", expected " + width + "x" + height + "x3");
            }
            Mat m = img.isContinuous() ? img : img.clone();
            m.data().get(bgr);
            toPlanes(bgr, pixels, data, i * 3 * pixels);
            if (m != img) {
                m.close();
            }
        }
        return data;
    }

    private void toPlanes(byte[] bgr, int pixels, float[] out, int offset) {
        for (int c = 0; c < 3; c++) {
            int src = 2 - c; // BGR -> RGB
            float a = (float) (scale / std.get(c));
            float b = (float) (-mean.get(c) / std.get(c));
            int base = offset + c * pixels;
            for (int p = 0; p < pixels; p++) {
                out[base + p] = (bgr[p * 3 + src] & 0xff) * a + b;
            }
        }
    }
}
