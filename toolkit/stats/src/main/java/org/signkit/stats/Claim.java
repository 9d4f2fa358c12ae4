package org.signkit.stats;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A claim of a study checked against a planned test's verdict.
 *
 * @param kind      what is claimed
 * @param groups    the conditions it names
 * @param statement the claim in words
 * @param margin    the smallest difference that matters (accuracy points, e.g. 0.05): the equivalence margin of a
 *                  no-difference claim, and the yardstick of whether the design could decide any claim; NaN if none
 */
public record Claim(Kind kind, List<String> groups, String statement, double margin) {

    /** The kinds of claim. */
    public enum Kind {
        /** A named condition has the highest mean and the conditions differ. */
        BEST,
        /** The first condition is above the second. */
        GREATER,
        /** The conditions do not differ by more than the margin (tested by TOST, never by a non-significant p). */
        NO_DIFFERENCE;

        /** Parses {@code best}, {@code greater}, {@code no-difference}. */
        public static Kind parse(String s) {
            return valueOf(s.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        }

        /** The spec's name. */
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** Whether the run bears a claim out. */
    public enum Agreement {
        /** The test supports it. */
        AGREE,
        /** The test contradicts it. */
        DISAGREE,
        /** The test cannot tell. */
        UNDECIDED
    }

    /**
     * A claim's check.
     *
     * @param agreement agree, disagree or undecided
     * @param label     the short form shown beside the claim: {@code equivalent}, {@code not equivalent},
     *                  {@code undecided (MDE 0.083)}, {@code agree}, {@code disagree}, {@code inconclusive (MDE 0.083)}
     * @param decidable whether the design could have decided the claim at 80% power (against the margin)
     * @param reason    why, in a sentence
     */
    public record Check(Agreement agreement, String label, boolean decidable, String reason) {
    }

    /** Checks this claim against a verdict of a test on the claim's groups. */
    public Check check(Verdict v, Map<String, double[]> values) {
        if (v.outcome() == Verdict.Outcome.NOT_COMPUTABLE) {
            return new Check(Agreement.UNDECIDED, kind == Kind.NO_DIFFERENCE ? "undecided" : "inconclusive", false,
                    "the test is not computable: " + v.reason());
        }
        double mde = v.power().mde();
        String mdeText = Verdict.num(mde);
        return switch (kind) {
            case NO_DIFFERENCE -> noDifference(v, mdeText);
            case GREATER -> {
                boolean decidable = decidable(mde, Math.abs(Verdict.mean(values.get(groups.get(0))) - Verdict.mean(values.get(groups.get(1)))));
                if (v.outcome() == Verdict.Outcome.SIGNIFICANT && v.difference() > 0) {
                    yield new Check(Agreement.AGREE, "agree", decidable, groups.get(0) + " is significantly above " + groups.get(1));
                }
                if (v.pOpposite() < v.alpha()) {
                    yield new Check(Agreement.DISAGREE, "disagree", decidable, groups.get(0) + " is significantly below " + groups.get(1));
                }
                yield new Check(Agreement.UNDECIDED, "inconclusive (MDE " + mdeText + ")", decidable, powerReason(mde, decidable));
            }
            case BEST -> {
                boolean decidable = decidable(mde, Double.NaN);
                String best = Verdict.best(values);
                if (v.outcome() != Verdict.Outcome.SIGNIFICANT) {
                    yield new Check(Agreement.UNDECIDED, "inconclusive (MDE " + mdeText + ")", decidable, powerReason(mde, decidable));
                }
                yield groups.contains(best)
                        ? new Check(Agreement.AGREE, "agree", decidable, best + " has the highest mean and the conditions differ")
                        : new Check(Agreement.DISAGREE, "disagree", decidable, best + ", not " + String.join("/", groups)
                                + ", has the highest mean and the conditions differ");
            }
        };
    }

    private Check noDifference(Verdict v, String mdeText) {
        Equivalence.Result e = v.equivalence();
        if (e == null) {
            return new Check(Agreement.UNDECIDED, "undecided (MDE " + mdeText + ")", false,
                    "no equivalence margin declared (claim.margin): a non-significant difference is not evidence of none");
        }
        boolean decidable = v.power().equivalenceMargin() <= margin;
        String interval = String.format(Locale.ROOT, "the %.0f%% CI of the difference [%s, %s]", 100 * (1 - 2 * e.alpha()),
                Verdict.num(e.ciLow()), Verdict.num(e.ciHigh()));
        String reach = "TOST could show equivalence at 80% power for margins of " + Verdict.num(v.power().equivalenceMargin())
                + " or more; declared ±" + Verdict.num(margin);
        return switch (e.outcome()) {
            case EQUIVALENT -> new Check(Agreement.AGREE, "equivalent", decidable, interval + " lies within ±" + Verdict.num(margin));
            case NOT_EQUIVALENT -> new Check(Agreement.DISAGREE, "not equivalent", decidable, interval + " lies outside ±" + Verdict.num(margin));
            case UNDECIDED -> new Check(Agreement.UNDECIDED, "undecided (MDE " + mdeText + ")", decidable,
                    interval + " crosses ±" + Verdict.num(margin) + "; " + reach);
        };
    }

    private boolean decidable(double mde, double observed) {
        double yardstick = Double.isNaN(margin) ? observed : margin;
        return !Double.isNaN(yardstick) && mde <= yardstick;
    }

    private String powerReason(double mde, boolean decidable) {
        String against = Double.isNaN(margin) ? "the observed difference" : "the margin " + Verdict.num(margin);
        return "not significant; the design detects differences of " + Verdict.num(mde) + " or more at 80% power ("
                + (decidable ? "enough" : "not enough") + " for " + against + ")";
    }
}
