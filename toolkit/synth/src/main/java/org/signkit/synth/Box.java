package org.signkit.synth;

/**
 * An axis-aligned pixel box, inclusive of {@code x0,y0} and exclusive of {@code x1,y1}.
 *
 * @param x0 left
 * @param y0 top
 * @param x1 right (exclusive)
 * @param y1 bottom (exclusive)
 */
public record Box(int x0, int y0, int x1, int y1) {

    /** The smallest box containing both; an empty box is ignored. */
    public Box union(Box o) {
        if (o == null || o.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return o;
        }
        return new Box(Math.min(x0, o.x0), Math.min(y0, o.y0), Math.max(x1, o.x1), Math.max(y1, o.y1));
    }

    /** True when the box has no area (e.g. entirely outside the frame). */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isEmpty() {
        return x1 <= x0 || y1 <= y0;
    }

    /** Distance between the centres of this box and {@code o}, pixels. */
    public double centreDistance(Box o) {
        return Math.hypot((x0 + x1 - o.x0 - o.x1) / 2.0, (y0 + y1 - o.y0 - o.y1) / 2.0);
    }

    /** This box clipped to a {@code w x h} frame. */
    public Box clip(int w, int h) {
        return new Box(Math.max(0, x0), Math.max(0, y0), Math.min(w, x1), Math.min(h, y1));
    }

    /** The box of points given as x0, y0, x1, y1, ..., padded by {@code pad} pixels. */
    static Box around(double[] xy, int n, double pad) {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            minX = Math.min(minX, xy[2 * i]);
            maxX = Math.max(maxX, xy[2 * i]);
            minY = Math.min(minY, xy[2 * i + 1]);
            maxY = Math.max(maxY, xy[2 * i + 1]);
        }
        return new Box((int) Math.floor(minX - pad), (int) Math.floor(minY - pad), (int) Math.ceil(maxX + pad) + 1,
                (int) Math.ceil(maxY + pad) + 1);
    }
}
