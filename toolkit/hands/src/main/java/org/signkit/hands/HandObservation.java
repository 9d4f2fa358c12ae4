package org.signkit.hands;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One hand in one frame as a method found it.
 *
 * @param box        the hand's box in the frame's pixels, or null when the hand was not found
 * @param confidence the method's confidence in [0, 1]; 0 when absent
 * @param landmarks  MediaPipe's 21 hand landmarks (x, y in the frame's pixels, z relative depth), or null
 *                   for methods that give none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HandObservation(ImageBox box, double confidence, double[][] landmarks) {

    /** A hand the method did not find. */
    public static final HandObservation ABSENT = new HandObservation(null, 0, null);

    /** True when the hand was found. */
    @JsonIgnore
    public boolean present() {
        return box != null;
    }

    /** A found hand without landmarks. */
    public static HandObservation of(ImageBox box, double confidence) {
        return new HandObservation(box, confidence, null);
    }

    /** This observation in an image scaled by {@code sx, sy} after moving the origin to {@code (ox, oy)}. */
    public HandObservation mapped(double ox, double oy, double sx, double sy) {
        if (box == null) {
            return this;
        }
        return new HandObservation(box.mapped(ox, oy, sx, sy), confidence, ImageBox.mappedPoints(landmarks, ox, oy, sx, sy));
    }
}
