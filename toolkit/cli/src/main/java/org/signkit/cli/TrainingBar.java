package org.signkit.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.signkit.train.EpochRecord;
import org.signkit.train.TrainingProgress;

/**
 * Training progress: a redrawn bar per epoch on a terminal (loss, accuracy, images/s), one line per epoch otherwise.
 * A labelled one (a trial of an experiment, which may train beside others) prints its label before each line and no bar.
 */
final class TrainingBar implements TrainingProgress {

    private final PrintStream out = System.err;
    private final boolean terminal;
    private final int epochs;
    private final String prefix;

    TrainingBar(int epochs) {
        this.epochs = epochs;
        this.terminal = System.console() != null;
        this.prefix = "";
    }

    TrainingBar(int epochs, String label) {
        this.epochs = epochs;
        this.terminal = false;
        this.prefix = label + ": ";
    }

    @Override
    public void step(int epoch, int step, int steps, double loss, double accuracy, double imagesPerSecond) {
        if (!terminal) {
            return;
        }
        int width = 25;
        int filled = width * step / Math.max(1, steps);
        out.printf(Locale.ROOT, "\repoch %d/%d [%s%s] %d/%d  loss %.4f  acc %.3f  %.1f img/s ", epoch, epochs,
                "#".repeat(filled), ".".repeat(width - filled), step, steps, loss, accuracy, imagesPerSecond);
    }

    @Override
    public void epoch(EpochRecord r) {
        if (terminal) {
            out.println();
        }
        out.printf(Locale.ROOT, "%sepoch %d/%d  lr %.2e  train loss %.4f acc %.3f  test loss %.4f acc %.3f%s%s  %.1f img/s  %.0f s%n",
                prefix, r.epoch(), epochs, r.learningRate(), r.trainLoss(), r.trainAccuracy(), r.testLoss(), r.testAccuracy(),
                Double.isNaN(r.validationAccuracy()) ? "" : String.format(Locale.ROOT, "  validation acc %.3f",
                        r.validationAccuracy()),
                Double.isNaN(r.monitorLoss()) ? "" : String.format(Locale.ROOT, "  monitor loss %.4f", r.monitorLoss()),
                r.imagesPerSecond(), r.seconds());
    }

    @Override
    public void note(String message) {
        out.println(prefix.isEmpty() ? "signkit train: " + message : prefix + message);
    }
}
