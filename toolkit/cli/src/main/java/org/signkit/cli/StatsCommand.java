package org.signkit.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.signkit.core.Json;
import org.signkit.stats.Alternative;
import org.signkit.stats.AnovaResult;
import org.signkit.stats.Comparison;
import org.signkit.stats.Corrections;
import org.signkit.stats.EffectSizes;
import org.signkit.stats.GroupSummary;
import org.signkit.stats.OneWayAnova;
import org.signkit.stats.PairwiseComparison;
import org.signkit.stats.PostHoc;
import org.signkit.stats.Power;
import org.signkit.stats.RankTests;
import org.signkit.stats.ShapiroWilk;
import org.signkit.stats.TTestResult;
import org.signkit.stats.TTests;
import org.signkit.stats.TestPlan;
import org.signkit.stats.Trials;
import org.signkit.stats.TwoWayAnova;
import org.signkit.stats.VarianceRule;
import org.signkit.stats.Verdict;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code signkit stats}: tests on a CSV of trial results, with a plain-language verdict. Every subcommand builds
 * one result and prints it either as text or, with {@code --json}, as JSON: the JSON holds every number the
 * text shows.
 */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = {"Statistics for repeated trials on a CSV with one row per trial.",
                "'compare' runs the planned-test rule the experiments use (Welch by default, paired with --block, rank tests",
                "when normality fails, TOST with --margin). Each test prints a table and, last, a verdict line; --json prints",
                "the same results as JSON."},
        subcommands = {StatsCommand.Compare.class, StatsCommand.Anova.class, StatsCommand.TwoWay.class, StatsCommand.Tukey.class,
                StatsCommand.TTest.class, StatsCommand.Pairwise.class, StatsCommand.ResampledT.class, StatsCommand.Shapiro.class,
                StatsCommand.Kruskal.class, StatsCommand.MannWhitney.class, StatsMcNemar.class})
