package org.signkit.pose;

import java.util.SplittableRandom;

/**
 * Centres and scales a pose so that signers of any size, anywhere in the frame, compare: the origin at the midpoint
 * of the shoulders and the shoulder width as the unit (pose-format's {@code normalize} on the shoulders), or, without
 * shoulders, the face box's centre and width. The reference is the mean over the frames where it was found, so the
 * signer's own movement is kept.
 */
public record PoseNormalisation() implements PoseTransform {

    @Override
    public PoseFile apply(PoseFile pose, SplittableRandom random) {
        double[] ref = reference(pose);
        if (ref == null) {
            throw new IllegalArgumentException("no shoulders and no face box in any frame: nothing to normalise by");
        }
        return PoseTransform.mapXY(pose, (f, p) -> new double[] {(p[0] - ref[0]) / ref[2], (p[1] - ref[1]) / ref[2]});
    }

    /** Centre x, centre y and unit length, or null. */
    static double[] reference(PoseFile pose) {
        PoseHeader h = pose.header();
        for (PoseComponent c : h.components()) {
            int l = c.points().indexOf("LEFT_SHOULDER");
            int r = c.points().indexOf("RIGHT_SHOULDER");
            if (l >= 0 && r >= 0) {
                double[] m = meanPair(pose, h.offset(c.name()) + l, h.offset(c.name()) + r);
                if (m != null) {
                    return m;
                }
            }
        }
        if (h.components().stream().anyMatch(c -> c.name().equals(HandPoseComponents.FACE_BOX))) {
            int at = h.offset(HandPoseComponents.FACE_BOX);
            return meanPair(pose, at, at + 1);
        }
        return null;
    }

    private static double[] meanPair(PoseFile pose, int a, int b) {
        double cx = 0;
        double cy = 0;
        double len = 0;
        int n = 0;
        PoseBody body = pose.body();
        for (int f = 0; f < body.frames(); f++) {
            if (body.confidence(pose.header(), f, 0, a) <= 0 || body.confidence(pose.header(), f, 0, b) <= 0) {
                continue;
            }
            double ax = body.value(pose.header(), f, 0, a, 0);
            double ay = body.value(pose.header(), f, 0, a, 1);
            double bx = body.value(pose.header(), f, 0, b, 0);
            double by = body.value(pose.header(), f, 0, b, 1);
            cx += (ax + bx) / 2;
            cy += (ay + by) / 2;
            len += Math.hypot(ax - bx, ay - by);
            n++;
        }
        return n == 0 || len == 0 ? null : new double[] {cx / n, cy / n, len / n};
    }
}
