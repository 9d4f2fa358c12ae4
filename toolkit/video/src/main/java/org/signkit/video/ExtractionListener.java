package org.signkit.video;

/** Hears about a frame extraction run's progress, e.g. to draw a progress bar. Called from worker threads. */
public interface ExtractionListener {

    /** A video finished (extracted, reused or failed). */
    void videoDone(VideoOutcome outcome, int done, int total, long framesSoFar);

    /** Something the user should know (a stale lock taken over). */
    default void note(String message) {
        System.err.println("signkit frames: " + message);
    }

    /** Listens to nothing. */
    ExtractionListener NONE = (outcome, done, total, frames) -> { };
}
