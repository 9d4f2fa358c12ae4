package org.signkit.video;

import org.signkit.core.SampleLabel;

/**
 * What was extracted from one video, stored as {@code video.json} beside its frames; a rerun with the
 * same input checksum and settings key reuses the frames instead of decoding again.
 *
 * @param sourceVideo   the video, relative to the input root
 * @param sha256        the video file's checksum
 * @param settingsKey   {@link ExtractionSettings#key()} of the run that wrote the frames
 * @param label         sign, signer, take
 * @param stream        the video's header facts
 * @param decodedFrames frames decoded from the source
 * @param outputFrames  frames written
 * @param framesSha256  checksum over the written frame files (each file's size and SHA-256, in manifest order): a
 *                      rerun reuses the frames only when they are all still there, unchanged
 */
public record ExtractedVideo(String sourceVideo, String sha256, String settingsKey, SampleLabel label,
                             VideoStream stream, long decodedFrames, long outputFrames, String framesSha256) {

    /** This record with the frames' checksum. */
    public ExtractedVideo withFramesSha256(String sha) {
        return new ExtractedVideo(sourceVideo, sha256, settingsKey, label, stream, decodedFrames, outputFrames, sha);
    }
}
