package org.signkit.pose;

import java.util.List;

/**
 * One component of a pose header: a named group of points (e.g. {@code LEFT_HAND_LANDMARKS}) with its point format
 * (the dimensions per point and {@code C} for confidence, e.g. {@code XYZC}), the limbs that join its points and a
 * colour per limb for drawing.
 *
 * @param name   component name
 * @param format point format: one letter per dimension, {@code C} (confidence) last
 * @param points point names, in order
 * @param limbs  point pairs (indices into {@code points})
 * @param colors drawing colours
 */
public record PoseComponent(String name, String format, List<String> points, List<Limb> limbs, List<Color> colors) {

    /**
     * A limb: two points of the component.
     *
     * @param from index of the first point
     * @param to   index of the second
     */
    public record Limb(int from, int to) {
    }

    /**
     * A colour, 16 bits per channel as the format stores it.
     *
     * @param red   red
     * @param green green
     * @param blue  blue
     */
    public record Color(int red, int green, int blue) {
    }

    public PoseComponent {
        points = List.copyOf(points);
        limbs = List.copyOf(limbs);
        colors = List.copyOf(colors);
        for (Limb l : limbs) {
            if (l.from() < 0 || l.to() < 0 || l.from() >= points.size() || l.to() >= points.size()) {
                throw new IllegalArgumentException("component " + name + ": limb " + l + " joins points outside its "
                        + points.size());
            }
        }
    }

    /** The spatial dimensions of a point ({@code format} less the confidence). */
    public int dims() {
        return format.length() - (format.endsWith("C") ? 1 : 0);
    }
}
