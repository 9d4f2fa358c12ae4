package org.signkit.synth;

/**
 * Both hands at a moment of a sign.
 *
 * @param t     time as a fraction of the sign's duration, 0..1
 * @param right the signer's right (dominant) hand; on the image's left
 * @param left  the signer's left hand, or null to keep it at rest
 */
public record Keyframe(double t, HandPose right, HandPose left) {
}
