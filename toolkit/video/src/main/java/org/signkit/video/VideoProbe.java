package org.signkit.video;

/**
 * A video's facts as {@code signkit probe} reports them: header facts plus what decoding every frame
 * found (headers often miscount frames, and phones record variable frame rate).
 *
 * @param file             the video path as given
 * @param stream           header facts of the first video stream
 * @param decodedFrames    frames counted by decoding
 * @param durationSeconds  last pts plus its frame duration, from the file's start
 * @param minFrameMs       shortest frame duration (pts step), milliseconds
 * @param maxFrameMs       longest frame duration, milliseconds
 * @param meanFrameMs      mean frame duration, milliseconds
 * @param variableFrameRate true when frame durations spread by more than 10% of their median
 * @param decodeErrors     packets the decoder rejected
 */
public record VideoProbe(String file, VideoStream stream, long decodedFrames, double durationSeconds,
                         double minFrameMs, double maxFrameMs, double meanFrameMs, boolean variableFrameRate,
                         long decodeErrors) {

    /** Relative spread of frame durations above which a video is flagged as variable frame rate. */
    public static final double VFR_SPREAD = 0.10;
}
