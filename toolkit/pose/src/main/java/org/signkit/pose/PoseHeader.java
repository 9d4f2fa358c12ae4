package org.signkit.pose;

import java.util.List;

/**
 * A pose file's header: format version, the video's frame size and depth, and the components.
 *
 * @param version    format version (0.1 or 0.2), kept as the file holds it
 * @param width      video width, pixels
 * @param height     video height, pixels
 * @param depth      depth range (0 for 2-D)
 * @param components the components, in body order
 */
public record PoseHeader(float version, int width, int height, int depth, List<PoseComponent> components) {

    public PoseHeader {
        components = List.copyOf(components);
    }

    /** Points of all components together: the body's point axis. */
    public int points() {
        return components.stream().mapToInt(c -> c.points().size()).sum();
    }

    /** The body's dimension axis: the most dimensions of any component. */
    public int dims() {
        return components.stream().mapToInt(PoseComponent::dims).max().orElse(0);
    }

    /** The index on the body's point axis of a component's first point. */
    public int offset(String component) {
        int k = 0;
        for (PoseComponent c : components) {
            if (c.name().equals(component)) {
                return k;
            }
            k += c.points().size();
        }
        throw new IllegalArgumentException("no component " + component + " (components: "
                + components.stream().map(PoseComponent::name).toList() + ")");
    }
}
