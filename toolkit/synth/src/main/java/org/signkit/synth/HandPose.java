package org.signkit.synth;

/**
 * One hand at one keyframe: where the wrist is relative to the neck base (in units of the signer's
 * height), which way the hand points, how much of the palm faces the camera, and its finger pose.
 *
 * @param x      wrist offset to the image right, in signer heights
 * @param y      wrist offset downwards, in signer heights
 * @param angle  direction from wrist to fingertips, degrees (0 = up, 90 = image right)
 * @param facing palm width seen by the camera, 0.3 (edge on) .. 1 (palm or back facing the camera)
 * @param shape  finger pose
 */
public record HandPose(double x, double y, double angle, double facing, HandShape shape) {
}
