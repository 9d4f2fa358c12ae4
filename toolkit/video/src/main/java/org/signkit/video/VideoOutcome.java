package org.signkit.video;

/**
 * How one input video fared in a frame extraction run.
 *
 * @param video  the video, relative to the input root
 * @param status extracted now, reused from a previous run, or failed
 * @param frames frames in the output (0 when failed)
 * @param error  the reason when failed, naming the file and the fix; null otherwise
 */
public record VideoOutcome(String video, Status status, long frames, String error) {

    /** What happened to a video. */
    public enum Status { EXTRACTED, REUSED, FAILED }
}
