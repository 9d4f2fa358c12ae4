package org.signkit.video;

/**
 * How one input video fared in a frame extraction run.
 *
 * @param video  the video, relative to the input root
 * @param status extracted now, redone (a finished take whose frames were missing or changed), reused from a
 *               previous run, or failed
 * @param frames frames in the output (0 when failed)
 * @param error  the reason when failed (naming the file and the fix) or redone; null otherwise
 */
public record VideoOutcome(String video, Status status, long frames, String error) {

    /** What happened to a video. */
    public enum Status { EXTRACTED, REDONE, REUSED, FAILED }
}
