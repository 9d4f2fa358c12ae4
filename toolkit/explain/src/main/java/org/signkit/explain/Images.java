package org.signkit.explain;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;

/** BGR 8-bit images as plain byte arrays (row-major, 3 bytes a pixel), for per-pixel work without indexers. */
final class Images {

    private Images() {
    }

    /** The pixels of a continuous or not BGR image. */
    static byte[] bytes(Mat bgr) {
        Mat c = bgr.isContinuous() ? bgr : bgr.clone();
        byte[] out = new byte[c.rows() * c.cols() * 3];
        new BytePointer(c.data()).capacity(out.length).get(out);
        if (c != bgr) {
            c.close();
        }
        return out;
    }

    /** A new BGR image of {@code w x h} holding {@code pixels}. */
    static Mat mat(byte[] pixels, int w, int h) {
        Mat m = new Mat(h, w, CV_8UC3);
        new BytePointer(m.data()).capacity(pixels.length).put(pixels);
        return m;
    }

    /** Pixels that come from {@code image} where {@code on[label]}, else from {@code hidden}. */
    static byte[] compose(byte[] image, byte[] hidden, Segments s, boolean[] on) {
        byte[] out = hidden.clone();
        int[] labels = s.labels();
        for (int i = 0; i < labels.length; i++) {
            if (on[labels[i]]) {
                out[i * 3] = image[i * 3];
                out[i * 3 + 1] = image[i * 3 + 1];
                out[i * 3 + 2] = image[i * 3 + 2];
            }
        }
        return out;
    }
}
