package org.signkit.core;

import java.util.Locale;

/**
 * What a train/test split keeps together. Neighbouring frames of one take are near-duplicates, so a
 * frame-level split (the study's) puts almost the same image on both sides and overstates accuracy;
 * take- and signer-level splits do not.
 */
public enum SplitStrategy {
    /** Each frame on its own (the study's random 80/20): leaks between train and test. */
    FRAME,
    /** Every frame of a take (one video) on the same side. */
    TAKE,
    /** Every frame of a signer on the same side: tests generalisation to new people. */
    SIGNER;

    /** The key of the group a frame belongs to. */
    public String groupOf(FrameRecord r, int index) {
        return switch (this) {
            case FRAME -> "frame:" + index;
            case TAKE -> r.label().sign() + "/" + r.label().signer() + "/" + r.label().take() + "/" + r.sourceVideo();
            case SIGNER -> r.label().signer();
        };
    }

    /** Parses {@code frame}, {@code take} or {@code signer}. */
    public static SplitStrategy parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown split '" + s + "'; choose frame, take or signer", e);
        }
    }

    /** The lower-case name used on the command line and in files. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
