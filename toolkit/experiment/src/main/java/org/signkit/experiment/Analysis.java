package org.signkit.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.signkit.core.AtomicFiles;
import org.signkit.core.CsvTable;
import org.signkit.core.Json;
import org.signkit.stats.Claim;
import org.signkit.stats.GroupSummary;
import org.signkit.stats.TestPlan;
import org.signkit.stats.Trials;
import org.signkit.stats.Verdict;

/**
 * The statistics after the trials: per condition and metric, mean ± SD with a 95% confidence interval;
 * per trial, frame and take (vote) accuracy with 95% CIs from a bootstrap over takes; each planned test
 * as {@link TestPlan} decides it (test, verdict, power, equivalence), and for tests tied to a claim of the
 * study whether the run bears it out; and warnings a reader must not miss (near chance, one class predicted
 * throughout, a design that could not decide its claim). Written next to the records as {@code results.csv},
 * {@code trials.csv}, {@code analysis.json} and {@code analysis.md}.
 *
 * @param experiment experiment name
 * @param profile    spec profile
 * @param question   the experiment's question
 * @param chance     accuracy by chance (1 / classes), NaN when no trial recorded its classes
 * @param blocked    whether each repeat shares its seed across conditions, so that the tests pair trials by repeat
 * @param summaries  metric → per-condition summaries (CIs of bounded metrics clamped to [0, 1])
 * @param values     metric → condition → per-trial values
 * @param trials     per ok trial: its split scores with bootstrap CIs
 * @param tests      outcomes of the planned tests
 * @param warnings   what makes the numbers untrustworthy, in sentences
 * @param missing    planned trials without an ok record (failed or not run)
 * @param failures   trial id → error, for failed trials
 */
