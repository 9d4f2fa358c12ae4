package org.signkit.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.signkit.video.ExtractionListener;
import org.signkit.video.VideoOutcome;

/**
 * Progress of a multi-file job: a redrawn bar (files, frames/s, ETA) on a terminal, one plain line
 * per file otherwise (logs, CI).
 */
final class Progress implements ExtractionListener, org.signkit.dataset.DatasetProgress {

    private final String task;
    private final boolean terminal;
    private final PrintStream out = System.err;
    private final long start = System.nanoTime();
    private boolean drew;

    private Progress(String task, boolean terminal) {
        this.task = task;
        this.terminal = terminal;
    }

    static Progress forConsole(String task) {
        return new Progress(task, System.console() != null);
    }

    @Override
    public synchronized void videoDone(VideoOutcome o, int done, int total, long frames) {
        double secs = (System.nanoTime() - start) / 1e9;
        double rate = frames / Math.max(secs, 1e-9);
        double eta = done == 0 ? 0 : secs / done * (total - done);
        if (terminal) {
            int width = 30;
            int filled = total == 0 ? width : width * done / total;
            out.printf(Locale.ROOT, "\r%s [%s%s] %d/%d files  %d frames  %.0f fr/s  ETA %s ", task,
                    "#".repeat(filled), ".".repeat(width - filled), done, total, frames, rate, clock(eta));
            drew = true;
            if (o.status() == VideoOutcome.Status.FAILED) {
                out.println();
                out.println("  failed: " + o.error());
            }
        } else {
            out.printf(Locale.ROOT, "%s %d/%d %s %s (%d frames, %.0f fr/s, ETA %s)%s%n", task, done, total,
                    o.status().name().toLowerCase(Locale.ROOT), o.video(), o.frames(), rate, clock(eta),
                    o.error() == null ? "" : ": " + o.error());
        }
    }

    /** A dataset task's step: the bar on a terminal, a line per item otherwise. */
    @Override
    public synchronized void step(String name, int done, int total, String item) {
        double secs = (System.nanoTime() - start) / 1e9;
        double eta = done == 0 ? 0 : secs / done * (total - done);
        if (terminal) {
            int width = 30;
            int filled = total == 0 ? width : width * done / total;
            out.printf(Locale.ROOT, "\r%s [%s%s] %d/%d  ETA %s ", name, "#".repeat(filled), ".".repeat(width - filled), done, total,
                    clock(eta));
            drew = true;
        } else {
            out.printf(Locale.ROOT, "%s %d/%d %s (ETA %s)%n", name, done, total, item, clock(eta));
        }
    }

    synchronized void finish() {
        if (drew) {
            out.println();
        }
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%02d:%02d", s / 60, s % 60);
    }
}
