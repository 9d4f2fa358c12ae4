package org.signkit.video;

/**
 * What a video file's header says about its first video stream.
 *
 * @param container      container format name(s) as FFmpeg reports them, e.g. {@code mov,mp4,m4a,3gp,3g2,mj2}
 * @param codec          codec name, e.g. {@code h264}
 * @param width          coded width in pixels (before rotation)
 * @param height         coded height in pixels (before rotation)
 * @param rotation       clockwise rotation to apply for display: 0, 90, 180 or 270 degrees
 * @param timeBase       stream time base: seconds per pts unit
 * @param rFrameRate     FFmpeg's {@code r_frame_rate} (lowest rate that represents all timestamps)
 * @param avgFrameRate   FFmpeg's {@code avg_frame_rate}
 * @param declaredFrames frame count in the header, 0 when unknown (often wrong: count by decoding)
 * @param startPts       the file's start time in this stream's time base; pts are counted from it
 */
public record VideoStream(String container, String codec, int width, int height, int rotation, Rational timeBase,
                          Rational rFrameRate, Rational avgFrameRate, long declaredFrames, long startPts) {

    /** Width after rotation is applied. */
    public int displayWidth() {
        return rotation % 180 == 0 ? width : height;
    }

    /** Height after rotation is applied. */
    public int displayHeight() {
        return rotation % 180 == 0 ? height : width;
    }

    /** The capture rate to report: the average rate, or r_frame_rate when the average is unknown. */
    public Rational captureFps() {
        return avgFrameRate.isPositive() ? avgFrameRate : rFrameRate;
    }

    /** Seconds of a pts counted from the file start. */
    public double seconds(long pts) {
        return pts * timeBase.toDouble();
    }
}
