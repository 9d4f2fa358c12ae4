package org.signkit.explain;

import java.util.Locale;
import org.bytedeco.javacpp.indexer.IntIndexer;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.global.opencv_ximgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_ximgproc.GraphSegmentation;
import org.bytedeco.opencv.opencv_ximgproc.SuperpixelSLIC;

/**
 * How an image is cut into the superpixels LIME switches on and off: {@code slic} and {@code slico}
 * (OpenCV ximgproc), {@code felzenszwalb} (ximgproc's graph segmentation) or {@code quickshift}
 * (lime's default, {@link Quickshift}).
 */
public interface Superpixels {

    /** The method's name. */
    String name();

    /** Segments a BGR 8-bit image. */
    Segments segment(Mat bgr);

    /** The method called {@code name}, with lime-like defaults for a 224-pixel image. */
    static Superpixels of(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "slic" -> new Slic(false, 20, 10f, 10);
            case "slico" -> new Slic(true, 20, 10f, 10);
            case "felzenszwalb" -> new Felzenszwalb(0.8, 50f, 20);
            case "quickshift" -> new Quickshift(4, 200, 0.2);
            default -> throw new IllegalArgumentException("unknown segmentation '" + name
                    + "'; use slic, slico, felzenszwalb or quickshift");
        };
    }

    /** SLIC or SLICO superpixels of about {@code regionSize} pixels across. */
    record Slic(boolean zero, int regionSize, float ruler, int iterations) implements Superpixels {
        @Override
        public String name() {
            return zero ? "slico" : "slic";
        }

        @Override
        public Segments segment(Mat bgr) {
            try (Mat lab = new Mat(); Mat labels = new Mat();
                 SuperpixelSLIC s = opencv_ximgproc.createSuperpixelSLIC(lab(bgr, lab), zero ? opencv_ximgproc.SLICO
                         : opencv_ximgproc.SLIC, regionSize, ruler)) {
                s.iterate(iterations);
                s.enforceLabelConnectivity(25);
                s.getLabels(labels);
                return read(labels);
            }
        }
    }

    /** Felzenszwalb–Huttenlocher graph segmentation ({@code sigma}, scale {@code k}, minimum size). */
    record Felzenszwalb(double sigma, float k, int minSize) implements Superpixels {
        @Override
        public String name() {
            return "felzenszwalb";
        }

        @Override
        public Segments segment(Mat bgr) {
            try (Mat labels = new Mat(); GraphSegmentation g = opencv_ximgproc.createGraphSegmentation(sigma, k, minSize)) {
                g.processImage(bgr, labels);
                return read(labels);
            }
        }
    }

    private static Mat lab(Mat bgr, Mat into) {
        opencv_imgproc.cvtColor(bgr, into, opencv_imgproc.COLOR_BGR2Lab);
        return into;
    }

    /** A CV_32S label image as compact {@link Segments}. */
    static Segments read(Mat labels) {
        int w = labels.cols();
        int h = labels.rows();
        int[] raw = new int[w * h];
        try (IntIndexer ix = labels.createIndexer()) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    raw[y * w + x] = ix.get(y, x);
                }
            }
        }
        return Segments.compact(w, h, raw);
    }
}
