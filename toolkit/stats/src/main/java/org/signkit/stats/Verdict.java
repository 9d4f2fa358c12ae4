package org.signkit.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a planned test found, everything a caller renders: the test the rule chose and why, the statistic,
 * the effect size, the pairs, the assumption checks, what the design could detect, the equivalence test when
 * a margin was given, and the verdict in words. Made by {@link TestPlan#run}; the CLI, the experiment
 * analysis and the report only print it.
 *
 * @param measure     what was measured, in words
 * @param comparison  omnibus, two groups or pairwise
 * @param outcome     significant, not significant or not computable
 * @param test        the test used, in words ({@code Welch's ANOVA}, {@code paired t-test})
 * @param rule        why that test: the rule's branch that chose it
 * @param statistic   the test statistic (null when not computable)
 * @param alpha       significance level
 * @param difference  two groups: mean of the first minus the second (paired: mean difference); NaN otherwise
 * @param pOpposite   one-sided two-group tests: the p-value of the opposite alternative; NaN otherwise
 * @param effect      effect size with its 95% CI (η², partial η², Hedges' g), or null
 * @param pairs       post-hoc or pairwise comparisons
 * @param checks      assumption checks and design notes
 * @param power       what the design could detect (null when not computable)
 * @param equivalence TOST against the margin, or null when no margin was given
 * @param wording     the verdict in one sentence; never "accept H0"
 * @param reason      why the test is not computable, or null
 */
public record Verdict(String measure, Comparison comparison, Outcome outcome, String test, String rule, Statistic statistic,
                      double alpha, double difference, double pOpposite, EffectSizes.Interval effect, List<PairTest> pairs,
                      List<Check> checks, Detectable power, Equivalence.Result equivalence, String wording, String reason) {

    /** A test's outcome. */
    public enum Outcome {
        /** p &lt; α. */
        SIGNIFICANT,
        /** p ≥ α: no significant difference at α, which is not evidence of no difference. */
        NOT_SIGNIFICANT,
        /** Too few trials, or no spread to test against. */
        NOT_COMPUTABLE
    }

    /**
     * A test statistic.
     *
     * @param name  {@code F}, {@code t}, {@code H} or {@code U}
     * @param value its value
     * @param df1   (numerator) degrees of freedom, NaN for U
     * @param df2   denominator degrees of freedom of F, NaN otherwise
     * @param p     p-value
     */
    public record Statistic(String name, double value, double df1, double df2, double p) {

        /** {@code F(2, 3.91) = 4.12}. */
        public String text() {
            String df = Double.isNaN(df1) ? "" : Double.isNaN(df2) ? "(" + num(df1) + ")" : "(" + num(df1) + ", " + num(df2) + ")";
            return name + df + " = " + num(value);
        }
    }

    /**
     * One pair of a post-hoc or pairwise family.
     *
     * @param first      first condition
     * @param second     second condition
     * @param difference mean of first minus second (paired: mean difference)
     * @param statistic  q (Tukey, Games–Howell), t or U
     * @param df         degrees of freedom (NaN for U)
     * @param p          unadjusted p-value (NaN where the method adjusts inherently: Tukey, Games–Howell)
     * @param pAdjusted  family-wise adjusted p-value
     * @param ciLow      lower confidence bound of the difference (simultaneous for Tukey and Games–Howell; NaN for U)
     * @param ciHigh     upper bound
     */
    public record PairTest(String first, String second, double difference, double statistic, double df, double p,
                           double pAdjusted, double ciLow, double ciHigh) {
    }

    /**
     * An assumption check or design note.
     *
     * @param check     {@code shapiro-wilk}, {@code brown-forsythe} or {@code blocks}
     * @param group     the condition it concerns, or {@code all}
     * @param statistic W, F, or the number of blocks
     * @param p         p-value (NaN for notes)
     * @param finding   what it means, in words
     */
    public record Check(String check, String group, double statistic, double p, String finding) {
    }

    /**
     * What the design could detect at {@link Power#TARGET} power, from the observed variance.
     *
     * @param mde               minimum detectable difference of means
     * @param equivalenceMargin smallest margin TOST could show equivalence for when the true difference is 0
     * @param basis             how it was computed
     * @param spread            the observed spread it rests on: the standard error (t-tests) or the error variance (F)
     */
    public record Detectable(double mde, double equivalenceMargin, String basis, double spread) {
    }

    /** A verdict without a test: too few trials or no spread. */
    static Verdict notComputable(String measure, Comparison c, double alpha, String reason, List<Check> checks) {
        return new Verdict(measure, c, Outcome.NOT_COMPUTABLE, "-", "-", null, alpha, Double.NaN, Double.NaN, null, List.of(),
                checks, null, null, "not computable: " + reason, reason);
    }

    /** The p-value, NaN when not computable. */
    public double p() {
        return statistic == null ? Double.NaN : statistic.p();
    }

    /** Numbers as the verdicts print them: 4 significant digits. */
    public static String num(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return Long.toString((long) v);
        }
        // 4 significant digits, without the padding zeros of %g (0.05, not 0.05000).
        String s = String.format(Locale.ROOT, "%.4g", v);
        int e = s.indexOf('e');
        String mantissa = e < 0 ? s : s.substring(0, e);
        if (mantissa.contains(".")) {
            mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return e < 0 ? mantissa : mantissa + s.substring(e);
    }

    /** p-values as the verdicts print them. */
    public static String p(double p) {
        return p < 1e-4 ? String.format(Locale.ROOT, "%.2e", p) : String.format(Locale.ROOT, "%.4f", p);
    }

    static double mean(double[] v) {
        return Arrays.stream(v).average().orElse(Double.NaN);
    }

    /** The condition with the highest mean. */
    static String best(Map<String, double[]> values) {
        return values.entrySet().stream().max(Comparator.comparingDouble(e -> mean(e.getValue()))).map(Map.Entry::getKey).orElse("-");
    }
}
