package org.signkit.stats;

import java.util.Locale;

/** What a planned test compares. */
public enum Comparison {
    /** Do the conditions differ at all? One-way test over all of them, then post-hoc pairs. */
    OMNIBUS("anova"),
    /** Two conditions, one- or two-sided. */
    TWO_GROUPS("ttest"),
    /** Every pair of conditions, with a multiple-comparison correction. */
    PAIRWISE("pairwise");

    private final String id;

    Comparison(String id) {
        this.id = id;
    }

    /** The spec's and the CLI's name: {@code anova}, {@code ttest} or {@code pairwise}. */
    public String id() {
        return id;
    }

    /** Parses {@link #id()}. */
    public static Comparison parse(String s) {
        String k = s.trim().toLowerCase(Locale.ROOT);
        for (Comparison c : values()) {
            if (c.id.equals(k)) {
                return c;
            }
        }
        throw new IllegalArgumentException("comparison must be anova, ttest or pairwise: " + s);
    }
}
