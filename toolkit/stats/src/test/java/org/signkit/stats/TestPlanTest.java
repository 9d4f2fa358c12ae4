package org.signkit.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The decision rule: which test, when not computable, blocks, equivalence and the claims it decides. */
class TestPlanTest {

    private static Map<String, double[]> groups(Object... nameValues) {
        Map<String, double[]> g = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            g.put((String) nameValues[i], (double[]) nameValues[i + 1]);
        }
        return g;
    }

    private static Verdict run(TestPlan plan, Map<String, double[]> g) {
        return plan.run(new Trials("accuracy", g, null));
    }

    private static Map<String, List<String>> repeats(Map<String, double[]> g) {
        Map<String, List<String>> b = new LinkedHashMap<>();
        g.forEach((k, v) -> b.put(k, java.util.stream.IntStream.rangeClosed(1, v.length).mapToObj(Integer::toString).toList()));
        return b;
    }

    @Test
    void tooFewTrialsOrNoSpreadIsNotComputableWithTheReason() {
        for (Comparison c : Comparison.values()) {
            TestPlan plan = TestPlan.of(c);
            Verdict one = run(plan, groups("a", new double[] {0.8}, "b", new double[] {0.7, 0.75, 0.72}));
            assertEquals(Verdict.Outcome.NOT_COMPUTABLE, one.outcome());
            assertEquals("'a' has 1 trial; a planned test needs at least 3 per condition", one.reason());
            Verdict two = run(plan, groups("a", new double[] {0.8, 0.81}, "b", new double[] {0.7, 0.75}));
            assertEquals(Verdict.Outcome.NOT_COMPUTABLE, two.outcome());
            assertTrue(two.reason().startsWith("'a' has 2 trials"), two.reason());
            Verdict flat = run(plan, groups("a", new double[] {0.5, 0.5, 0.5}, "b", new double[] {0.7, 0.75, 0.72}));
            assertEquals(Verdict.Outcome.NOT_COMPUTABLE, flat.outcome());
            assertEquals("'a' has zero variance (all 3 trials = 0.5), so there is no spread to test against", flat.reason());
            assertEquals("not computable: " + flat.reason(), flat.wording());
            assertTrue(Double.isNaN(flat.p()));
            assertNull(flat.power());
        }
    }

    @Test
    void welchIsTheDefaultAndClassicOnlyWhenAskedAndTheVariancesAllowIt() {
        Map<String, double[]> g = groups("a", new double[] {0.80, 0.82, 0.79, 0.81}, "b", new double[] {0.70, 0.76, 0.73, 0.75});
        Verdict welch = run(TestPlan.of(Comparison.TWO_GROUPS), g);
        assertEquals("Welch's t-test", welch.test());
        TTestResult ref = TTests.welch(g.get("a"), g.get("b"), Alternative.TWO_SIDED, 0.95);
        assertEquals(ref.p(), welch.p(), 1e-15);
        assertEquals(ref.df(), welch.statistic().df1(), 1e-12);
        TestPlan classic = new TestPlan(Comparison.TWO_GROUPS, 0.05, Alternative.TWO_SIDED, Corrections.HOLM, VarianceRule.CLASSIC, Double.NaN);
        assertEquals("Student's t-test", classic.run(new Trials("accuracy", g, null)).test());
        // Brown–Forsythe rejects equal variances here, which overrides the classic test.
        Map<String, double[]> spread = groups("a", new double[] {0.50, 0.501, 0.499, 0.5005, 0.4995, 0.5},
                "b", new double[] {0.2, 0.9, 0.35, 0.8, 0.1, 0.95});
        Verdict over = classic.run(new Trials("accuracy", spread, null));
        assertTrue(over.checks().stream().anyMatch(c -> c.check().equals("brown-forsythe") && c.p() < 0.05), over.checks().toString());
        assertEquals("Welch's t-test", over.test());
        assertTrue(over.rule().contains("Brown-Forsythe rejects equal variances"), over.rule());
        Verdict anova = run(TestPlan.of(Comparison.OMNIBUS), groups("a", g.get("a"), "b", g.get("b"), "c", new double[] {0.6, 0.65, 0.62, 0.7}));
        assertEquals("Welch's ANOVA", anova.test());
        assertTrue(anova.rule().endsWith("pairs: Games-Howell"), anova.rule());
    }

    @Test
    void sharedBlocksGivePairedTests() {
        Map<String, double[]> g = groups("a", new double[] {0.80, 0.70, 0.90}, "b", new double[] {0.78, 0.685, 0.878});
        Verdict paired = TestPlan.of(Comparison.TWO_GROUPS).run(new Trials("accuracy", g, repeats(g)));
        assertEquals("paired t-test", paired.test());
        assertEquals(TTests.paired(g.get("a"), g.get("b"), Alternative.TWO_SIDED, 0.95).p(), paired.p(), 1e-15);
        // The blocks absorb the between-repeat spread: paired finds what Welch cannot.
        assertEquals(Verdict.Outcome.SIGNIFICANT, paired.outcome());
        assertEquals(Verdict.Outcome.NOT_SIGNIFICANT, run(TestPlan.of(Comparison.TWO_GROUPS), g).outcome());
        Map<String, double[]> three = groups("a", g.get("a"), "b", g.get("b"), "c", new double[] {0.70, 0.62, 0.80});
        Verdict rm = TestPlan.of(Comparison.OMNIBUS).run(new Trials("accuracy", three, repeats(three)));
        assertEquals("repeated-measures ANOVA", rm.test());
        assertEquals(OneWayAnova.repeatedMeasures(three).p(), rm.p(), 1e-15);
        assertEquals(3, rm.pairs().size());
        // Too few common blocks: independent, and the checks say so.
        Map<String, List<String>> b = new LinkedHashMap<>(repeats(g));
        b.put("b", List.of("1", "5", "6"));
        Verdict loose = TestPlan.of(Comparison.TWO_GROUPS).run(new Trials("accuracy", g, b));
        assertEquals("Welch's t-test", loose.test());
        assertTrue(loose.checks().stream().anyMatch(c -> c.finding().contains("treated as independent")));
    }

    @Test
    void nonNormalTrialsGetTheRankTest() {
        Map<String, double[]> g = groups("a", new double[] {0.1, 0.11, 0.12, 0.1, 0.11, 0.9}, "b", new double[] {0.3, 0.31, 0.29, 0.3, 0.32, 0.31});
        Verdict v = run(TestPlan.of(Comparison.TWO_GROUPS), g);
        assertEquals("Mann-Whitney U test", v.test());
        assertEquals(RankTests.mannWhitney(g.get("a"), g.get("b"), Alternative.TWO_SIDED).p(), v.p(), 1e-15);
        assertTrue(v.rule().startsWith("Shapiro-Wilk rejects normality in [a]"), v.rule());
        Verdict k = run(TestPlan.of(Comparison.OMNIBUS), groups("a", g.get("a"), "b", g.get("b"), "c", new double[] {0.5, 0.52, 0.49, 0.51, 0.5, 0.53}));
        assertEquals("Kruskal-Wallis test", k.test());
        // With 3 trials a rank test could never reject (Mann-Whitney 3 vs 3: smallest two-sided p = 0.1): Welch stays.
        Map<String, double[]> three = groups("a", new double[] {0.10, 0.10001, 0.9}, "b", new double[] {0.3, 0.31, 0.29});
        Verdict small = run(TestPlan.of(Comparison.TWO_GROUPS), three);
        assertTrue(small.checks().stream().anyMatch(c -> c.check().equals("shapiro-wilk") && c.p() < 0.05), small.checks().toString());
        assertEquals("Welch's t-test", small.test());
        assertTrue(small.checks().stream().anyMatch(c -> c.check().equals("normality") && c.finding().contains("parametric test stays")));
    }

    @Test
    void noDifferenceIsDecidedByEquivalenceNeverByANonSignificantP() {
        Map<String, double[]> close = groups("a", new double[] {0.801, 0.812, 0.795}, "b", new double[] {0.806, 0.809, 0.799});
        Map<String, double[]> noisy = groups("a", new double[] {0.74, 0.81, 0.69}, "b", new double[] {0.77, 0.70, 0.83});
        Map<String, double[]> apart = groups("a", new double[] {0.91, 0.92, 0.905}, "b", new double[] {0.71, 0.73, 0.70});
        Claim claim = new Claim(Claim.Kind.NO_DIFFERENCE, List.of("a", "b"), "a and b do not differ", 0.05);
        TestPlan plan = TestPlan.of(Comparison.TWO_GROUPS).withMargin(0.05);
        Claim.Check eq = claim.check(run(plan, close), close);
        assertEquals(Claim.Agreement.AGREE, eq.agreement());
        assertEquals("equivalent", eq.label());
        assertTrue(eq.decidable());
        Verdict noisyVerdict = run(plan, noisy);
        assertEquals(Verdict.Outcome.NOT_SIGNIFICANT, noisyVerdict.outcome());
        Claim.Check undecided = claim.check(noisyVerdict, noisy);
        assertEquals(Claim.Agreement.UNDECIDED, undecided.agreement());
        assertEquals("undecided (MDE " + Verdict.num(noisyVerdict.power().mde()) + ")", undecided.label());
        assertFalse(undecided.decidable());
        assertEquals("not equivalent", claim.check(run(plan, apart), apart).label());
        // Without a margin a non-significant p decides nothing.
        Claim bare = new Claim(Claim.Kind.NO_DIFFERENCE, List.of("a", "b"), "a and b do not differ", Double.NaN);
        Verdict plain = run(TestPlan.of(Comparison.TWO_GROUPS), noisy);
        assertNull(plain.equivalence());
        assertEquals(Claim.Agreement.UNDECIDED, bare.check(plain, noisy).agreement());
        for (Verdict v : List.of(noisyVerdict, plain)) {
            assertFalse(v.wording().toLowerCase().contains("accept"), v.wording());
            assertTrue(v.wording().contains("no significant difference between a and b at α = 0.05"), v.wording());
        }
    }

    @Test
    void oneSidedClaimsAgreeDisagreeOrStayInconclusive() {
        TestPlan greater = new TestPlan(Comparison.TWO_GROUPS, 0.05, Alternative.GREATER, Corrections.HOLM, VarianceRule.WELCH, Double.NaN);
        Claim claim = new Claim(Claim.Kind.GREATER, List.of("a", "b"), "a beats b", 0.05);
        Map<String, double[]> up = groups("a", new double[] {0.91, 0.92, 0.905}, "b", new double[] {0.71, 0.73, 0.70});
        Map<String, double[]> down = groups("a", up.get("b"), "b", up.get("a"));
        Map<String, double[]> flat = groups("a", new double[] {0.74, 0.81, 0.69}, "b", new double[] {0.77, 0.70, 0.83});
        assertEquals(Claim.Agreement.AGREE, claim.check(greater.run(new Trials("x", up, null)), up).agreement());
        Verdict opposite = greater.run(new Trials("x", down, null));
        assertEquals(Claim.Agreement.DISAGREE, claim.check(opposite, down).agreement());
        assertTrue(opposite.wording().contains("the other way round, a < b is significant"), opposite.wording());
        Claim.Check c = claim.check(greater.run(new Trials("x", flat, null)), flat);
        assertEquals(Claim.Agreement.UNDECIDED, c.agreement());
        assertTrue(c.label().startsWith("inconclusive (MDE "), c.label());
    }
}
