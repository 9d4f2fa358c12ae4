package org.signkit.augment;

/** A labelled point in pixel coordinates (pixel centres at integer positions). */
public record Keypoint(String label, double x, double y) {
}