public record Analysis(String experiment, String profile, String question, double chance, boolean blocked,
                       Map<String, List<GroupSummary>> summaries, Map<String, Map<String, double[]>> values, List<TrialScores> trials,
                       List<TestOutcome> tests, List<String> warnings, List<String> missing, Map<String, String> failures) {

    /** A condition whose mean accuracy is within this of chance is flagged. */
    public static final double CHANCE_MARGIN = 0.10;

    /**
     * One planned test's outcome.
     *
     * @param test    the planned test
     * @param verdict what {@link TestPlan} found
     * @param claim   the claim's check, or null without a claim
     */
    public record TestOutcome(ExperimentSpec.PlannedTest test, Verdict verdict, Claim.Check claim) {
    }

    /**
     * One ok trial's scores.
     *
     * @param trial     trial id
     * @param condition condition
     * @param repeat    repeat (the block)
     * @param seed      its seed
     * @param metrics   its metrics
     * @param splits    split → score with bootstrap CIs
     */
    public record TrialScores(String trial, String condition, int repeat, long seed, Map<String, Double> metrics,
                              Map<String, TrialRecord.SplitScore> splits) {
    }

    /** Analyses the records of a run. */
    public static Analysis of(ExperimentSpec spec, List<TrialRecord> records) {
        List<TrialRecord> ok = records.stream().filter(TrialRecord::ok).toList();
        Map<String, Map<String, double[]>> values = new LinkedHashMap<>();
        Map<String, Map<String, List<String>>> blocks = new LinkedHashMap<>();
        Map<String, List<GroupSummary>> summaries = new LinkedHashMap<>();
        for (String metric : spec.metrics()) {
            Map<String, double[]> byCondition = new LinkedHashMap<>();
            Map<String, List<String>> blockKeys = new LinkedHashMap<>();
            for (ExperimentSpec.Condition c : spec.conditions()) {
                List<TrialRecord> rs = ok.stream().filter(r -> r.condition().equals(c.name()) && r.metrics().get(metric) != null).toList();
                byCondition.put(c.name(), rs.stream().mapToDouble(r -> r.metrics().get(metric)).toArray());
                blockKeys.put(c.name(), rs.stream().map(r -> Integer.toString(r.repeat())).toList());
            }
            values.put(metric, byCondition);
            blocks.put(metric, blockKeys);
            List<GroupSummary> s = new ArrayList<>();
            byCondition.forEach((c, v) -> s.add(summary(c, v, !metric.equals("train_seconds"))));
            summaries.put(metric, s);
        }
        boolean blocked = blocked(ok);
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
            Map<String, double[]> groups = new LinkedHashMap<>();
            Map<String, List<String>> keys = new LinkedHashMap<>();
            for (String g : t.groups().isEmpty() ? List.copyOf(values.get(t.metric()).keySet()) : t.groups()) {
                groups.put(g, values.get(t.metric()).get(g));
                keys.put(g, blocks.get(t.metric()).get(g));
            }
            Verdict v = t.plan().run(new Trials(t.metric(), groups, blocked ? keys : null));
            tests.add(new TestOutcome(t, v, t.claim() == null ? null : t.claim().check(v, groups)));
        }
        List<TrialScores> trials = ok.stream().map(r -> new TrialScores(r.trial(), r.condition(), r.repeat(), r.seed(),
                r.metrics(), r.splits() == null ? Map.of() : r.splits())).toList();
        double chance = trials.stream().flatMap(t -> t.splits().values().stream()).mapToInt(TrialRecord.SplitScore::classes)
                .filter(c -> c > 0).mapToDouble(c -> 1.0 / c).max().orElse(Double.NaN);
        List<String> warnings = warnings(summaries, trials, tests, chance);
        return new Analysis(spec.name(), spec.profile(), spec.question(), chance, blocked, summaries, values, trials, tests, warnings,
                missing, failures);
    }

    /** Blocked when every repeat's trials share one seed across their conditions (and some repeat has two). */
    private static boolean blocked(List<TrialRecord> ok) {
        Map<Integer, Long> seedOf = new LinkedHashMap<>();
        boolean shared = false;
        for (TrialRecord r : ok) {
            Long seen = seedOf.putIfAbsent(r.repeat(), r.seed());
            if (seen != null && seen != r.seed()) {
                return false;
            }
            shared |= seen != null;
        }
        return shared;
    }

    private static GroupSummary summary(String group, double[] v, boolean proportion) {
        if (v.length >= 2) {
            GroupSummary s = GroupSummary.of(Map.of(group, v), 0.95).get(0);
            return proportion ? new GroupSummary(group, s.n(), s.mean(), s.sd(), Math.max(0, s.ciLow()), Math.min(1, s.ciHigh())) : s;
        }
        double mean = v.length == 1 ? v[0] : Double.NaN;
        return new GroupSummary(group, v.length, mean, Double.NaN, Double.NaN, Double.NaN);
    }

    private static List<String> warnings(Map<String, List<GroupSummary>> summaries, List<TrialScores> trials, List<TestOutcome> tests,
                                         double chance) {
        List<String> out = new ArrayList<>();
        if (!Double.isNaN(chance)) {
            summaries.forEach((metric, list) -> {
                if (metric.endsWith("accuracy")) {
                    for (GroupSummary s : list) {
                        if (s.mean() <= chance + CHANCE_MARGIN) {
                            out.add(String.format(Locale.ROOT, "%s: mean %s %s is within %s of chance (%s for %d classes)", s.group(),
                                    metric.replace('_', ' '), Verdict.num(s.mean()), Verdict.num(CHANCE_MARGIN), Verdict.num(chance),
                                    Math.round(1 / chance)));
                        }
                    }
                }
            });
        }
        for (TrialScores t : trials) {
            t.splits().forEach((split, s) -> {
                if (s.predictedClasses() == 1 && s.classes() > 1) {
                    out.add(t.trial() + " predicted one class for every " + split + " frame");
                }
            });
        }
        for (TestOutcome o : tests) {
            String name = o.test().test().id() + " on " + o.test().metric();
            if (o.verdict().outcome() == Verdict.Outcome.NOT_COMPUTABLE) {
                out.add(name + ": " + o.verdict().wording());
            } else if (o.claim() != null && !o.claim().decidable()) {
                out.add(name + ": underpowered: the design could not decide the claim \"" + o.test().claim().statement() + "\" ("
                        + o.claim().reason() + "); 'signkit experiment plan' gives the repeats it needs");
            }
        }
        return out;
    }

    /** Writes {@code results.csv}, {@code trials.csv}, {@code analysis.json} and {@code analysis.md} into {@code dir}. */
    public void write(Path dir) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        summaries.forEach((metric, list) -> list.forEach(s -> rows.add(List.of(metric, s.group(), Integer.toString(s.n()),
                num(s.mean()), num(s.sd()), num(s.ciLow()), num(s.ciHigh()), String.join(" ", trialValues(metric, s.group()))))));
        CsvTable.write(dir.resolve("results.csv"), List.of("metric", "condition", "n", "mean", "sd", "ci95_low", "ci95_high",
                "values"), rows, r -> r);
        List<String> metrics = List.copyOf(values.keySet());
        List<String> header = new ArrayList<>(List.of("trial", "condition", "repeat", "seed"));
        header.addAll(metrics);
        List<List<String>> trialRows = new ArrayList<>();
        for (TrialScores t : trials) {
            List<String> row = new ArrayList<>(List.of(t.trial(), t.condition(), Integer.toString(t.repeat()), Long.toString(t.seed())));
            for (String m : metrics) {
                Double v = t.metrics().get(m);
                row.add(v == null ? "" : Double.toString(v));
            }
            trialRows.add(row);
        }
        CsvTable.write(dir.resolve("trials.csv"), header, trialRows, r -> r);
        AtomicFiles.writeString(dir.resolve("analysis.json"), Json.write(this));
        AtomicFiles.writeString(dir.resolve("analysis.md"), markdown());
    }

    private List<String> trialValues(String metric, String condition) {
        return Arrays.stream(values.get(metric).get(condition)).mapToObj(Analysis::num).toList();
    }

    /** The analysis as Markdown: warnings, tables per metric, per-trial scores, then the tests and verdicts. */
    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(experiment).append(" (").append(profile).append(")\n\n");
        if (!question.isEmpty()) {
            md.append(question).append("\n\n");
        }
        for (String w : warnings) {
            md.append("> **Warning:** ").append(w).append("\n>\n");
        }
        if (!warnings.isEmpty()) {
            md.append('\n');
        }
        if (!Double.isNaN(chance)) {
            md.append("Chance accuracy: ").append(num(chance)).append(". ");
        }
        md.append(blocked ? "Each repeat shares its seed, split and order across conditions: the tests pair trials by repeat.\n\n"
                : "Trials are independent across conditions (no shared seeds).\n\n");
        summaries.forEach((metric, list) -> {
            md.append("## ").append(metric).append("\n\n| condition | n | mean ± SD | 95% CI | trials |\n|---|---|---|---|---|\n");
            for (GroupSummary s : list) {
                md.append(String.format(Locale.ROOT, "| %s | %d | %s ± %s | [%s, %s] | %s |%n", s.group(), s.n(), num(s.mean()),
                        num(s.sd()), num(s.ciLow()), num(s.ciHigh()), String.join(", ", trialValues(metric, s.group()))));
            }
            md.append('\n');
        });
        if (trials.stream().anyMatch(t -> !t.splits().isEmpty())) {
            md.append("## Per trial (95% CIs from a bootstrap over takes)\n\n| trial | split | frame accuracy | take (vote) accuracy |"
                    + " takes | classes predicted |\n|---|---|---|---|---|---|\n");
            for (TrialScores t : trials) {
                t.splits().forEach((split, s) -> md.append(String.format(Locale.ROOT, "| %s | %s | %s [%s, %s] | %s [%s, %s] | %d | %d of %d |%n",
                        t.trial(), split, num(s.accuracy().estimate()), num(s.accuracy().ciLow()), num(s.accuracy().ciHigh()),
                        num(s.takeAccuracy().estimate()), num(s.takeAccuracy().ciLow()), num(s.takeAccuracy().ciHigh()), s.takes(),
                        s.predictedClasses(), s.classes())));
            }
            md.append('\n');
        }
        md.append("## Tests\n\nRule: ").append(TestPlan.RULE).append("\n\n");
        for (TestOutcome t : tests) {
            Verdict v = t.verdict();
            md.append("- **").append(t.test().test().id()).append("** on ").append(t.test().metric()).append(": ").append(v.test());
            if (v.statistic() != null) {
                md.append(", ").append(v.statistic().text()).append(", p = ").append(Verdict.p(v.p()));
            }
            if (v.effect() != null) {
                md.append(", ").append(v.effect().name()).append(" = ").append(num(v.effect().estimate())).append(" [")
                        .append(num(v.effect().ciLow())).append(", ").append(num(v.effect().ciHigh())).append(']');
            }
            md.append(" (").append(v.rule()).append(").  \n  ").append(v.wording());
            if (v.power() != null) {
                md.append("  \n  Power: MDE ").append(num(v.power().mde())).append(" at 80%; TOST could show equivalence for margins ≥ ")
                        .append(num(v.power().equivalenceMargin())).append(" (").append(v.power().basis()).append(")");
            }
            if (t.claim() != null) {
                md.append("  \n  Study's claim: *").append(t.test().claim().statement()).append("* → **").append(t.claim().label())
                        .append("**: ").append(t.claim().reason());
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
