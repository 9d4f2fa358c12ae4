package org.signkit.pose;

import java.util.SplittableRandom;

/**
 * One keypoint transform (after albumentations: one small type, its parameters in one place): normalisation, the
 * geometric augmentations, the hand-swapping mirror, temporal resampling and frame dropping. Points with confidence 0
 * (not found) stay at 0 with confidence 0.
 */
public interface PoseTransform {

    /** The transformed pose; {@code random} draws the augmentations' parameters (explicit seeds). */
    PoseFile apply(PoseFile pose, SplittableRandom random);

    /** Applies {@code f(x, y) -> {x', y'}} to every found point. */
    static PoseFile mapXY(PoseFile pose, java.util.function.BiFunction<Integer, double[], double[]> f) {
        PoseHeader h = pose.header();
        PoseBody b = pose.body();
        float[] data = b.data().clone();
        int dims = h.dims();
        for (int i = 0; i < b.confidence().length; i++) {
            if (b.confidence()[i] <= 0) {
                continue;
            }
            int frame = i / (b.people() * h.points());
            double[] xy = f.apply(frame, new double[] {data[i * dims], data[i * dims + 1]});
            data[i * dims] = (float) xy[0];
            data[i * dims + 1] = (float) xy[1];
        }
        return new PoseFile(h, new PoseBody(b.fps(), b.frames(), b.people(), data, b.confidence()));
    }
}
