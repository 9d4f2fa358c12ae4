package org.signkit.stats;

/** The alternative hypothesis of a test, as scipy's {@code alternative=} and R's {@code alternative=}. */
public enum Alternative {
    /** The difference is not zero. */
    TWO_SIDED,
    /** The first group's mean is below the second's. */
    LESS,
    /** The first group's mean is above the second's. */
    GREATER;

    /** Parses {@code two-sided}, {@code less}, {@code greater}. */
    public static Alternative parse(String s) {
        return switch (s.trim().toLowerCase(java.util.Locale.ROOT).replace('_', '-')) {
            case "two-sided" -> TWO_SIDED;
            case "less" -> LESS;
            case "greater" -> GREATER;
            default -> throw new IllegalArgumentException("alternative must be two-sided, less or greater: " + s);
        };
    }
}
