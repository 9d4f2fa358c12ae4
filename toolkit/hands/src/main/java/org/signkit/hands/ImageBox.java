package org.signkit.hands;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * An axis-aligned box in an image's continuous pixel coordinates ({@code x1, y1} exclusive).
 *
 * @param x0 left
 * @param y0 top
 * @param x1 right
 * @param y1 bottom
 */
public record ImageBox(double x0, double y0, double x1, double y1) {

    /** A box from its centre and size. */
    public static ImageBox centred(double cx, double cy, double w, double h) {
        return new ImageBox(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2);
    }

    @JsonIgnore
    public double width() {
        return x1 - x0;
    }

    @JsonIgnore
    public double height() {
        return y1 - y0;
    }

    @JsonIgnore
    public double centreX() {
        return (x0 + x1) / 2;
    }

    @JsonIgnore
    public double centreY() {
        return (y0 + y1) / 2;
    }

    @JsonIgnore
    public double area() {
        return Math.max(0, width()) * Math.max(0, height());
    }

    /** Intersection over union; 0 for disjoint or empty boxes. */
    public double iou(ImageBox o) {
        double w = Math.min(x1, o.x1) - Math.max(x0, o.x0);
        double h = Math.min(y1, o.y1) - Math.max(y0, o.y0);
        if (w <= 0 || h <= 0) {
            return 0;
        }
        double inter = w * h;
        return inter / (area() + o.area() - inter);
    }

    /** Distance between the centres of this box and {@code o}. */
    public double centreDistance(ImageBox o) {
        return Math.hypot(centreX() - o.centreX(), centreY() - o.centreY());
    }

    /** The same box in an image scaled by {@code sx, sy} after moving the origin to {@code (ox, oy)}. */
    public ImageBox mapped(double ox, double oy, double sx, double sy) {
        return new ImageBox((x0 - ox) * sx, (y0 - oy) * sy, (x1 - ox) * sx, (y1 - oy) * sy);
    }

    /**
     * Points {@code {x, y}} or {@code {x, y, z}} in an image scaled by {@code sx, sy} after moving the origin to
     * {@code (ox, oy)} (a depth scales with x, as MediaPipe's does); null stays null.
     */
    public static double[][] mappedPoints(double[][] points, double ox, double oy, double sx, double sy) {
        if (points == null) {
            return null;
        }
        double[][] out = new double[points.length][];
        for (int i = 0; i < points.length; i++) {
            double[] p = points[i];
            out[i] = p.length > 2 ? new double[] {(p[0] - ox) * sx, (p[1] - oy) * sy, p[2] * sx}
                    : new double[] {(p[0] - ox) * sx, (p[1] - oy) * sy};
        }
        return out;
    }

    /** The square of side {@code max(w, h) * factor} around this box's centre. */
    public ImageBox squareAround(double factor) {
        double side = Math.max(width(), height()) * factor;
        return centred(centreX(), centreY(), side, side);
    }
}
