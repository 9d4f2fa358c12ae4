package org.signkit.synth;

/**
 * A hand as drawn at one instant: wrist position, direction, palm facing and per-finger curl.
 *
 * @param x      wrist offset right of the neck base, signer heights
 * @param y      wrist offset below the neck base, signer heights
 * @param angle  wrist-to-fingertip direction, degrees (0 up, 90 image right)
 * @param facing visible palm width factor
 * @param curls  curl of thumb, index, middle, ring, little finger (0..1)
 * @param spread finger spread (0..1)
 */
public record HandState(double x, double y, double angle, double facing, double[] curls, double spread) {
}
