package org.signkit.train;

/** What a training run reports while it runs (a progress bar, a log, a test). */
public interface TrainingProgress {

    /** A step finished; loss and accuracy are the epoch's running means. */
    default void step(int epoch, int step, int steps, double loss, double accuracy, double imagesPerSecond) {
    }

    /** An epoch finished and its checkpoint is on disk. */
    default void epoch(EpochRecord record) {
    }

    /** Something the user should know (leakage warnings, resuming). */
    default void note(String message) {
    }
}
