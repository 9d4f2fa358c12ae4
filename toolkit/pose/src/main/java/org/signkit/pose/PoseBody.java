package org.signkit.pose;

/**
 * A pose file's body: {@code frames × people × points × dims} coordinates and {@code frames × people × points}
 * confidences, row-major, float32 as the format stores them (a missing point has confidence 0).
 *
 * @param fps        frames per second
 * @param frames     number of frames
 * @param people     people per frame
 * @param data       coordinates, length {@code frames * people * points * dims}
 * @param confidence confidences, length {@code frames * people * points}
 */
public record PoseBody(float fps, int frames, int people, float[] data, float[] confidence) {

    /** Coordinate {@code dim} of a point. */
    public float value(PoseHeader header, int frame, int person, int point, int dim) {
        return data[((frame * people + person) * header.points() + point) * header.dims() + dim];
    }

    /** Confidence of a point. */
    public float confidence(PoseHeader header, int frame, int person, int point) {
        return confidence[(frame * people + person) * header.points() + point];
    }
}
