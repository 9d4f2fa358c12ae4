package org.signkit.hands;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Where the face and the two hands are in one frame. The dominant hand is the one the signer signs
 * with (the signer's right hand unless the job is told otherwise); a horizontal flip swaps the two.
 *
 * @param face           the face box, or null when no face was found
 * @param faceConfidence the method's confidence in the face, 0 when absent
 * @param dominant       the dominant hand
 * @param nonDominant    the other hand
 * @param faceKeypoints  BlazeFace's 6 keypoints {@code {x, y}} ({@link #FACE_KEYPOINTS}), or null for methods
 *                       that give none
 */
public record FrameHands(ImageBox face, double faceConfidence, HandObservation dominant, HandObservation nonDominant,
                         @JsonInclude(JsonInclude.Include.NON_NULL) double[][] faceKeypoints) {

    /** BlazeFace's keypoints, in its output order. */
    public static final List<String> FACE_KEYPOINTS = List.of("RIGHT_EYE", "LEFT_EYE", "NOSE_TIP", "MOUTH_CENTER",
            "RIGHT_EAR_TRAGION", "LEFT_EAR_TRAGION");

    public FrameHands {
        dominant = dominant == null ? HandObservation.ABSENT : dominant;
        nonDominant = nonDominant == null ? HandObservation.ABSENT : nonDominant;
    }

    /** A frame without face keypoints. */
    public FrameHands(ImageBox face, double faceConfidence, HandObservation dominant, HandObservation nonDominant) {
        this(face, faceConfidence, dominant, nonDominant, null);
    }

    /** This frame's boxes in an image scaled by {@code sx, sy} after moving the origin to {@code (ox, oy)}. */
    public FrameHands mapped(double ox, double oy, double sx, double sy) {
        return new FrameHands(face == null ? null : face.mapped(ox, oy, sx, sy), faceConfidence,
                dominant.mapped(ox, oy, sx, sy), nonDominant.mapped(ox, oy, sx, sy),
                ImageBox.mappedPoints(faceKeypoints, ox, oy, sx, sy));
    }
}
