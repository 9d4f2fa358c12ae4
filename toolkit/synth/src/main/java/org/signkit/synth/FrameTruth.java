package org.signkit.synth;

/**
 * Ground truth of one rendered frame.
 *
 * @param index     frame index in the video
 * @param seconds   capture time of the frame's exposure start
 * @param person    person mask (pixels covered by the signer for at least half the exposure), COCO RLE
 * @param face      face box (head with hair)
 * @param rightHand the signer's right hand box (all positions during the exposure)
 * @param leftHand  the signer's left hand box
 */
public record FrameTruth(int index, double seconds, MaskRle person, Box face, Box rightHand, Box leftHand) {
}
