package org.signkit.stats;

/**
 * Whether the parametric tests assume equal variances. Welch's tests are the default (Delacre, Lakens and
 * Leys 2017): they lose almost nothing when variances are equal, and a variance pre-test has next to no power
 * with 3 trials per condition, so it cannot justify the classic tests.
 */
public enum VarianceRule {
    /** Welch's t and Welch's F, Games–Howell pairs. */
    WELCH,
    /** Student's t and the classic F with Tukey's HSD, as asked; Brown–Forsythe rejecting equal variances overrides it. */
    CLASSIC
}
