package org.signkit.vision;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Smooths another method's soft masks across a take: each mask becomes the mean of the masks within
 * {@code radius} frames of it (fewer at the take's ends), which removes single-frame flicker at the edges
 * (a per-frame network's usual fault) at the cost of some lag on fast hands; radius 0 changes nothing.
 *
 * @param base   the method whose masks are smoothed
 * @param radius frames on each side
 */
public record TemporalSmoothing(Segmenter base, int radius) implements Segmenter {

    public TemporalSmoothing {
        if (radius < 0) {
            throw new IllegalArgumentException("smoothing radius must be >= 0: " + radius);
        }
    }

    @Override
    public String name() {
        return base.name();
    }

    @Override
    public List<Mat> segment(List<Mat> take) {
        List<Mat> raw = base.segment(take);
        if (radius == 0) {
            return raw;
        }
        // Each mask is converted to float once, however many windows it falls in.
        List<Mat> floats = new ArrayList<>(raw.size());
        for (Mat m : raw) {
            Mat f = new Mat();
            m.convertTo(f, CV_32F);
            floats.add(f);
            m.close();
        }
        List<Mat> out = new ArrayList<>(raw.size());
        try (Mat acc = new Mat()) {
            for (int i = 0; i < floats.size(); i++) {
                int from = Math.max(0, i - radius);
                int to = Math.min(floats.size() - 1, i + radius);
                floats.get(from).copyTo(acc);
                for (int j = from + 1; j <= to; j++) {
                    opencv_core.add(acc, floats.get(j), acc);
                }
                Mat mean = new Mat();
                acc.convertTo(mean, CV_8U, 1.0 / (to - from + 1), 0);
                out.add(mean);
            }
        } finally {
            floats.forEach(Mat::close);
        }
        return out;
    }

    @Override
    public void close() {
        base.close();
    }
}
