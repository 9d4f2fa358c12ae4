package org.signkit.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.signkit.stats.Claim;
import org.signkit.stats.Comparison;
import org.signkit.stats.Power;

/**
 * What a spec will run and what it can detect: the trials (conditions × repeats), the blocks (one seed per
 * repeat, shared by every condition), and for each planned test the repeats per condition that bring the
 * minimum detectable difference at 80% power (or, for a no-difference claim, the margin TOST can show) down to
 * the claim's margin, for a given spread of the trials.
 *
 * @param experiment experiment name
 * @param profile    profile
 * @param conditions condition names
 * @param repeats    planned repeats per condition
 * @param blocks     each repeat's seed
 * @param sizes      per planned test and assumed spread
 */
public record DesignPlan(String experiment, String profile, List<String> conditions, int repeats, Map<Integer, Long> blocks,
                         List<Size> sizes) {

    /** Spreads assumed when neither an SD nor a previous run is given: a stable, a typical and a noisy small model. */
    public static final List<Double> ASSUMED_SDS = List.of(0.01, 0.02, 0.05);

    /** The margin used for tests without a claim margin. */
    public static final double DEFAULT_MARGIN = 0.05;

    /**
     * The size of one planned test under one spread.
     *
     * @param test          {@code anova}, {@code ttest}, {@code pairwise}
     * @param metric        metric tested
     * @param claim         the claim's statement, or empty
     * @param equivalence   whether the claim is one of no difference (sized for TOST)
     * @param margin        the difference that must be detectable (or provable as equivalence)
     * @param sd            the spread: SD of a condition's trials (independent) or of paired differences (paired)
     * @param sdSource      where the spread comes from
     * @param design        paired (blocks observed) or independent
     * @param reachPlanned  MDE (or provable margin) with the planned repeats
     * @param repeatsNeeded repeats per condition for {@code reachPlanned ≤ margin}
     */
    public record Size(String test, String metric, String claim, boolean equivalence, double margin, double sd, String sdSource,
                       Power.Design design, double reachPlanned, int repeatsNeeded) {
    }

    /**
     * The plan of a spec. {@code sd} given: that spread for every test, independent trials. Else a previous
     * run's analysis: each test's observed spread (paired differences when the run was blocked). Else
     * {@link #ASSUMED_SDS}.
     */
    public static DesignPlan of(ExperimentSpec spec, Double sd, Analysis previous, double defaultMargin) {
        Map<Integer, Long> blocks = new LinkedHashMap<>();
        for (int r = 1; r <= spec.repeats(); r++) {
            blocks.put(r, ExperimentRunner.seed(spec.seed(), r));
        }
        List<Size> sizes = new ArrayList<>();
        for (ExperimentSpec.PlannedTest t : spec.analysis()) {
            Claim c = t.claim();
            boolean equivalence = c != null && c.kind() == Claim.Kind.NO_DIFFERENCE;
            double margin = c != null && !Double.isNaN(c.margin()) ? c.margin() : defaultMargin;
            double alpha = t.test() == Comparison.PAIRWISE ? t.alpha() / Math.max(1, pairs(spec, t)) : t.alpha();
            List<double[]> spreads = new ArrayList<>();
            if (sd != null) {
                spreads.add(new double[] {sd, 0});
            } else if (previous != null) {
                spreads.add(observed(previous, t));
            } else {
                ASSUMED_SDS.forEach(s -> spreads.add(new double[] {s, 0}));
            }
            for (double[] s : spreads) {
                Power.Design design = s[1] == 1 ? Power.Design.PAIRED : Power.Design.INDEPENDENT;
                String source = sd != null ? "given (--sd)" : previous != null ? "observed in the previous run"
                        + (design == Power.Design.PAIRED ? " (paired differences)" : "") : "assumed";
                double reach = Double.NaN;
                int needed = Integer.MAX_VALUE;
                if (s[0] > 0 && spec.repeats() >= 2) {
                    int n = spec.repeats();
                    double se = design == Power.Design.PAIRED ? s[0] / Math.sqrt(n) : s[0] * Math.sqrt(2.0 / n);
                    double df = design == Power.Design.PAIRED ? n - 1 : 2 * n - 2;
                    reach = equivalence ? Power.equivalenceMargin(se, df, alpha, Power.TARGET)
                            : Power.mdeT(se, df, alpha, org.signkit.stats.Alternative.TWO_SIDED, Power.TARGET);
                }
                if (s[0] > 0) {
                    needed = Power.repeatsFor(margin, s[0], design, equivalence, alpha, Power.TARGET);
                }
                sizes.add(new Size(t.test().id(), t.metric(), c == null ? "" : c.statement(), equivalence, margin, s[0], source, design,
                        reach, needed));
            }
        }
        return new DesignPlan(spec.name(), spec.profile(), spec.conditions().stream().map(ExperimentSpec.Condition::name).toList(),
                spec.repeats(), blocks, sizes);
    }

    private static int pairs(ExperimentSpec spec, ExperimentSpec.PlannedTest t) {
        int k = t.groups().isEmpty() ? spec.conditions().size() : t.groups().size();
        return k * (k - 1) / 2;
    }

    /** {sd, paired?}: the SD of the paired differences of the test's first two groups in a blocked run, else the pooled SD. */
    private static double[] observed(Analysis previous, ExperimentSpec.PlannedTest t) {
        Map<String, double[]> byCondition = previous.values().get(t.metric());
        if (byCondition == null) {
            return new double[] {Double.NaN, 0};
        }
        List<String> groups = t.groups().isEmpty() ? List.copyOf(byCondition.keySet()) : t.groups();
        double[] a = byCondition.get(groups.get(0));
        double[] b = byCondition.get(groups.get(1));
        if (previous.blocked() && a.length == b.length && a.length >= 2) {
            double[] d = new double[a.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = a[i] - b[i];
            }
            return new double[] {sd(d), 1};
        }
        double ss = 0;
        int df = 0;
        for (String g : groups) {
            double[] v = byCondition.get(g);
            if (v.length >= 2) {
                ss += sd(v) * sd(v) * (v.length - 1);
                df += v.length - 1;
            }
        }
        return new double[] {df == 0 ? Double.NaN : Math.sqrt(ss / df), 0};
    }

    private static double sd(double[] v) {
        return org.signkit.stats.GroupSummary.of(Map.of("v", v), 0.95).get(0).sd();
    }
}