final class StatsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** The options every test takes. */
    static final class Input {
        @Option(names = "--csv", required = true, paramLabel = "FILE", description = "Trial results, one row per trial.")
        Path csv;

        @Option(names = "--value", required = true, paramLabel = "COL", description = "The measured column, e.g. val_accuracy.")
        String value;

        @Option(names = "--group", required = true, paramLabel = "COL", description = "The condition column, e.g. augmentation.")
        String group;

        @Option(names = "--alpha", defaultValue = "0.05", description = "Significance level. Default: ${DEFAULT-VALUE}.")
        double alpha;

        @Option(names = "--json", description = "Print JSON instead of tables.")
        boolean json;

        @Option(names = "--encoding", defaultValue = "UTF-8", paramLabel = "CHARSET",
                description = "The CSV's text encoding (e.g. ISO-8859-1 for a Latin-1 spreadsheet). Default: ${DEFAULT-VALUE}.")
        String encoding;

        java.nio.charset.Charset charset() {
            try {
                return java.nio.charset.Charset.forName(encoding);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--encoding: unknown character set '" + encoding + "' (e.g. UTF-8, ISO-8859-1, windows-1252)");
            }
        }

        Map<String, double[]> groups() throws java.io.IOException {
            return read(null).values();
        }

        /** The CSV's groups (and pairing keys from {@code pairCol}, or null), after checking the options. */
        GroupedCsv.Groups read(String pairCol) throws java.io.IOException {
            checkAlpha(alpha);
            return GroupedCsv.read(csv, value, group, pairCol, charset());
        }

        String verdict(String what, boolean significant, String test) {
            return String.format(Locale.ROOT, "%s: %s, %s", what, significant ? "significant"
                    : "not significant at alpha = " + num(alpha), test);
        }

        /** The verdict of a family of pair comparisons: which pairs differ at {@link #alpha}. */
        String pairsVerdict(String what, List<String> pairs, double[] adjustedP) {
            List<String> significant = new ArrayList<>();
            for (int i = 0; i < pairs.size(); i++) {
                if (adjustedP[i] < alpha) {
                    significant.add(pairs.get(i) + " (" + pValue(adjustedP[i]) + ")");
                }
            }
            return verdict(what, !significant.isEmpty(),
                    significant.isEmpty() ? "no pair differs significantly" : "differing pairs: " + String.join("; ", significant));
        }

        /** The two groups' names, in file order; an error naming the column when there are not exactly two. */
        List<String> twoGroups(Map<String, ?> groups, String test) {
            if (groups.size() != 2) {
                throw new IllegalArgumentException(test + " compares exactly 2 groups; " + group + " has " + groups.keySet());
            }
            return new ArrayList<>(groups.keySet());
        }

        /** A result with the level and the groups' summaries first. */
        Map<String, Object> result(Map<String, double[]> groups) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("alpha", alpha);
            out.put("groups", summaries(groups));
            return out;
        }

        /** Prints the result as JSON, or runs the text rendering. */
        Integer emit(Map<String, Object> result, Runnable text) {
            if (json) {
                System.out.print(Json.write(result));
            } else {
                text.run();
            }
            return 0;
        }
    }

    static String num(double v) {
        return Verdict.num(v);
    }

    /** A level outside (0, 0.5) would flip verdicts: refused with the fix. */
    static void checkAlpha(double alpha) {
        if (!(alpha > 0 && alpha < 0.5)) {
            throw new IllegalArgumentException("--alpha must be between 0 and 0.5 (e.g. 0.05): " + alpha);
        }
    }

    static String pValue(double p) {
        return "p = " + Verdict.p(p);
    }

    static String interval(EffectSizes.Interval i) {
        return i.name().replace("_squared", "^2").replace("_", " ") + " = " + num(i.estimate()) + ", 95% CI [" + num(i.ciLow())
                + ", " + num(i.ciHigh()) + "]";
    }


    private static List<GroupSummary> summaries(Map<String, double[]> groups) {
        List<GroupSummary> out = new ArrayList<>();
        groups.forEach((g, v) -> out.add(v.length >= 2 ? GroupSummary.of(Map.of(g, v), 0.95).get(0)
                : new GroupSummary(g, v.length, v.length == 1 ? v[0] : Double.NaN, Double.NaN, Double.NaN, Double.NaN)));
        return out;
    }

    static void printSummary(Map<String, double[]> groups) {
        Table t = new Table("group", "n", "mean", "sd", "95% CI");
        for (GroupSummary s : summaries(groups)) {
            t.row(s.group(), Integer.toString(s.n()), num(s.mean()), num(s.sd()), "[" + num(s.ciLow()) + ", " + num(s.ciHigh()) + "]");
        }
        System.out.print(t);
    }

    /** Prints a verdict of {@link TestPlan}: test and rule, pairs, checks, power, then the wording as the last line. */
    static void printVerdict(Verdict v) {
        if (v.statistic() != null) {
            System.out.println(v.test() + ": " + v.statistic().text() + ", " + pValue(v.p())
                    + (v.effect() == null ? "" : "; " + interval(v.effect())));
            System.out.println("why: " + v.rule());
        }
        if (!v.pairs().isEmpty()) {
            Table t = new Table("pair", "difference", "statistic", "df", "p", "p adj", "95% CI");
            v.pairs().forEach(p -> t.row(p.first() + " - " + p.second(), num(p.difference()), num(p.statistic()), num(p.df()),
                    num(p.p()), num(p.pAdjusted()), "[" + num(p.ciLow()) + ", " + num(p.ciHigh()) + "]"));
            System.out.print(t);
        }
        if (!v.checks().isEmpty()) {
            Table t = new Table("check", "group", "statistic", "p", "finding");
            v.checks().forEach(c -> t.row(c.check(), c.group(), num(c.statistic()), num(c.p()), c.finding()));
            System.out.print(t);
        }
        if (v.power() != null) {
            System.out.println("power: MDE " + num(v.power().mde()) + " at 80%; TOST could show equivalence for margins of "
                    + num(v.power().equivalenceMargin()) + " or more (" + v.power().basis() + " " + num(v.power().spread()) + ")");
        }
        System.out.println(v.wording());
    }

    /** {@code signkit stats compare}: the planned-test rule of the experiments. */
    @Command(name = "compare", mixinStandardHelpOptions = true,
            description = {"The planned-test rule the experiments use, on any CSV of trials:",
                    TestPlan.RULE})
    static final class Compare implements Callable<Integer> {
        @Mixin
        Input in;

        @Option(names = "--test", defaultValue = "anova", description = "anova (all groups), ttest (two) or pairwise. Default: ${DEFAULT-VALUE}.")
        String test;

        @Option(names = "--block", paramLabel = "COL", description = "Column of the block (e.g. repeat or seed) shared across groups: paired tests.")
        String block;

        @Option(names = "--alternative", defaultValue = "two-sided", description = "ttest: two-sided, less or greater. Default: ${DEFAULT-VALUE}.")
        String alternative;

        @Option(names = "--margin", paramLabel = "DELTA", description = "Equivalence margin: TOST tests |difference| < DELTA.")
        Double margin;

        @Option(names = "--classic", description = "Assume equal variances (Student, classic ANOVA, Tukey) unless Brown-Forsythe rejects them.")
        boolean classic;

        @Option(names = "--correction", defaultValue = "holm", description = "holm, bonferroni, bh or none. Default: ${DEFAULT-VALUE}.")
        String correction;

        @Override
        public Integer call() throws Exception {
            GroupedCsv.Groups data = in.read(block);
            Map<String, List<String>> blocks = null;
            if (block != null) {
                blocks = new LinkedHashMap<>();
                for (Map.Entry<String, String[]> e : data.pairKeys().entrySet()) {
                    blocks.put(e.getKey(), Arrays.asList(e.getValue()));
                }
            }
            TestPlan plan = new TestPlan(Comparison.parse(test), in.alpha, Alternative.parse(alternative), Corrections.parse(correction),
                    classic ? VarianceRule.CLASSIC : VarianceRule.WELCH, margin == null ? Double.NaN : margin);
            Verdict v = plan.run(new Trials(in.value, data.values(), blocks));
            Map<String, Object> out = in.result(data.values());
            out.put("verdict", v);
            return in.emit(out, () -> {
                printSummary(data.values());
                printVerdict(v);
            });
        }
    }

    /** {@code signkit stats anova}. */
    @Command(name = "anova", mixinStandardHelpOptions = true,
            description = {"One-way ANOVA (classic and Welch), eta^2 and omega^2 with CIs, Levene and Brown-Forsythe checks.",
                    "The verdict is the planned-test rule's ('signkit stats compare'): Welch's F unless --classic."})
    static final class Anova implements Callable<Integer> {
        @Mixin
        Input in;

        @Option(names = "--classic", description = "Ask for the classic F (kept only while Brown-Forsythe does not reject equal variances).")
        boolean classic;

        @Override
        public Integer call() throws Exception {
            Map<String, double[]> g = in.groups();
            List<AnovaResult> tests = List.of(OneWayAnova.classic(g), OneWayAnova.welch(g), OneWayAnova.levene(g), OneWayAnova.brownForsythe(g));
            int n = g.values().stream().mapToInt(v -> v.length).sum();
            EffectSizes.Interval[] effects = EffectSizes.varianceExplained(tests.get(0), n, 0.95);
            Verdict v = new TestPlan(Comparison.OMNIBUS, in.alpha, Alternative.TWO_SIDED, Corrections.HOLM,
                    classic ? VarianceRule.CLASSIC : VarianceRule.WELCH, Double.NaN).run(new Trials(in.value, g, null));
            Map<String, Object> out = in.result(g);
            out.put("tests", tests);
            out.put("effect_sizes", List.of(effects));
            out.put("verdict", v);
            return in.emit(out, () -> {
                printSummary(g);
                System.out.println(interval(effects[0]) + "; " + interval(effects[1]));
                Table t = new Table("test", "F", "df1", "df2", "p", "eta^2", "omega^2");
                for (AnovaResult r : tests) {
                    t.row(r.kind(), num(r.f()), num(r.df1()), num(r.df2()), num(r.p()), num(r.etaSquared()), num(r.omegaSquared()));
                }
                System.out.print(t);
                printVerdict(v);
            });
        }
    }

    /** {@code signkit stats twoway}. */
    @Command(name = "twoway", mixinStandardHelpOptions = true,
            description = {"Two-way ANOVA with interaction, type II or III sums of squares, partial eta^2 with CI.",
                    "value ~ group * group2, balanced or not; type III uses sum-to-zero contrasts."})
    static final class TwoWay implements Callable<Integer> {
        @Mixin
        Input in;

        @Option(names = "--group2", required = true, paramLabel = "COL", description = "The second factor column.")
        String group2;

        @Option(names = "--type", defaultValue = "2", description = "Sums of squares: 2 or 3. Default: ${DEFAULT-VALUE}.")
        int type;

        /** A row of the table with its factor's name and the partial η² interval (null for intercept and residual). */
        record Term(String name, TwoWayAnova.Row row, EffectSizes.Interval partialEtaSquared) {
        }

        @Override
        public Integer call() throws Exception {
            checkAlpha(in.alpha);
            GroupedCsv.Factors f = GroupedCsv.factors(in.csv, in.value, in.group, group2, in.charset());
            TwoWayAnova.Type t = switch (type) {
                case 2 -> TwoWayAnova.Type.II;
                case 3 -> TwoWayAnova.Type.III;
                default -> throw new IllegalArgumentException("--type must be 2 or 3: " + type);
            };
            List<TwoWayAnova.Row> rows = TwoWayAnova.table(f.y(), f.a(), f.b(), t);
            double dfRes = rows.get(rows.size() - 1).df();
            List<Term> terms = new ArrayList<>();
            for (TwoWayAnova.Row r : rows) {
                boolean effect = !r.term().equals("residual") && !r.term().equals("intercept");
                terms.add(new Term(termName(r.term()), r, effect ? EffectSizes.partialEtaSquared(r, dfRes, f.y().length, 0.95) : null));
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("alpha", in.alpha);
            out.put("type", type);
            out.put("terms", terms);
            return in.emit(out, () -> {
                Table table = new Table("term", "SS", "df", "F", "p", "partial eta^2", "95% CI");
                List<String> verdicts = new ArrayList<>();
                for (Term term : terms) {
                    TwoWayAnova.Row r = term.row();
                    EffectSizes.Interval e = term.partialEtaSquared();
                    if (e == null) {
                        boolean residual = r.term().equals("residual");
                        table.row(term.name(), num(r.sumOfSquares()), num(r.df()), residual ? "" : num(r.f()), residual ? "" : num(r.p()), "", "");
                        continue;
                    }
                    table.row(term.name(), num(r.sumOfSquares()), num(r.df()), num(r.f()), num(r.p()), num(e.estimate()),
                            "[" + num(e.ciLow()) + ", " + num(e.ciHigh()) + "]");
                    verdicts.add(term.name() + " " + (r.p() < in.alpha ? "significant" : "not significant") + String.format(Locale.ROOT,
                            " (F(%s, %s) = %s, %s)", num(r.df()), num(dfRes), num(r.f()), pValue(r.p())));
                }
                System.out.print(table);
                System.out.println(in.value + ", type " + type + ": " + String.join("; ", verdicts));
            });
        }

        /** The table's term ids (A, B, A:B) in the user's column names; compared whole, never as substrings. */
        private String termName(String id) {
            return switch (id) {
                case "A" -> in.group;
                case "B" -> group2;
                case "A:B" -> in.group + " x " + group2;
                default -> id;
            };
        }
    }

    /** {@code signkit stats pairwise}. */
    @Command(name = "pairwise", mixinStandardHelpOptions = true,
            description = "Welch t-tests between every pair of groups, p-values adjusted with --correction (holm, bonferroni, bh, none).")
    static final class Pairwise implements Callable<Integer> {
        @Mixin
        Input in;

        @Option(names = "--correction", defaultValue = "holm", description = "holm, bonferroni, bh or none. Default: ${DEFAULT-VALUE}.")
        String correction;

        /** One pair: its Welch t-test and adjusted p. */
        record PairResult(String pair, TTestResult test, double pAdjusted) {
        }

        @Override
        public Integer call() throws Exception {
            Map<String, double[]> g = in.groups();
            List<String> names = new ArrayList<>(g.keySet());
            List<String> pairs = new ArrayList<>();
            List<TTestResult> results = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                for (int j = i + 1; j < names.size(); j++) {
                    pairs.add(names.get(i) + " - " + names.get(j));
                    results.add(TTests.welch(g.get(names.get(i)), g.get(names.get(j)), Alternative.TWO_SIDED, 1 - in.alpha));
                }
            }
            double[] adj = Corrections.parse(correction).adjust(results.stream().mapToDouble(TTestResult::p).toArray());
            List<PairResult> rows = new ArrayList<>();
            for (int i = 0; i < pairs.size(); i++) {
                rows.add(new PairResult(pairs.get(i), results.get(i), adj[i]));
            }
            Map<String, Object> out = in.result(g);
            out.put("pairs", rows);
            return in.emit(out, () -> {
                printSummary(g);
                Table t = new Table("pair", "t", "df", "p", "p " + correction, "g");
                for (PairResult r : rows) {
                    t.row(r.pair(), num(r.test().t()), num(r.test().df()), num(r.test().p()), num(r.pAdjusted()), num(r.test().hedgesG()));
                }
                System.out.print(t);
                System.out.println(in.pairsVerdict(in.group + " on " + in.value + " (Welch, " + correction + ")", pairs, adj));
            });
        }
    }

    /** {@code signkit stats resampled-t}. */
    @Command(name = "resampled-t", mixinStandardHelpOptions = true,
            description = {"Nadeau-Bengio corrected resampled t-test for repeated random train/test splits.",
                    "Two models scored on the same splits (--paired-by the split column); variance inflated by n_test/n_train."})
    static final class ResampledT implements Callable<Integer> {
        @Mixin
        Input in;

        @Option(names = "--paired-by", required = true, paramLabel = "COL", description = "The split (or seed) column.")
        String pairedBy;

        @Option(names = "--n-train", required = true, description = "Training-set size of each split.")
        int nTrain;

        @Option(names = "--n-test", required = true, description = "Test-set size of each split.")
        int nTest;

        @Override
        public Integer call() throws Exception {
            GroupedCsv.Groups data = in.read(pairedBy);
            List<String> names = in.twoGroups(data.values(), "the corrected resampled t-test");
            double[][] ab = TTest.pair(data.pairKeys().get(names.get(0)), data.values().get(names.get(0)),
                    data.pairKeys().get(names.get(1)), data.values().get(names.get(1)));
            double[] d = new double[ab[0].length];
            for (int i = 0; i < d.length; i++) {
                d[i] = ab[0][i] - ab[1][i];
            }
            TTestResult r = TTests.correctedResampled(d, nTrain, nTest, Alternative.TWO_SIDED, 1 - in.alpha);
            Map<String, Object> out = in.result(data.values());
            out.put("test", r);
            return in.emit(out, () -> {
                printSummary(data.values());
                System.out.println(in.verdict(names.get(0) + " vs " + names.get(1) + " on " + in.value, r.p() < in.alpha,
                        String.format(Locale.ROOT, "corrected resampled t(%s) = %s, %s, mean difference %s", num(r.df()), num(r.t()),
                                pValue(r.p()), num(r.meanDifference()))));
            });
        }
    }

    /** {@code signkit stats shapiro}. */
    @Command(name = "shapiro", mixinStandardHelpOptions = true,
            description = "Shapiro-Wilk normality test (Royston) of each group: the t-test and ANOVA assumption check.")
    static final class Shapiro implements Callable<Integer> {
        @Mixin
        Input in;

        /** One group's test. */
        record GroupResult(String group, int n, ShapiroWilk.Result test) {
        }

        @Override
        public Integer call() throws Exception {
            Map<String, double[]> g = in.groups();
            List<GroupResult> res = new ArrayList<>();
            g.forEach((k, v) -> res.add(new GroupResult(k, v.length, ShapiroWilk.test(v))));
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("alpha", in.alpha);
            out.put("tests", res);
            return in.emit(out, () -> {
                Table t = new Table("group", "n", "W", "p");
                List<String> nonNormal = new ArrayList<>();
                for (GroupResult r : res) {
                    t.row(r.group(), Integer.toString(r.n()), num(r.test().w()), num(r.test().p()));
                    if (r.test().p() < in.alpha) {
                        nonNormal.add(r.group());
                    }
                }
                System.out.print(t);
                int smallest = res.stream().mapToInt(GroupResult::n).min().orElse(0);
                System.out.println(in.verdict("normality of " + in.value + " per " + in.group, !nonNormal.isEmpty(),
                        nonNormal.isEmpty() ? "no group departs significantly from normal" + (smallest <= 10
                                ? " (with " + smallest + " values in the smallest group the test has little power)" : "")
                                : "not normal: " + String.join(", ", nonNormal) + " (consider kruskal or mannwhitney)"));
            });
        }
    }

    /** {@code signkit stats tukey}. */
    @Command(name = "tukey", mixinStandardHelpOptions = true,
            description = {"Post-hoc pairs: Tukey's HSD (Tukey-Kramer) or Games-Howell, simultaneous CIs.",
                    "--method games-howell when the variances differ."})
    static final class Tukey implements Callable<Integer> {
        @Mixin
        Input in;

        @Option(names = "--method", defaultValue = "tukey", description = "tukey or games-howell. Default: ${DEFAULT-VALUE}.")
        String method;

        @Override
        public Integer call() throws Exception {
            Map<String, double[]> g = in.groups();
            List<PairwiseComparison> pairs = switch (method) {
                case "tukey" -> PostHoc.tukeyHsd(g, 1 - in.alpha);
                case "games-howell" -> PostHoc.gamesHowell(g, 1 - in.alpha);
                default -> throw new IllegalArgumentException("--method must be tukey or games-howell: " + method);
            };
            Map<String, Object> out = in.result(g);
            out.put("pairs", pairs);
            return in.emit(out, () -> {
                printSummary(g);
                Table t = new Table("pair", "difference", "q", "df", "p adj", "CI");
                List<String> names = new ArrayList<>();
                for (PairwiseComparison c : pairs) {
                    String pair = c.first() + " - " + c.second();
                    names.add(pair);
                    t.row(pair, num(c.difference()), num(c.q()), num(c.df()), num(c.pAdjusted()),
                            "[" + num(c.ciLow()) + ", " + num(c.ciHigh()) + "]");
                }
                System.out.print(t);
                System.out.println(in.pairsVerdict(in.group + " on " + in.value + " (" + method + ", " + pairs.size() + " pairs)",
                        names, pairs.stream().mapToDouble(PairwiseComparison::pAdjusted).toArray()));
            });
        }
    }

    /** {@code signkit stats ttest}. */
    @Command(name = "ttest", mixinStandardHelpOptions = true,
            description = {"Student, Welch or paired t-test, one- or two-sided, Cohen's d and Hedges' g with CIs.",
                    "Welch by default; --kind student, or --kind paired --paired-by COL (e.g. the seed)."})
    static final class TTest implements Callable<Integer> {
        @Mixin
        Input in;

        @Option(names = "--kind", defaultValue = "welch", description = "welch, student or paired. Default: ${DEFAULT-VALUE}.")
        String kind;

        @Option(names = "--paired-by", paramLabel = "COL", description = "Column that pairs trials across the two groups (paired test).")
        String pairedBy;

        @Option(names = "--alternative", defaultValue = "two-sided", description = "two-sided, less or greater. Default: ${DEFAULT-VALUE}.")
        String alternative;

        @Override
        public Integer call() throws Exception {
            GroupedCsv.Groups data = in.read(pairedBy);
            List<String> names = in.twoGroups(data.values(), "a t-test (use 'signkit stats anova' for more)");
            double[] a = data.values().get(names.get(0));
            double[] b = data.values().get(names.get(1));
            Alternative alt = Alternative.parse(alternative);
            TTestResult r = switch (kind) {
                case "student" -> TTests.student(a, b, alt, 1 - in.alpha);
                case "welch" -> TTests.welch(a, b, alt, 1 - in.alpha);
                case "paired" -> {
                    if (pairedBy == null) {
                        throw new IllegalArgumentException("--kind paired needs --paired-by COL");
                    }
                    double[][] ab = pair(data.pairKeys().get(names.get(0)), a, data.pairKeys().get(names.get(1)), b);
                    yield TTests.paired(ab[0], ab[1], alt, 1 - in.alpha);
                }
                default -> throw new IllegalArgumentException("--kind must be welch, student or paired: " + kind);
            };
            EffectSizes.Interval[] dg = EffectSizes.standardizedDifference(r, a.length, b.length, 0.95);
            double se = Math.abs(r.meanDifference() / r.t());
            double mde = Double.isFinite(se) && se > 0 ? Power.mdeT(se, r.df(), in.alpha, alt, Power.TARGET) : Double.NaN;
            Map<String, Object> out = in.result(data.values());
            out.put("test", r);
            out.put("effect_sizes", List.of(dg));
            out.put("minimum_detectable_difference", mde);
            return in.emit(out, () -> {
                printSummary(data.values());
                System.out.println(interval(dg[0]) + "; " + interval(dg[1]));
                Table t = new Table("test", "t", "df", "p", "difference", "CI", "d", "g");
                t.row(r.kind() + " " + alternative, num(r.t()), num(r.df()), num(r.p()),
                        num(r.meanDifference()), "[" + num(r.ciLow()) + ", " + num(r.ciHigh()) + "]", num(r.cohensD()), num(r.hedgesG()));
                System.out.print(t);
                boolean significant = r.p() < in.alpha;
                System.out.println(in.verdict(names.get(0) + " vs " + names.get(1) + " on " + in.value, significant,
                        String.format(Locale.ROOT, "%s t(%s) = %s, %s, Hedges' g = %s%s", capital(r.kind()), num(r.df()), num(r.t()),
                                pValue(r.p()), num(r.hedgesG()), significant ? "" : "; with n = " + a.length + " and " + b.length
                                        + " the test detects differences of " + num(mde) + " or more at 80% power")));
            });
        }

        private static String capital(String s) {
            return Character.toUpperCase(s.charAt(0)) + s.substring(1);
        }

        static double[][] pair(String[] ka, double[] a, String[] kb, double[] b) {
            Map<String, Double> byKey = new LinkedHashMap<>();
            for (int i = 0; i < kb.length; i++) {
                byKey.put(kb[i], b[i]);
            }
            List<double[]> pairs = new ArrayList<>();
            for (int i = 0; i < ka.length; i++) {
                Double other = byKey.get(ka[i]);
                if (other == null) {
                    throw new IllegalArgumentException("paired test: '" + ka[i] + "' has no partner in the other group");
                }
                pairs.add(new double[] {a[i], other});
            }
            if (pairs.size() != kb.length) {
                throw new IllegalArgumentException("paired test: the groups have different pairing keys");
            }
            return new double[][] {pairs.stream().mapToDouble(p -> p[0]).toArray(), pairs.stream().mapToDouble(p -> p[1]).toArray()};
        }
    }

    /** {@code signkit stats kruskal}. */
    @Command(name = "kruskal", mixinStandardHelpOptions = true, description = "Kruskal-Wallis H test across the groups (ranks, tie-corrected).")
    static final class Kruskal implements Callable<Integer> {
        @Mixin
        Input in;

        @Override
        public Integer call() throws Exception {
            Map<String, double[]> g = in.groups();
            RankTests.Result r = RankTests.kruskalWallis(g);
            Map<String, Object> out = in.result(g);
            out.put("test", r);
            return in.emit(out, () -> {
                printSummary(g);
                System.out.println(in.verdict(in.group + " on " + in.value, r.p() < in.alpha, String.format(Locale.ROOT,
                        "Kruskal-Wallis H(%s) = %s, %s", num(r.df()), num(r.statistic()), pValue(r.p()))));
            });
        }
    }

    /** {@code signkit stats mannwhitney}. */
    @Command(name = "mannwhitney", mixinStandardHelpOptions = true,
            description = "Mann-Whitney U test of two groups (exact for small untied samples, else normal approximation).")
    static final class MannWhitney implements Callable<Integer> {
        @Mixin
        Input in;

        @Option(names = "--alternative", defaultValue = "two-sided", description = "two-sided, less or greater. Default: ${DEFAULT-VALUE}.")
        String alternative;

        @Override
        public Integer call() throws Exception {
            Map<String, double[]> g = in.groups();
            List<String> names = in.twoGroups(g, "Mann-Whitney");
            RankTests.Result r = RankTests.mannWhitney(g.get(names.get(0)), g.get(names.get(1)), Alternative.parse(alternative));
            Map<String, Object> out = in.result(g);
            out.put("test", r);
            return in.emit(out, () -> {
                printSummary(g);
                System.out.println(in.verdict(names.get(0) + " vs " + names.get(1) + " on " + in.value, r.p() < in.alpha,
                        String.format(Locale.ROOT, "Mann-Whitney U = %s, %s (%s)", num(r.statistic()), pValue(r.p()), r.kind())));
            });
        }
    }
}
