package org.signkit.synth;

import java.util.List;

/**
 * Ground truth of one rendered frame.
 *
 * @param index      frame index in the video
 * @param seconds    capture time of the frame's exposure start
 * @param person     person mask (pixels covered by the signer for at least half the exposure), COCO RLE
 * @param face       face box (head with hair)
 * @param rightHand  the signer's right hand box (all positions during the exposure)
 * @param leftHand   the signer's left hand box
 * @param keypoints  the drawn skeleton's keypoints, mean over the exposure (null in truth files written before they
 *                   were recorded)
 */
public record FrameTruth(int index, double seconds, MaskRle person, Box face, Box rightHand, Box leftHand,
                         Keypoints keypoints) {

    /** MediaPipe Pose's names of the body points {@link Keypoints#body()} holds, in order. */
    public static final List<String> BODY_POINTS = List.of("NOSE", "LEFT_SHOULDER", "RIGHT_SHOULDER", "LEFT_ELBOW",
            "RIGHT_ELBOW", "LEFT_WRIST", "RIGHT_WRIST");

    /**
     * Keypoints of the figure as drawn, in source pixels {@code {x, y}}, in MediaPipe's orders so that a landmarker's
     * output compares point for point. The drawn fingers have two segments: a finger's MCP is its base, PIP the joint,
     * TIP the end and DIP the middle of the last segment; the thumb's CMC is midway between the wrist and the thumb's
     * base (its MCP).
     *
     * @param rightHand the right hand's 21 points (MediaPipe hand landmark order)
     * @param leftHand  the left hand's 21 points
     * @param body      {@link #BODY_POINTS}
     */
    public record Keypoints(double[][] rightHand, double[][] leftHand, double[][] body) {
    }
}
