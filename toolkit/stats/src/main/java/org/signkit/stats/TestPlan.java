package org.signkit.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The one decision rule for repeated trials: which test a planned comparison uses, its post-hoc pairs and
 * correction, the equivalence test, what the design could detect, and the verdict in words. The CLI
 * ({@code signkit stats compare}), the experiment analysis and the report all go through {@link #run}, so the
 * same trials get the same verdict whatever the entry point. The rule is {@link #RULE}.
 *
 * @param comparison  omnibus, two groups or pairwise
 * @param alpha       significance level
 * @param alternative two groups: two-sided, greater or less (first vs second); the others are two-sided
 * @param correction  the correction of pairwise families (post-hoc pairs of blocked and rank tests, pairwise)
 * @param variances   Welch (default) or classic, as asked
 * @param margin      equivalence margin δ for TOST (same unit as the values), NaN for none
 */
public record TestPlan(Comparison comparison, double alpha, Alternative alternative, Corrections correction,
                       VarianceRule variances, double margin) {

    /** Fewer trials per condition than this leave neither the spread nor normality to judge. */
    public static final int MIN_TRIALS = 3;

    /**
     * Rank tests need this many trials per condition: with 3 against 3, Mann–Whitney's smallest two-sided p is 0.1, so
     * switching to it below 5 would trade a doubtful assumption for a test that cannot reject at all.
     */
    public static final int RANK_MIN_TRIALS = 5;

    /** The rule, as printed with the results. */
    public static final String RULE = "Each condition needs at least " + MIN_TRIALS + " trials with some spread, else the test is"
            + " not computable. Trials are blocked when every compared condition has the same " + MIN_TRIALS + " or more blocks"
            + " (repeats sharing seed, split and data order): then paired t-tests, or a repeated-measures ANOVA with paired"
            + " post-hoc t-tests (corrected). Otherwise Welch's t-test, or Welch's ANOVA with Games-Howell pairs; Student's t"
            + " and the classic ANOVA with Tukey's HSD only when asked, and only while Brown-Forsythe does not reject equal"
            + " variances. When Shapiro-Wilk rejects normality in any condition and every condition has " + RANK_MIN_TRIALS
            + " or more trials, the rank test instead: Mann-Whitney, or Kruskal-Wallis with corrected Mann-Whitney pairs (blocks"
            + " then unused); with fewer the parametric test stays (a rank test could not reject) and the checks say so. A claim of no difference is tested by"
            + " TOST against its margin. Every test reports the smallest difference it detects with 80 percent power.";

    public TestPlan {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1): " + alpha);
        }
        if (!Double.isNaN(margin) && !(margin > 0)) {
            throw new IllegalArgumentException("an equivalence margin must be positive: " + margin);
        }
        if (comparison != Comparison.TWO_GROUPS && alternative != Alternative.TWO_SIDED) {
            throw new IllegalArgumentException("a one-sided alternative needs a two-group comparison (ttest)");
        }
    }

    /** The defaults: α = 0.05, two-sided, Holm, Welch, no margin. */
    public static TestPlan of(Comparison comparison) {
        return new TestPlan(comparison, 0.05, Alternative.TWO_SIDED, Corrections.HOLM, VarianceRule.WELCH, Double.NaN);
    }

    /** This plan with an equivalence margin. */
    public TestPlan withMargin(double m) {
        return new TestPlan(comparison, alpha, alternative, correction, variances, m);
    }

    /** Runs the plan on the trials. */
    public Verdict run(Trials trials) {
        Map<String, double[]> g = trials.values();
        String measure = trials.measure();
        if (g.size() < 2) {
            throw new IllegalArgumentException("a comparison needs at least 2 conditions, found " + g.keySet());
        }
        if (comparison == Comparison.TWO_GROUPS && g.size() != 2) {
            throw new IllegalArgumentException("a two-group test compares exactly 2 conditions, found " + g.keySet());
        }
        List<Verdict.Check> checks = new ArrayList<>();
        for (Map.Entry<String, double[]> e : g.entrySet()) {
            double[] v = e.getValue();
            if (v.length < MIN_TRIALS) {
                return Verdict.notComputable(measure, comparison, alpha, String.format(Locale.ROOT,
                        "'%s' has %d trial%s; a planned test needs at least %d per condition", e.getKey(), v.length,
                        v.length == 1 ? "" : "s", MIN_TRIALS), checks);
            }
            if (Samples.variance(Samples.check(e.getKey(), v, MIN_TRIALS)) == 0) {
                return Verdict.notComputable(measure, comparison, alpha, String.format(Locale.ROOT,
                        "'%s' has zero variance (all %d trials = %s), so there is no spread to test against", e.getKey(),
                        v.length, Verdict.num(v[0])), checks);
            }
        }
        Map<String, double[]> aligned = aligned(trials, checks);
        List<String> nonNormal = new ArrayList<>();
        g.forEach((name, v) -> {
            ShapiroWilk.Result r = ShapiroWilk.test(v);
            boolean rejects = r.p() < alpha;
            if (rejects) {
                nonNormal.add(name);
            }
            checks.add(new Verdict.Check("shapiro-wilk", name, r.w(), r.p(), rejects ? "departs from normal"
                    : "no significant departure from normal (with " + v.length + " trials the check has little power)"));
        });
        AnovaResult bf = OneWayAnova.brownForsythe(g);
        boolean unequal = bf.p() < alpha;
        checks.add(new Verdict.Check("brown-forsythe", "all", bf.f(), bf.p(), unequal ? "variances differ"
                : "no significant difference in variances (a pre-test this small has little power)"));
        int smallest = g.values().stream().mapToInt(v -> v.length).min().orElse(0);
        boolean rank = !nonNormal.isEmpty() && smallest >= RANK_MIN_TRIALS;
        if (!nonNormal.isEmpty() && !rank) {
            checks.add(new Verdict.Check("normality", "all", smallest, Double.NaN, "normality is doubtful in " + nonNormal
                    + ", but with " + smallest + " trials a rank test could not reject: the parametric test stays"));
        }
        boolean blocked = aligned != null && !rank;
        boolean welch = variances == VarianceRule.WELCH || unequal;
        String rule = rank ? "Shapiro-Wilk rejects normality in " + nonNormal + ": rank test" + (aligned != null ? " (blocks unused)" : "")
                : blocked ? "blocked by repeat: paired tests"
                : welch ? (variances == VarianceRule.WELCH ? "Welch (the default: no equal-variance assumption)"
                        : "Welch: classic was asked, but Brown-Forsythe rejects equal variances")
                : "classic, as asked (Brown-Forsythe does not reject equal variances)";
        try {
            return switch (comparison) {
                case TWO_GROUPS -> twoGroups(measure, g, aligned, rank, blocked, welch, rule, checks);
                case OMNIBUS -> omnibus(measure, g, aligned, rank, blocked, welch, rule, checks);
                case PAIRWISE -> pairwise(measure, g, aligned, rank, blocked, welch, rule, checks);
            };
        } catch (IllegalArgumentException e) {
            return Verdict.notComputable(measure, comparison, alpha, e.getMessage(), checks);
        }
    }

    /** Values re-ordered by the blocks complete in every condition, or null when fewer than MIN_TRIALS are. */
    private static Map<String, double[]> aligned(Trials trials, List<Verdict.Check> checks) {
        if (trials.blocks() == null) {
            return null;
        }
        Set<String> common = null;
        for (String name : trials.values().keySet()) {
            List<String> keys = trials.blocks().get(name);
            if (keys == null || keys.size() != trials.values().get(name).length || new LinkedHashSet<>(keys).size() != keys.size()) {
                throw new IllegalArgumentException("condition '" + name + "' needs one distinct block key per trial");
            }
            if (common == null) {
                common = new LinkedHashSet<>(keys);
            } else {
                common.retainAll(keys);
            }
        }
        if (common.size() < MIN_TRIALS) {
            checks.add(new Verdict.Check("blocks", "all", common.size(), Double.NaN, "only " + common.size()
                    + " blocks are complete in every condition: the trials are treated as independent"));
            return null;
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        for (String name : trials.values().keySet()) {
            List<String> keys = trials.blocks().get(name);
            out.put(name, common.stream().mapToDouble(k -> trials.values().get(name)[keys.indexOf(k)]).toArray());
        }
        int dropped = trials.values().values().stream().mapToInt(v -> v.length).sum() - common.size() * out.size();
        checks.add(new Verdict.Check("blocks", "all", common.size(), Double.NaN, common.size()
                + " blocks complete in every condition (same seed, split and order)"
                + (dropped > 0 ? "; " + dropped + " trials outside them left out" : "")));
        return out;
    }

    private Verdict twoGroups(String measure, Map<String, double[]> g, Map<String, double[]> aligned, boolean rank, boolean blocked,
                              boolean welch, String rule, List<Verdict.Check> checks) {
        List<String> names = List.copyOf(g.keySet());
        double[] a = blocked ? aligned.get(names.get(0)) : g.get(names.get(0));
        double[] b = blocked ? aligned.get(names.get(1)) : g.get(names.get(1));
        TTestResult t = tTest(a, b, blocked, welch, alternative);
        TTestResult twoSided = tTest(a, b, blocked, welch, Alternative.TWO_SIDED);
        double se = standardError(a, b, blocked, welch);
        String test;
        Verdict.Statistic stat;
        double pOpposite = Double.NaN;
        Alternative opposite = alternative == Alternative.GREATER ? Alternative.LESS : Alternative.GREATER;
        if (rank) {
            RankTests.Result u = RankTests.mannWhitney(a, b, alternative);
            test = "Mann-Whitney U test";
            stat = new Verdict.Statistic("U", u.statistic(), Double.NaN, Double.NaN, u.p());
            if (alternative != Alternative.TWO_SIDED) {
                pOpposite = RankTests.mannWhitney(a, b, opposite).p();
            }
        } else {
            test = blocked ? "paired t-test" : welch ? "Welch's t-test" : "Student's t-test";
            stat = new Verdict.Statistic("t", t.t(), t.df(), Double.NaN, t.p());
            if (alternative != Alternative.TWO_SIDED) {
                pOpposite = tTest(a, b, blocked, welch, opposite).p();
            }
        }
        EffectSizes.Interval g2 = EffectSizes.standardizedDifference(twoSided, a.length, b.length, 0.95)[1];
        List<Verdict.PairTest> pairs = List.of(new Verdict.PairTest(names.get(0), names.get(1), twoSided.meanDifference(),
                stat.value(), stat.df1(), stat.p(), stat.p(), rank ? Double.NaN : twoSided.ciLow(), rank ? Double.NaN : twoSided.ciHigh()));
        Verdict.Detectable power = new Verdict.Detectable(Power.mdeT(se, t.df(), alpha, alternative, Power.TARGET),
                Power.equivalenceMargin(se, t.df(), alpha, Power.TARGET),
                "t-test with the observed standard error" + (rank ? " (parametric approximation)" : ""), se);
        Equivalence.Result eq = Double.isNaN(margin) ? null : blocked ? Equivalence.paired(a, b, margin, alpha)
                : Equivalence.independent(a, b, margin, welch, alpha);
        boolean significant = stat.p() < alpha;
        String diff = String.format(Locale.ROOT, "difference %+.4f", twoSided.meanDifference());
        String testText = test + " " + stat.text() + ", p = " + Verdict.p(stat.p());
        String wording;
        if (significant) {
            String rel = alternative == Alternative.LESS || (alternative == Alternative.TWO_SIDED && twoSided.meanDifference() < 0) ? "<" : ">";
            wording = String.format(Locale.ROOT, "%s: %s %s %s (%s; %s < %s)", measure, names.get(0), rel, names.get(1), diff,
                    testText, Verdict.num(alpha));
        } else {
            String claim = alternative == Alternative.TWO_SIDED ? "no significant difference between " + names.get(0) + " and " + names.get(1)
                    : names.get(0) + " is not significantly " + (alternative == Alternative.GREATER ? "above " : "below ") + names.get(1);
            wording = String.format(Locale.ROOT, "%s: %s at α = %s (%s; %s); the design detects differences of %s or more at 80%% power",
                    measure, claim, Verdict.num(alpha), diff, testText, Verdict.num(power.mde()));
            if (pOpposite < alpha) {
                wording += String.format(Locale.ROOT, "; the other way round, %s %s %s is significant (one-sided p = %s)", names.get(0),
                        alternative == Alternative.GREATER ? "<" : ">", names.get(1), Verdict.p(pOpposite));
            }
        }
        return new Verdict(measure, comparison, significant ? Verdict.Outcome.SIGNIFICANT : Verdict.Outcome.NOT_SIGNIFICANT, test, rule,
                stat, alpha, twoSided.meanDifference(), pOpposite, g2, pairs, checks, power, eq, wording + equivalenceWords(eq), null);
    }

    private Verdict omnibus(String measure, Map<String, double[]> g, Map<String, double[]> aligned, boolean rank, boolean blocked,
                            boolean welch, String rule, List<Verdict.Check> checks) {
        int n = g.values().stream().mapToInt(v -> v.length).sum();
        int k = g.size();
        AnovaResult classic = OneWayAnova.classic(g);
        String test;
        String posthoc;
        Verdict.Statistic stat;
        EffectSizes.Interval effect;
        List<Verdict.PairTest> pairs;
        double variance;
        double perGroup;
        double df2;
        if (rank) {
            RankTests.Result h = RankTests.kruskalWallis(g);
            test = "Kruskal-Wallis test";
            posthoc = "Mann-Whitney, " + correction.name().toLowerCase(Locale.ROOT);
            stat = new Verdict.Statistic("H", h.statistic(), h.df(), Double.NaN, h.p());
            effect = EffectSizes.varianceExplained(classic, n, 0.95)[0];
            pairs = pairTests(g, true, false, false);
            variance = within(g);
            perGroup = harmonicSize(g);
            df2 = n - k;
        } else if (blocked) {
            AnovaResult rm = OneWayAnova.repeatedMeasures(aligned);
            int blocks = aligned.values().iterator().next().length;
            test = "repeated-measures ANOVA";
            posthoc = "paired t, " + correction.name().toLowerCase(Locale.ROOT);
            stat = new Verdict.Statistic("F", rm.f(), rm.df1(), rm.df2(), rm.p());
            effect = EffectSizes.partialEtaSquared(rm.etaSquared(), rm.f(), rm.df1(), rm.df2(), blocks * k, 0.95);
            pairs = pairTests(aligned, false, true, false);
            variance = blockError(aligned);
            perGroup = blocks;
            df2 = rm.df2();
        } else {
            AnovaResult a = welch ? OneWayAnova.welch(g) : classic;
            test = welch ? "Welch's ANOVA" : "one-way ANOVA";
            posthoc = welch ? "Games-Howell" : "Tukey HSD";
            stat = new Verdict.Statistic("F", a.f(), a.df1(), a.df2(), a.p());
            effect = EffectSizes.varianceExplained(classic, n, 0.95)[0];
            List<PairwiseComparison> ph = welch ? PostHoc.gamesHowell(g, 0.95) : PostHoc.tukeyHsd(g, 0.95);
            pairs = ph.stream().map(c -> new Verdict.PairTest(c.first(), c.second(), c.difference(), c.q(), c.df(), Double.NaN,
                    c.pAdjusted(), c.ciLow(), c.ciHigh())).toList();
            variance = within(g);
            perGroup = harmonicSize(g);
            df2 = n - k;
        }
        Verdict.Detectable power = new Verdict.Detectable(Power.mdeF(variance, perGroup, k - 1, df2, alpha, Power.TARGET),
                maxEquivalenceMargin(g, aligned, blocked, welch),
                "F test, two means apart and the rest between them, with the observed error variance"
                        + (rank ? " (parametric approximation)" : ""), variance);
        Equivalence.Result eq = Double.isNaN(margin) ? null : worstEquivalence(g, aligned, blocked, welch);
        boolean significant = stat.p() < alpha;
        String testText = test + " " + stat.text() + ", p = " + Verdict.p(stat.p());
        String wording = significant
                ? String.format(Locale.ROOT, "%s differs between conditions (%s < %s); highest mean: %s; %s", measure, testText,
                        Verdict.num(alpha), Verdict.best(g), significantPairs(pairs, posthoc))
                : String.format(Locale.ROOT, "no significant difference in %s between conditions at α = %s (%s); the design detects"
                        + " differences of %s or more at 80%% power", measure, Verdict.num(alpha), testText, Verdict.num(power.mde()));
        return new Verdict(measure, comparison, significant ? Verdict.Outcome.SIGNIFICANT : Verdict.Outcome.NOT_SIGNIFICANT, test,
                rule + "; pairs: " + posthoc, stat, alpha, Double.NaN, Double.NaN, effect, pairs, checks, power, eq,
                wording + equivalenceWords(eq), null);
    }

    private Verdict pairwise(String measure, Map<String, double[]> g, Map<String, double[]> aligned, boolean rank, boolean blocked,
                             boolean welch, String rule, List<Verdict.Check> checks) {
        List<Verdict.PairTest> pairs = pairTests(blocked ? aligned : g, rank, blocked, welch);
        double minP = pairs.stream().mapToDouble(Verdict.PairTest::pAdjusted).min().orElse(1);
        String test = (rank ? "Mann-Whitney" : blocked ? "paired t" : welch ? "Welch t" : "Student t") + " tests, "
                + correction.name().toLowerCase(Locale.ROOT) + "-corrected";
        Verdict.Statistic stat = new Verdict.Statistic("smallest adjusted p", minP, Double.NaN, Double.NaN, minP);
        int m = pairs.size();
        double se = medianPairError(blocked ? aligned : g, blocked, welch);
        double df = blocked ? aligned.values().iterator().next().length - 1 : g.values().stream().mapToInt(v -> v.length).sum() - g.size();
        Verdict.Detectable power = new Verdict.Detectable(Power.mdeT(se, df, alpha / m, Alternative.TWO_SIDED, Power.TARGET),
                maxEquivalenceMargin(g, aligned, blocked, welch),
                "t-test at the Bonferroni level alpha / number of pairs, with the median pair standard error", se);
        Equivalence.Result eq = Double.isNaN(margin) ? null : worstEquivalence(g, aligned, blocked, welch);
        boolean significant = minP < alpha;
        String wording = significant ? measure + ": " + significantPairs(pairs, test)
                : String.format(Locale.ROOT, "%s: no pair differs significantly at α = %s (%s, smallest adjusted p = %s); the design"
                        + " detects differences of %s or more at 80%% power", measure, Verdict.num(alpha), test, Verdict.p(minP),
                        Verdict.num(power.mde()));
        return new Verdict(measure, comparison, significant ? Verdict.Outcome.SIGNIFICANT : Verdict.Outcome.NOT_SIGNIFICANT, test, rule,
                stat, alpha, Double.NaN, Double.NaN, null, pairs, checks, power, eq, wording + equivalenceWords(eq), null);
    }

    /** Every pair by the two-group test of the design, p-values corrected as a family. */
    private List<Verdict.PairTest> pairTests(Map<String, double[]> g, boolean rank, boolean blocked, boolean welch) {
        List<String> names = List.copyOf(g.keySet());
        List<Verdict.PairTest> raw = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                double[] a = g.get(names.get(i));
                double[] b = g.get(names.get(j));
                TTestResult t = tTest(a, b, blocked, welch, Alternative.TWO_SIDED);
                if (rank) {
                    RankTests.Result u = RankTests.mannWhitney(a, b, Alternative.TWO_SIDED);
                    raw.add(new Verdict.PairTest(names.get(i), names.get(j), t.meanDifference(), u.statistic(), Double.NaN, u.p(),
                            Double.NaN, Double.NaN, Double.NaN));
                } else {
                    raw.add(new Verdict.PairTest(names.get(i), names.get(j), t.meanDifference(), t.t(), t.df(), t.p(), Double.NaN,
                            t.ciLow(), t.ciHigh()));
                }
            }
        }
        double[] adjusted = correction.adjust(raw.stream().mapToDouble(Verdict.PairTest::p).toArray());
        List<Verdict.PairTest> out = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            Verdict.PairTest r = raw.get(i);
            out.add(new Verdict.PairTest(r.first(), r.second(), r.difference(), r.statistic(), r.df(), r.p(), adjusted[i], r.ciLow(), r.ciHigh()));
        }
        return out;
    }

    private String significantPairs(List<Verdict.PairTest> pairs, String method) {
        List<String> s = pairs.stream().filter(p -> p.pAdjusted() < alpha)
                .map(p -> (p.difference() > 0 ? p.first() + " > " + p.second() : p.second() + " > " + p.first())
                        + " (adjusted p = " + Verdict.p(p.pAdjusted()) + ")").toList();
        return s.isEmpty() ? "no pair differs significantly after correction (" + method + ")"
                : "pairs that differ (" + method + "): " + String.join(", ", s);
    }

    private String equivalenceWords(Equivalence.Result e) {
        if (e == null) {
            return "";
        }
        String ci = String.format(Locale.ROOT, "%.0f%% CI of the difference [%s, %s]", 100 * (1 - 2 * e.alpha()), Verdict.num(e.ciLow()),
                Verdict.num(e.ciHigh()));
        return switch (e.outcome()) {
            case EQUIVALENT -> "; TOST: equivalent within ±" + Verdict.num(margin) + " (p = " + Verdict.p(e.p()) + ", " + ci + ")";
            case NOT_EQUIVALENT -> "; TOST: not equivalent: the " + ci + " lies outside ±" + Verdict.num(margin);
            case UNDECIDED -> "; TOST: undecided: the " + ci + " crosses ±" + Verdict.num(margin) + " (p = " + Verdict.p(e.p()) + ")";
        };
    }

    private static TTestResult tTest(double[] a, double[] b, boolean blocked, boolean welch, Alternative alt) {
        return blocked ? TTests.paired(a, b, alt, 0.95) : welch ? TTests.welch(a, b, alt, 0.95) : TTests.student(a, b, alt, 0.95);
    }

    /** The standard error of the difference the t-test of the design divides by. */
    private static double standardError(double[] a, double[] b, boolean blocked, boolean welch) {
        if (blocked) {
            double[] d = new double[a.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = a[i] - b[i];
            }
            double sd = Math.sqrt(Samples.variance(d));
            if (sd == 0) {
                throw new IllegalArgumentException("the paired differences have zero variance");
            }
            return sd / Math.sqrt(d.length);
        }
        double va = Samples.variance(a);
        double vb = Samples.variance(b);
        if (welch) {
            return Math.sqrt(va / a.length + vb / b.length);
        }
        double pooled = ((a.length - 1) * va + (b.length - 1) * vb) / (a.length + b.length - 2);
        return Math.sqrt(pooled * (1.0 / a.length + 1.0 / b.length));
    }

    private double maxEquivalenceMargin(Map<String, double[]> g, Map<String, double[]> aligned, boolean blocked, boolean welch) {
        Map<String, double[]> use = blocked ? aligned : g;
        List<String> names = List.copyOf(use.keySet());
        double worst = 0;
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                double[] a = use.get(names.get(i));
                double[] b = use.get(names.get(j));
                TTestResult t = tTest(a, b, blocked, welch, Alternative.TWO_SIDED);
                worst = Math.max(worst, Power.equivalenceMargin(standardError(a, b, blocked, welch), t.df(), alpha, Power.TARGET));
            }
        }
        return worst;
    }

    /** TOST on every pair (an intersection-union test: all must be equivalent); the pair that decides the outcome. */
    private Equivalence.Result worstEquivalence(Map<String, double[]> g, Map<String, double[]> aligned, boolean blocked, boolean welch) {
        Map<String, double[]> use = blocked ? aligned : g;
        List<String> names = List.copyOf(use.keySet());
        Equivalence.Result worst = null;
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                double[] a = use.get(names.get(i));
                double[] b = use.get(names.get(j));
                Equivalence.Result r = blocked ? Equivalence.paired(a, b, margin, alpha) : Equivalence.independent(a, b, margin, welch, alpha);
                if (worst == null || severity(r) > severity(worst) || (severity(r) == severity(worst) && r.p() > worst.p())) {
                    worst = r;
                }
            }
        }
        return worst;
    }

    private static int severity(Equivalence.Result r) {
        return switch (r.outcome()) {
            case EQUIVALENT -> 0;
            case UNDECIDED -> 1;
            case NOT_EQUIVALENT -> 2;
        };
    }

    private static double medianPairError(Map<String, double[]> g, boolean blocked, boolean welch) {
        List<String> names = List.copyOf(g.keySet());
        List<Double> se = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                se.add(standardError(g.get(names.get(i)), g.get(names.get(j)), blocked, welch));
            }
        }
        se.sort(Double::compare);
        int m = se.size();
        return m % 2 == 1 ? se.get(m / 2) : (se.get(m / 2 - 1) + se.get(m / 2)) / 2;
    }

    /** Pooled within-condition variance (the classic ANOVA's error mean square). */
    private static double within(Map<String, double[]> g) {
        double ss = 0;
        int df = 0;
        for (double[] v : g.values()) {
            ss += Samples.variance(v) * (v.length - 1);
            df += v.length - 1;
        }
        return ss / df;
    }

    /** The error mean square of the block design: what is left after the condition and block means. */
    private static double blockError(Map<String, double[]> aligned) {
        List<double[]> g = List.copyOf(aligned.values());
        int k = g.size();
        int b = g.get(0).length;
        double grand = g.stream().mapToDouble(Samples::mean).average().orElseThrow();
        double ss = 0;
        for (double[] v : g) {
            double m = Samples.mean(v);
            for (int i = 0; i < b; i++) {
                double blockMean = 0;
                for (double[] w : g) {
                    blockMean += w[i] / k;
                }
                double r = v[i] - m - blockMean + grand;
                ss += r * r;
            }
        }
        return ss / ((k - 1.0) * (b - 1));
    }

    private static double harmonicSize(Map<String, double[]> g) {
        double s = 0;
        for (double[] v : g.values()) {
            s += 1.0 / v.length;
        }
        return g.size() / s;
    }
}
