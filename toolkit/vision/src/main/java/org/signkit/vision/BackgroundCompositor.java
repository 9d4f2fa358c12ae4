package org.signkit.vision;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC3;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Pastes a segmented signer onto a new scene: the frame and its soft mask are scaled to fit inside the
 * output (aspect kept, centred; the scene fills what the portrait frame leaves free, so nothing is padded
 * black) and alpha-blended over the scene. Optional harmonisation moves the signer's mean CIELAB colour
 * toward the scene's by {@code harmonise} (0 = none, 1 = the scene's mean), the usual cheap fix for a
 * signer lit for one wall pasted in front of another.
 *
 * @param width     output width (the study: 331)
 * @param height    output height (the study: 331)
 * @param harmonise share of the colour difference to remove, 0..1
 */
public record BackgroundCompositor(int width, int height, double harmonise) {

    public BackgroundCompositor {
        if (width < 8 || height < 8) {
            throw new IllegalArgumentException("output size must be at least 8x8: " + width + "x" + height);
        }
        if (harmonise < 0 || harmonise > 1) {
            throw new IllegalArgumentException("harmonise must be in [0, 1]: " + harmonise);
        }
    }

    /** The composite of {@code frame} (BGR) with alpha {@code mask} over {@code scene} (BGR, output size). */
    public Mat composite(Mat frame, Mat mask, Mat scene) {
        if (scene.cols() != width || scene.rows() != height) {
            throw new IllegalArgumentException("scene is " + scene.cols() + "x" + scene.rows() + ", expected " + width + "x" + height);
        }
        double s = Math.min((double) width / frame.cols(), (double) height / frame.rows());
        int w = Math.max(1, (int) Math.round(frame.cols() * s));
        int h = Math.max(1, (int) Math.round(frame.rows() * s));
        Rect at = new Rect((width - w) / 2, (height - h) / 2, w, h);
        Mat out = new Mat();
        scene.convertTo(out, CV_32FC3);
        try (Mat fg = new Mat(); Mat alpha = new Mat(); Mat fg32 = new Mat(); Mat alpha3 = new Mat();
             Mat inverse = new Mat(); Mat region = out.apply(at); Mat sceneRegion = new Mat()) {
            opencv_imgproc.resize(frame, fg, new Size(w, h), 0, 0, opencv_imgproc.INTER_AREA);
            opencv_imgproc.resize(mask, alpha, new Size(w, h), 0, 0, opencv_imgproc.INTER_LINEAR);
            if (harmonise > 0) {
                harmonised(fg, alpha, scene);
            }
            fg.convertTo(fg32, CV_32FC3);
            alpha.convertTo(alpha, CV_32F, 1 / 255.0, 0);
            try (MatVector three = new MatVector(alpha, alpha, alpha)) {
                opencv_core.merge(three, alpha3);
            }
            region.copyTo(sceneRegion);
            opencv_core.multiply(fg32, alpha3, fg32);
            try (Mat ones = new Mat(h, w, CV_32FC3, new Scalar(1, 1, 1, 0))) {
                opencv_core.subtract(ones, alpha3, inverse);
            }
            opencv_core.multiply(sceneRegion, inverse, sceneRegion);
            opencv_core.add(fg32, sceneRegion, region);
        }
        Mat result = new Mat();
        out.convertTo(result, CV_8UC3);
        out.close();
        return result;
    }

    /** Shifts the signer's (alpha-weighted) mean Lab colour toward the scene's, in place. */
    private void harmonised(Mat fg, Mat alpha, Mat scene) {
        try (Mat lab = new Mat(); Mat sceneLab = new Mat(); Mat f = new Mat(); Mat sf = new Mat()) {
            fg.convertTo(f, CV_32FC3, 1 / 255.0, 0);
            scene.convertTo(sf, CV_32FC3, 1 / 255.0, 0);
            opencv_imgproc.cvtColor(f, lab, opencv_imgproc.COLOR_BGR2Lab);
            opencv_imgproc.cvtColor(sf, sceneLab, opencv_imgproc.COLOR_BGR2Lab);
            Scalar signerMean = opencv_core.mean(lab, alpha);
            Scalar sceneMean = opencv_core.mean(sceneLab);
            FloatIndexer ix = lab.createIndexer();
            float[] shift = new float[3];
            for (int c = 0; c < 3; c++) {
                shift[c] = (float) (harmonise * (sceneMean.get(c) - signerMean.get(c)));
            }
            for (int y = 0; y < lab.rows(); y++) {
                for (int x = 0; x < lab.cols(); x++) {
                    for (int c = 0; c < 3; c++) {
                        ix.put(y, x, c, ix.get(y, x, c) + shift[c]);
                    }
                }
            }
            ix.release();
            opencv_imgproc.cvtColor(lab, f, opencv_imgproc.COLOR_Lab2BGR);
            f.convertTo(fg, CV_8UC3, 255, 0);
        }
    }
}
