package org.signkit.pose;

import java.util.SplittableRandom;

/**
 * Temporal resampling to a fixed number of frames, so that every clip is one {@code T × points × (x, y, c)} sample:
 * linear interpolation between the two nearest frames where both found the point, the value of the one that found
 * it where only one did, not found where neither did. The frame rate changes with the length, so the clip keeps its duration.
 *
 * @param length frames of the result
 */
public record PoseResample(int length) implements PoseTransform {

    public PoseResample {
        if (length < 1) {
            throw new IllegalArgumentException("resample to at least 1 frame, not " + length);
        }
    }

    @Override
    public PoseFile apply(PoseFile pose, SplittableRandom random) {
        PoseHeader h = pose.header();
        PoseBody b = pose.body();
        int per = b.people() * h.points();
        int dims = h.dims();
        float[] data = new float[length * per * dims];
        float[] confidence = new float[length * per];
        for (int t = 0; t < length; t++) {
            double at = length == 1 ? 0 : (double) t * (b.frames() - 1) / (length - 1);
            int f0 = (int) Math.floor(at);
            int f1 = Math.min(b.frames() - 1, f0 + 1);
            double w = at - f0;
            for (int i = 0; i < per; i++) {
                float c0 = b.confidence()[f0 * per + i];
                float c1 = b.confidence()[f1 * per + i];
                int to = t * per + i;
                if (c0 > 0 && c1 > 0) {
                    confidence[to] = (float) ((1 - w) * c0 + w * c1);
                    for (int d = 0; d < dims; d++) {
                        data[to * dims + d] = (float) ((1 - w) * b.data()[(f0 * per + i) * dims + d]
                                + w * b.data()[(f1 * per + i) * dims + d]);
                    }
                } else if (c0 > 0 || c1 > 0) {
                    int from = (c0 > 0 ? f0 : f1) * per + i;
                    confidence[to] = b.confidence()[from];
                    System.arraycopy(b.data(), from * dims, data, to * dims, dims);
                }
            }
        }
        float fps = b.frames() <= 1 ? b.fps() : (float) (b.fps() * (length - 1) / (double) (b.frames() - 1));
        return new PoseFile(h, new PoseBody(fps, length, b.people(), data, confidence));
    }
}
