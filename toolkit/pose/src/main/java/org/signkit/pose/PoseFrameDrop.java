package org.signkit.pose;

import java.util.SplittableRandom;

/**
 * Frame dropping: each frame is left out with {@code probability} (at least one frame stays), as a phone dropping
 * frames or a faster signer would; resample afterwards for a fixed length.
 *
 * @param probability the chance of dropping a frame, in [0, 1)
 */
public record PoseFrameDrop(double probability) implements PoseTransform {

    public PoseFrameDrop {
        if (!(probability >= 0 && probability < 1)) {
            throw new IllegalArgumentException("drop probability must be in [0, 1), got " + probability);
        }
    }

    @Override
    public PoseFile apply(PoseFile pose, SplittableRandom random) {
        PoseBody b = pose.body();
        int per = b.people() * pose.header().points();
        int dims = pose.header().dims();
        boolean[] keep = new boolean[b.frames()];
        int kept = 0;
        for (int f = 0; f < b.frames(); f++) {
            keep[f] = random.nextDouble() >= probability;
            kept += keep[f] ? 1 : 0;
        }
        if (kept == 0) {
            keep[random.nextInt(b.frames())] = true;
            kept = 1;
        }
        float[] data = new float[kept * per * dims];
        float[] confidence = new float[kept * per];
        int k = 0;
        for (int f = 0; f < b.frames(); f++) {
            if (keep[f]) {
                System.arraycopy(b.data(), f * per * dims, data, k * per * dims, per * dims);
                System.arraycopy(b.confidence(), f * per, confidence, k * per, per);
                k++;
            }
        }
        return new PoseFile(pose.header(), new PoseBody(b.fps(), kept, b.people(), data, confidence));
    }
}
