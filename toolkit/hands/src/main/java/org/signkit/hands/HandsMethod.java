package org.signkit.hands;

/** How {@code signkit hands} finds faces and hands. */
public enum HandsMethod {
    /** MediaPipe's palm detector, hand landmarker and BlazeFace (pretrained, Apache-2.0) through OpenCV DNN. */
    MEDIAPIPE,
    /** Classical: skin colour within the person mask, shape and tracking through the take. */
    SKIN,
    /** The synthetic data's ground truth (scoring and upper bounds only; a real dataset has none). */
    TRUTH;

    /** The name the command line and specs use. */
    @com.fasterxml.jackson.annotation.JsonValue
    public String id() {
        return EnumIds.id(this);
    }

    /** The method called {@code id}, or an error listing the choices. */
    @com.fasterxml.jackson.annotation.JsonCreator
    public static HandsMethod parse(String id) {
        return EnumIds.parse(HandsMethod.class, id, "hands method");
    }
}
