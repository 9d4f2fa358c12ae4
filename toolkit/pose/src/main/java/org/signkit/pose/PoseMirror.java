package org.signkit.pose;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The horizontal flip that keeps hands right: x is negated about the origin (normalise first) and left and right
 * swap — the {@code LEFT_}/{@code RIGHT_} components trade data, and so do {@code LEFT_}/{@code RIGHT_} points inside
 * a component — so a right-handed signer becomes a left-handed one, as the frame flip does for images.
 */
public record PoseMirror() implements PoseTransform {

    @Override
    public PoseFile apply(PoseFile pose, SplittableRandom random) {
        PoseHeader h = pose.header();
        int[] source = new int[h.points()];
        List<String> names = new ArrayList<>();
        for (PoseComponent c : h.components()) {
            for (String p : c.points()) {
                names.add(c.name() + "/" + p);
            }
        }
        for (int i = 0; i < names.size(); i++) {
            int j = names.indexOf(swap(names.get(i)));
            source[i] = j >= 0 ? j : i;
        }
        PoseBody b = pose.body();
        int dims = h.dims();
        float[] data = new float[b.data().length];
        float[] confidence = new float[b.confidence().length];
        for (int fp = 0; fp < b.frames() * b.people(); fp++) {
            for (int i = 0; i < h.points(); i++) {
                int from = fp * h.points() + source[i];
                int to = fp * h.points() + i;
                confidence[to] = b.confidence()[from];
                System.arraycopy(b.data(), from * dims, data, to * dims, dims);
                if (confidence[to] > 0) {
                    data[to * dims] = -data[to * dims];
                }
            }
        }
        return new PoseFile(h, new PoseBody(b.fps(), b.frames(), b.people(), data, confidence));
    }

    private static String swap(String name) {
        return name.replace("LEFT_", "\u0000").replace("RIGHT_", "LEFT_").replace("\u0000", "RIGHT_");
    }
}
