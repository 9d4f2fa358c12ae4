package org.signkit.explain;

import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/** What a switched-off superpixel shows: its mean colour (lime's default), black, or a strong blur. */
public enum HideColour {
    MEAN, BLACK, BLUR;

    /** The fully hidden image's pixels (BGR bytes, row-major) for {@code image} and its segments. */
    byte[] fudged(Mat image, byte[] pixels, Segments s) {
        byte[] out = new byte[pixels.length];
        switch (this) {
            case BLACK -> { }
            case BLUR -> {
                try (Mat blurred = new Mat()) {
                    opencv_imgproc.GaussianBlur(image, blurred, new Size(0, 0), Math.max(image.cols(), image.rows()) / 16.0);
                    return Images.bytes(blurred);
                }
            }
            default -> {
                double[][] sum = new double[s.count()][3];
                int[] n = s.sizes();
                for (int i = 0; i < s.labels().length; i++) {
                    for (int c = 0; c < 3; c++) {
                        sum[s.labels()[i]][c] += pixels[i * 3 + c] & 0xff;
                    }
                }
                for (int i = 0; i < s.labels().length; i++) {
                    int l = s.labels()[i];
                    for (int c = 0; c < 3; c++) {
                        out[i * 3 + c] = (byte) Math.round(sum[l][c] / n[l]);
                    }
                }
            }
        }
        return out;
    }

    /** Parses {@code mean}, {@code black} or {@code blur}. */
    public static HideColour parse(String s) {
        return valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
