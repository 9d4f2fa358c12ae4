package org.signkit.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.signkit.core.Json;
import org.signkit.stats.Alternative;
import org.signkit.stats.AnovaResult;
import org.signkit.stats.Corrections;
import org.signkit.stats.EffectSizes;
import org.signkit.stats.ShapiroWilk;
import org.signkit.stats.TwoWayAnova;
import org.signkit.stats.GroupSummary;
import org.signkit.stats.OneWayAnova;
import org.signkit.stats.PairwiseComparison;
import org.signkit.stats.PostHoc;
import org.signkit.stats.RankTests;
import org.signkit.stats.TTestResult;
import org.signkit.stats.TTests;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code signkit stats}: tests on a CSV of trial results, with a plain-language verdict. */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = {"Statistics for repeated trials on a CSV with one row per trial.",
                "Each test prints a table and, last, a verdict line; --json prints the results as JSON."},
        subcommands = {StatsCommand.Anova.class, StatsCommand.TwoWay.class, StatsCommand.Tukey.class, StatsCommand.TTest.class,
                StatsCommand.Pairwise.class, StatsCommand.ResampledT.class, StatsCommand.Shapiro.class, StatsCommand.Kruskal.class,
                StatsCommand.MannWhitney.class, StatsMcNemar.class})
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

        String verdict(String what, boolean significant, String test) {
            return String.format(Locale.ROOT, "%s: %s, %s", what, significant ? "significant" : "not significant", test);
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
                    significant.isEmpty() ? "no pair differs" : "differing pairs: " + String.join("; ", significant));
        }

        /** The two groups' names, in file order; an error naming the column when there are not exactly two. */
        List<String> twoGroups(Map<String, ?> groups, String test) {
            if (groups.size() != 2) {
                throw new IllegalArgumentException(test + " compares exactly 2 groups; " + group + " has " + groups.keySet());
            }
            return new ArrayList<>(groups.keySet());
        }
    }

    static String num(double v) {
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.4g", v);
    }

    static String pValue(double p) {
        return p < 1e-4 ? String.format(Locale.ROOT, "p = %.2e", p) : String.format(Locale.ROOT, "p = %.4f", p);
    }

    static void printSummary(Map<String, double[]> groups) {
        Table t = new Table("group", "n", "mean", "sd", "95% CI");
        for (GroupSummary s : GroupSummary.of(groups, 0.95)) {
            t.row(s.group(), Integer.toString(s.n()), num(s.mean()), num(s.sd()), "[" + num(s.ciLow()) + ", " + num(s.ciHigh()) + "]");
        }
        System.out.print(t);
    }

    /** {@code signkit stats anova}. */
    @Command(name = "anova", mixinStandardHelpOptions = true,
            description = {"One-way ANOVA (classic and Welch), eta^2/omega^2 with CI, Levene and Brown-Forsythe checks.",
                    "The verdict uses Welch's F when Brown-Forsythe finds the variances differ."})
    static final class Anova implements Callable<Integer> {
        @Mixin
        Input in;

        @Override
        public Integer call() throws Exception {
            Map<String, double[]> g = GroupedCsv.read(in.csv, in.value, in.group, null).values();
            AnovaResult classic = OneWayAnova.classic(g);
            AnovaResult welch = OneWayAnova.welch(g);
            AnovaResult levene = OneWayAnova.levene(g);
            AnovaResult bf = OneWayAnova.brownForsythe(g);
            boolean unequal = bf.p() < in.alpha;
            AnovaResult used = unequal ? welch : classic;
            if (in.json) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("groups", GroupSummary.of(g, 0.95));
                out.put("tests", List.of(classic, welch, levene, bf));
                System.out.print(Json.write(out));
                return 0;
            }
            printSummary(g);
            int n = g.values().stream().mapToInt(v -> v.length).sum();
            EffectSizes.Interval eta = EffectSizes.varianceExplained(classic, n, 0.95)[0];
            System.out.println("eta^2 = " + num(eta.estimate()) + ", 95% CI [" + num(eta.ciLow()) + ", " + num(eta.ciHigh()) + "]");
            Table t = new Table("test", "F", "df1", "df2", "p", "eta^2", "omega^2");
            for (AnovaResult r : List.of(classic, welch, levene, bf)) {
                t.row(r.kind(), num(r.f()), num(r.df1()), num(r.df2()), num(r.p()), num(r.etaSquared()), num(r.omegaSquared()));
            }
            System.out.print(t);
            System.out.println(in.verdict(in.group + " on " + in.value, used.p() < in.alpha, String.format(Locale.ROOT,
                    "%s F(%s, %s) = %s, %s, eta^2 = %s%s", unequal ? "Welch" : "classic", num(used.df1()), num(used.df2()),
                    num(used.f()), pValue(used.p()), num(used.etaSquared()),
                    unequal ? " (Brown-Forsythe: variances differ)" : "")));
            return 0;
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

        @Override
        public Integer call() throws Exception {
            GroupedCsv.Factors f = GroupedCsv.factors(in.csv, in.value, in.group, group2);
            TwoWayAnova.Type t = switch (type) {
                case 2 -> TwoWayAnova.Type.II;
                case 3 -> TwoWayAnova.Type.III;
                default -> throw new IllegalArgumentException("--type must be 2 or 3: " + type);
            };
            List<TwoWayAnova.Row> rows = TwoWayAnova.table(f.y(), f.a(), f.b(), t);
            if (in.json) {
                System.out.print(Json.write(rows));
                return 0;
            }
            double dfRes = rows.get(rows.size() - 1).df();
            Table table = new Table("term", "SS", "df", "F", "p", "partial eta^2", "95% CI");
            List<String> verdicts = new ArrayList<>();
            for (TwoWayAnova.Row r : rows) {
                String term = r.term().replace("A:B", in.group + " x " + group2).replace("A", in.group).replace("B", group2);
                if (r.term().equals("residual") || r.term().equals("intercept")) {
                    boolean residual = r.term().equals("residual");
                    table.row(term, num(r.sumOfSquares()), num(r.df()), residual ? "" : num(r.f()), residual ? "" : num(r.p()), "", "");
                    continue;
                }
                EffectSizes.Interval e = EffectSizes.partialEtaSquared(r, dfRes, f.y().length, 0.95);
                table.row(term, num(r.sumOfSquares()), num(r.df()), num(r.f()), num(r.p()), num(e.estimate()),
                        "[" + num(e.ciLow()) + ", " + num(e.ciHigh()) + "]");
                verdicts.add(term + " " + (r.p() < in.alpha ? "significant" : "not significant") + String.format(Locale.ROOT,
                        " (F(%s, %s) = %s, %s)", num(r.df()), num(dfRes), num(r.f()), pValue(r.p())));
            }
            System.out.print(table);
            System.out.println(in.value + ", type " + type + ": " + String.join("; ", verdicts));
            return 0;
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

        @Override
        public Integer call() throws Exception {
            Map<String, double[]> g = GroupedCsv.read(in.csv, in.value, in.group, null).values();
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
            if (in.json) {
                List<Map<String, Object>> out = new ArrayList<>();
                for (int i = 0; i < pairs.size(); i++) {
                    out.add(Map.of("pair", pairs.get(i), "test", results.get(i), "p_adjusted", adj[i]));
                }
                System.out.print(Json.write(out));
                return 0;
            }
            printSummary(g);
            Table t = new Table("pair", "t", "df", "p", "p " + correction, "g");
            for (int i = 0; i < pairs.size(); i++) {
                TTestResult r = results.get(i);
                t.row(pairs.get(i), num(r.t()), num(r.df()), num(r.p()), num(adj[i]), num(r.hedgesG()));
            }
            System.out.print(t);
            System.out.println(in.pairsVerdict(in.group + " on " + in.value + " (Welch, " + correction + ")", pairs, adj));
            return 0;
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
            GroupedCsv.Groups data = GroupedCsv.read(in.csv, in.value, in.group, pairedBy);
            List<String> names = in.twoGroups(data.values(), "the corrected resampled t-test");
            double[][] ab = TTest.pair(data.pairKeys().get(names.get(0)), data.values().get(names.get(0)),
                    data.pairKeys().get(names.get(1)), data.values().get(names.get(1)));
            double[] d = new double[ab[0].length];
            for (int i = 0; i < d.length; i++) {
                d[i] = ab[0][i] - ab[1][i];
            }
            TTestResult r = TTests.correctedResampled(d, nTrain, nTest, Alternative.TWO_SIDED, 1 - in.alpha);
            if (in.json) {
                System.out.print(Json.write(r));
                return 0;
            }
            printSummary(data.values());
            System.out.println(in.verdict(names.get(0) + " vs " + names.get(1) + " on " + in.value, r.p() < in.alpha,
                    String.format(Locale.ROOT, "corrected resampled t(%s) = %s, %s, mean difference %s", num(r.df()), num(r.t()),
                            pValue(r.p()), num(r.meanDifference()))));
            return 0;
        }
    }

    /** {@code signkit stats shapiro}. */
    @Command(name = "shapiro", mixinStandardHelpOptions = true,
            description = "Shapiro-Wilk normality test (Royston) of each group: the t-test and ANOVA assumption check.")
    static final class Shapiro implements Callable<Integer> {
        @Mixin
        Input in;

        @Override
        public Integer call() throws Exception {
            Map<String, double[]> g = GroupedCsv.read(in.csv, in.value, in.group, null).values();
            Map<String, ShapiroWilk.Result> res = new LinkedHashMap<>();
            g.forEach((k, v) -> res.put(k, ShapiroWilk.test(v)));
            if (in.json) {
                System.out.print(Json.write(res));
                return 0;
            }
            Table t = new Table("group", "n", "W", "p");
            List<String> nonNormal = new ArrayList<>();
            res.forEach((k, r) -> {
                t.row(k, Integer.toString(g.get(k).length), num(r.w()), num(r.p()));
                if (r.p() < in.alpha) {
                    nonNormal.add(k);
                }
            });
            System.out.print(t);
            System.out.println(in.verdict("normality of " + in.value + " per " + in.group, !nonNormal.isEmpty(),
                    nonNormal.isEmpty() ? "no group departs from normal (with n = 3 the test has little power)"
                            : "not normal: " + String.join(", ", nonNormal) + " (consider kruskal or mannwhitney)"));
            return 0;
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
            Map<String, double[]> g = GroupedCsv.read(in.csv, in.value, in.group, null).values();
            List<PairwiseComparison> pairs = switch (method) {
                case "tukey" -> PostHoc.tukeyHsd(g, 1 - in.alpha);
                case "games-howell" -> PostHoc.gamesHowell(g, 1 - in.alpha);
                default -> throw new IllegalArgumentException("--method must be tukey or games-howell: " + method);
            };
            if (in.json) {
                System.out.print(Json.write(pairs));
                return 0;
            }
            printSummary(g);
            Table t = new Table("pair", "difference", "q", "df", "p adj", (int) Math.round(100 * (1 - in.alpha)) + "% CI");
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
            return 0;
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
            GroupedCsv.Groups data = GroupedCsv.read(in.csv, in.value, in.group, pairedBy);
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
            if (in.json) {
                System.out.print(Json.write(r));
                return 0;
            }
            printSummary(data.values());
            EffectSizes.Interval[] dg = EffectSizes.standardizedDifference(r, a.length, b.length, 0.95);
            System.out.println("Cohen's d = " + num(dg[0].estimate()) + ", 95% CI [" + num(dg[0].ciLow()) + ", " + num(dg[0].ciHigh())
                    + "]; Hedges' g = " + num(dg[1].estimate()) + ", 95% CI [" + num(dg[1].ciLow()) + ", " + num(dg[1].ciHigh()) + "]");
            Table t = new Table("test", "t", "df", "p", "difference", (int) Math.round(100 * (1 - in.alpha)) + "% CI", "d", "g");
            t.row(r.kind() + " " + alternative, num(r.t()), num(r.df()), num(r.p()),
                    num(r.meanDifference()), "[" + num(r.ciLow()) + ", " + num(r.ciHigh()) + "]", num(r.cohensD()), num(r.hedgesG()));
            System.out.print(t);
            System.out.println(in.verdict(names.get(0) + " vs " + names.get(1) + " on " + in.value, r.p() < in.alpha,
                    String.format(Locale.ROOT, "%s t(%s) = %s, %s, Hedges' g = %s", capital(r.kind()), num(r.df()), num(r.t()),
                            pValue(r.p()), num(r.hedgesG()))));
            return 0;
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
            Map<String, double[]> g = GroupedCsv.read(in.csv, in.value, in.group, null).values();
            RankTests.Result r = RankTests.kruskalWallis(g);
            if (in.json) {
                System.out.print(Json.write(r));
                return 0;
            }
            printSummary(g);
            System.out.println(in.verdict(in.group + " on " + in.value, r.p() < in.alpha, String.format(Locale.ROOT,
                    "Kruskal-Wallis H(%s) = %s, %s", num(r.df()), num(r.statistic()), pValue(r.p()))));
            return 0;
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
            Map<String, double[]> g = GroupedCsv.read(in.csv, in.value, in.group, null).values();
            List<String> names = in.twoGroups(g, "Mann-Whitney");
            RankTests.Result r = RankTests.mannWhitney(g.get(names.get(0)), g.get(names.get(1)), Alternative.parse(alternative));
            if (in.json) {
                System.out.print(Json.write(r));
                return 0;
            }
            printSummary(g);
            System.out.println(in.verdict(names.get(0) + " vs " + names.get(1) + " on " + in.value, r.p() < in.alpha,
                    String.format(Locale.ROOT, "Mann-Whitney U = %s, %s (%s)", num(r.statistic()), pValue(r.p()), r.kind())));
            return 0;
        }
    }
}
