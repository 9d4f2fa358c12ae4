package org.signkit.augment;

/**
 * A labelled pixel box (e.g. {@code right_hand}, {@code face}); coordinates are continuous pixel
 * positions, {@code x1,y1} exclusive.
 */
public record LabeledBox(String label, double x0, double y0, double x1, double y1) {
}
