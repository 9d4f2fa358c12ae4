package org.signkit.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.signkit.core.AtomicFiles;
import org.signkit.core.CsvTable;
import org.signkit.core.Json;
import org.signkit.stats.Alternative;
import org.signkit.stats.AnovaResult;
import org.signkit.stats.Corrections;
import org.signkit.stats.GroupSummary;
import org.signkit.stats.OneWayAnova;
import org.signkit.stats.PairwiseComparison;
import org.signkit.stats.PostHoc;
import org.signkit.stats.TTestResult;
import org.signkit.stats.TTests;

/**
 * The statistics after the trials: per condition and metric, mean ± SD with a 95% confidence interval;
 * then each planned test with its plain-language verdict, and for tests tied to a claim of the study
 * whether the run agrees, disagrees or is inconclusive. Written next to the records as
 * {@code results.csv}, {@code analysis.json} and {@code analysis.md}.
 *
 * @param experiment experiment name
 * @param profile    spec profile
 * @param question   the experiment's question
 * @param summaries  metric → per-condition summaries
 * @param values     metric → condition → per-trial values
 * @param tests      outcomes of the planned tests
 * @param missing    planned trials without an ok record (failed or not run)
 * @param failures   trial id → error, for failed trials
 */
public record Analysis(String experiment, String profile, String question, Map<String, List<GroupSummary>> summaries,
                       Map<String, Map<String, double[]>> values, List<TestOutcome> tests, List<String> missing,
                       Map<String, String> failures) {

    /**
     * One planned test's outcome.
     *
     * @param test       the planned test
     * @param p          its p-value (NaN when it could not run)
     * @param statistic  the statistic in words ({@code F(2, 6) = 4.12}, {@code t(3.9) = 2.01})
     * @param effect     effect size in words
     * @param pairs      post-hoc or pairwise comparisons (first, second, difference, adjusted p)
     * @param verdict    plain-language verdict
     * @param claim      the study's claim this test checks, or null
     * @param agreement  {@code agree}, {@code disagree} or {@code inconclusive} (null without a claim)
     */
    public record TestOutcome(ExperimentSpec.PlannedTest test, double p, String statistic, String effect,
                              List<Pair> pairs, String verdict, String claim, String agreement) {
    }

    /** One pair of a post-hoc or pairwise family. */
    public record Pair(String first, String second, double difference, double pAdjusted) {
    }

    /** Analyses the records of a run. */
    public static Analysis of(ExperimentSpec spec, List<TrialRecord> records) {
        Map<String, Map<String, double[]>> values = new LinkedHashMap<>();
        Map<String, List<GroupSummary>> summaries = new LinkedHashMap<>();
        for (String metric : spec.metrics()) {
            Map<String, double[]> byCondition = new LinkedHashMap<>();
            for (ExperimentSpec.Condition c : spec.conditions()) {
                byCondition.put(c.name(), records.stream().filter(r -> r.ok() && r.condition().equals(c.name())
                        && r.metrics().get(metric) != null).mapToDouble(r -> r.metrics().get(metric)).toArray());
            }
            values.put(metric, byCondition);
            List<GroupSummary> s = new ArrayList<>();
            byCondition.forEach((c, v) -> s.add(summary(c, v)));
            summaries.put(metric, s);
        }
        List<String> missing = new ArrayList<>();
        Map<String, String> failures = new LinkedHashMap<>();
        for (ExperimentRunner.Trial t : ExperimentRunner.plan(spec)) {
            TrialRecord r = records.stream().filter(x -> x.trial().equals(t.id())).reduce((a, b) -> b).orElse(null);
            if (r == null || !r.ok()) {
                missing.add(t.id());
            }
            if (r != null && !r.ok()) {
                failures.put(t.id(), r.error());
            }
        }
        List<TestOutcome> tests = new ArrayList<>();
        for (ExperimentSpec.PlannedTest t : spec.analysis()) {
            tests.add(run(t, values.get(t.metric()), spec));
        }
        return new Analysis(spec.name(), spec.profile(), spec.question(), summaries, values, tests, missing, failures);
    }

    private static GroupSummary summary(String group, double[] v) {
        if (v.length >= 2) {
            return GroupSummary.of(Map.of(group, v), 0.95).get(0);
        }
        double mean = v.length == 1 ? v[0] : Double.NaN;
        return new GroupSummary(group, v.length, mean, Double.NaN, Double.NaN, Double.NaN);
    }

    private static TestOutcome run(ExperimentSpec.PlannedTest t, Map<String, double[]> all, ExperimentSpec spec) {
        Map<String, double[]> groups = new LinkedHashMap<>();
        (t.groups().isEmpty() ? all.keySet().stream().toList() : t.groups()).forEach(g -> groups.put(g, all.get(g)));
        String claimText = t.claim() == null ? null : t.claim().statement();
        List<String> thin = groups.entrySet().stream().filter(e -> e.getValue().length < 2).map(Map.Entry::getKey).toList();
        if (!thin.isEmpty()) {
            return new TestOutcome(t, Double.NaN, "-", "-", List.of(), "not tested: fewer than 2 ok trials in " + thin,
                    claimText, t.claim() == null ? null : "inconclusive");
        }
        String metric = t.metric().replace('_', ' ');
        return switch (t.test()) {
            case "anova" -> {
                AnovaResult a = OneWayAnova.classic(groups);
                List<Pair> pairs = PostHoc.tukeyHsd(groups, 0.95).stream()
                        .map(c -> new Pair(c.first(), c.second(), c.difference(), c.pAdjusted())).toList();
                boolean sig = a.p() < t.alpha();
                String best = best(groups);
                String verdict = sig
                        ? String.format(Locale.ROOT, "%s differs between conditions (p = %.3g < %.2g); highest mean: %s%s", metric,
                                a.p(), t.alpha(), best, significantPairs(pairs, t.alpha()))
                        : String.format(Locale.ROOT, "no significant difference in %s between conditions (p = %.3g ≥ %.2g)", metric,
                                a.p(), t.alpha());
                yield new TestOutcome(t, a.p(), String.format(Locale.ROOT, "F(%.0f, %.0f) = %.3f", a.df1(), a.df2(), a.f()),
                        String.format(Locale.ROOT, "η² = %.3f, ω² = %.3f", a.etaSquared(), a.omegaSquared()), pairs, verdict,
                        claimText, agreement(t.claim(), sig, best, groups, t.alpha(), a.p()));
            }
            case "ttest" -> {
                String g1 = t.groups().get(0);
                String g2 = t.groups().get(1);
                TTestResult r = TTests.welch(groups.get(g1), groups.get(g2), Alternative.parse(t.alternative()), 0.95);
                TTestResult twoSided = TTests.welch(groups.get(g1), groups.get(g2), Alternative.TWO_SIDED, 0.95);
                boolean sig = r.p() < t.alpha();
                String verdict = sig
                        ? String.format(Locale.ROOT, "%s: %s %s %s (difference %+.4f, p = %.3g < %.2g)", metric, g1,
                                r.meanDifference() > 0 ? ">" : "<", g2, r.meanDifference(), r.p(), t.alpha())
                        : String.format(Locale.ROOT, "%s: no significant difference between %s and %s (difference %+.4f, p = %.3g)",
                                metric, g1, g2, r.meanDifference(), r.p());
                yield new TestOutcome(t, r.p(), String.format(Locale.ROOT, "Welch t(%.1f) = %.3f, %s", r.df(), r.t(), t.alternative()),
                        String.format(Locale.ROOT, "Hedges' g = %.2f", r.hedgesG()),
                        List.of(new Pair(g1, g2, r.meanDifference(), r.p())), verdict, claimText,
                        agreementTwo(t.claim(), r, twoSided, t.alpha()));
            }
            default -> {
                List<String> names = List.copyOf(groups.keySet());
                List<Pair> raw = new ArrayList<>();
                for (int i = 0; i < names.size(); i++) {
                    for (int j = i + 1; j < names.size(); j++) {
                        TTestResult r = TTests.welch(groups.get(names.get(i)), groups.get(names.get(j)), Alternative.TWO_SIDED, 0.95);
                        raw.add(new Pair(names.get(i), names.get(j), r.meanDifference(), r.p()));
                    }
                }
                double[] adj = Corrections.parse(t.correction()).adjust(raw.stream().mapToDouble(Pair::pAdjusted).toArray());
                List<Pair> pairs = new ArrayList<>();
                for (int i = 0; i < raw.size(); i++) {
                    pairs.add(new Pair(raw.get(i).first(), raw.get(i).second(), raw.get(i).difference(), adj[i]));
                }
                double minP = java.util.Arrays.stream(adj).min().orElse(1);
                boolean sig = minP < t.alpha();
                String verdict = sig ? metric + ": " + significantPairs(pairs, t.alpha()).replaceFirst("^; ", "")
                        : String.format(Locale.ROOT, "%s: no pair differs significantly (%s-corrected, smallest p = %.3g)", metric,
                                t.correction(), minP);
                yield new TestOutcome(t, minP, "Welch t-tests, " + t.correction() + " correction", "-", pairs, verdict, claimText,
                        agreement(t.claim(), sig, best(groups), groups, t.alpha(), minP));
            }
        };
    }

    private static String best(Map<String, double[]> groups) {
        return groups.entrySet().stream().max(java.util.Comparator.comparingDouble(e -> mean(e.getValue())))
                .map(Map.Entry::getKey).orElse("-");
    }

    private static double mean(double[] v) {
        return java.util.Arrays.stream(v).average().orElse(Double.NaN);
    }

    private static String significantPairs(List<Pair> pairs, double alpha) {
        List<String> s = pairs.stream().filter(p -> p.pAdjusted() < alpha)
                .map(p -> p.difference() > 0 ? p.first() + " > " + p.second() : p.second() + " > " + p.first()).toList();
        return s.isEmpty() ? "; no pair differs after correction" : "; " + String.join(", ", s);
    }

    private static String agreement(ExperimentSpec.Claim claim, boolean significant, String best, Map<String, double[]> groups,
                                    double alpha, double p) {
        if (claim == null) {
            return null;
        }
        return switch (claim.kind()) {
            case "best" -> !significant ? "inconclusive" : claim.groups().contains(best) ? "agree" : "disagree";
            case "no-difference" -> significant ? "disagree" : "agree";
            default -> {
                double a = mean(groups.get(claim.groups().get(0)));
                double b = mean(groups.get(claim.groups().get(1)));
                yield !significant ? "inconclusive" : a > b ? "agree" : "disagree";
            }
        };
    }

    private static String agreementTwo(ExperimentSpec.Claim claim, TTestResult r, TTestResult twoSided, double alpha) {
        if (claim == null) {
            return null;
        }
        return switch (claim.kind()) {
            case "no-difference" -> twoSided.p() < alpha ? "disagree" : "agree";
            case "greater", "best" -> r.p() < alpha && r.meanDifference() > 0 ? "agree"
                    : twoSided.p() < alpha && r.meanDifference() < 0 ? "disagree" : "inconclusive";
            default -> "inconclusive";
        };
    }

    /** Writes {@code results.csv}, {@code analysis.json} and {@code analysis.md} into {@code dir}. */
    public void write(Path dir) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        summaries.forEach((metric, list) -> list.forEach(s -> rows.add(List.of(metric, s.group(), Integer.toString(s.n()),
                num(s.mean()), num(s.sd()), num(s.ciLow()), num(s.ciHigh()),
                java.util.Arrays.stream(values.get(metric).get(s.group())).mapToObj(Analysis::num)
                        .reduce((a, b) -> a + " " + b).orElse("")))));
        CsvTable.write(dir.resolve("results.csv"), List.of("metric", "condition", "n", "mean", "sd", "ci95_low", "ci95_high",
                "values"), rows, r -> r);
        AtomicFiles.writeString(dir.resolve("analysis.json"), Json.write(this));
        AtomicFiles.writeString(dir.resolve("analysis.md"), markdown());
    }

    /** The analysis as Markdown: tables per metric, then the tests and verdicts. */
    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(experiment).append(" (").append(profile).append(")\n\n");
        if (!question.isEmpty()) {
            md.append(question).append("\n\n");
        }
        summaries.forEach((metric, list) -> {
            md.append("## ").append(metric).append("\n\n| condition | n | mean ± SD | 95% CI | trials |\n|---|---|---|---|---|\n");
            for (GroupSummary s : list) {
                md.append(String.format(Locale.ROOT, "| %s | %d | %s ± %s | [%s, %s] | %s |%n", s.group(), s.n(), num(s.mean()),
                        num(s.sd()), num(s.ciLow()), num(s.ciHigh()), java.util.Arrays.stream(values.get(metric).get(s.group()))
                                .mapToObj(Analysis::num).reduce((a, b) -> a + ", " + b).orElse("")));
            }
            md.append('\n');
        });
        md.append("## Tests\n\n");
        for (TestOutcome t : tests) {
            md.append("- **").append(t.test().test()).append("** on ").append(t.test().metric()).append(": ")
                    .append(t.statistic()).append(", p = ").append(num(t.p())).append(", ").append(t.effect())
                    .append(".  \n  ").append(t.verdict());
            if (t.claim() != null) {
                md.append("  \n  Study's claim: *").append(t.claim()).append("* → **").append(t.agreement()).append("**");
            }
            md.append('\n');
        }
        if (!missing.isEmpty()) {
            md.append("\n**Missing trials** (not in the statistics): ").append(String.join(", ", missing)).append('\n');
            failures.forEach((id, e) -> md.append("- ").append(id).append(": ").append(e).append('\n'));
        }
        return md.toString();
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.4f", v);
    }
}
