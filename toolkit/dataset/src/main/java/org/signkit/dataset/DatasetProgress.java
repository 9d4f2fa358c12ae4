package org.signkit.dataset;

/** Where a long dataset task (import, check, annotate, release) stands, for a progress bar. */
@FunctionalInterface
public interface DatasetProgress {

    /** Silence. */
    DatasetProgress NONE = (task, done, total, item) -> { };

    /**
     * Called after each item.
     *
     * @param task  what runs, e.g. "check"
     * @param done  items done
     * @param total items in all
     * @param item  the item just done (a video path)
     */
    void step(String task, int done, int total, String item);
}
