package org.signkit.video;

/**
 * Decides, frame by frame in presentation order, how many output frames each decoded source frame
 * becomes (0 = dropped, 1 = kept, more = duplicated). The decision about a frame is final only once
 * the next frame's timestamp is known, so {@link #offer} answers for the <em>previous</em> frame.
 */
public interface FrameSelector {

    /**
     * Takes the next source frame's timestamp (in the stream's time base, counted from the file's start)
     * and returns the number of output copies of the previously offered frame (0 for the first call).
     */
    int offer(long pts);

    /** Ends the stream at {@code endPts} (last pts plus its duration) and returns the last frame's copies. */
    int finish(long endPts);

    /** The selector that keeps every source frame once ({@code --fps source}). */
    static FrameSelector keepAll() {
        return new FrameSelector() {
            private boolean held;

            @Override
            public int offer(long pts) {
                boolean previous = held;
                held = true;
                return previous ? 1 : 0;
            }

            @Override
            public int finish(long endPts) {
                return held ? 1 : 0;
            }
        };
    }
}
