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
 */
public record ExtractedVideo(String sourceVideo, String sha256, String settingsKey, SampleLabel label,
                             VideoStream stream, long decodedFrames, long outputFrames) {
}
