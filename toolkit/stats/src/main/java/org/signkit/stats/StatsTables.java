package org.signkit.stats;

import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The results as Tablesaw tables, for notebooks and reports (print, filter, join, write CSV). */
public final class StatsTables {

    private StatsTables() {
    }

    /** Group means with confidence intervals. */
    public static Table groups(List<GroupSummary> s) {
        return Table.create("groups",
                StringColumn.create("group", s.stream().map(GroupSummary::group).toList()),
                IntColumn.create("n", s.stream().mapToInt(GroupSummary::n).toArray()),
                DoubleColumn.create("mean", s.stream().mapToDouble(GroupSummary::mean).toArray()),
                DoubleColumn.create("sd", s.stream().mapToDouble(GroupSummary::sd).toArray()),
                DoubleColumn.create("ci_low", s.stream().mapToDouble(GroupSummary::ciLow).toArray()),
                DoubleColumn.create("ci_high", s.stream().mapToDouble(GroupSummary::ciHigh).toArray()));
    }

    /** One-way ANOVA-type results, one row each. */
    public static Table anova(List<AnovaResult> r) {
        return Table.create("anova",
                StringColumn.create("test", r.stream().map(AnovaResult::kind).toList()),
                DoubleColumn.create("F", r.stream().mapToDouble(AnovaResult::f).toArray()),
                DoubleColumn.create("df1", r.stream().mapToDouble(AnovaResult::df1).toArray()),
                DoubleColumn.create("df2", r.stream().mapToDouble(AnovaResult::df2).toArray()),
                DoubleColumn.create("p", r.stream().mapToDouble(AnovaResult::p).toArray()),
                DoubleColumn.create("eta_squared", r.stream().mapToDouble(AnovaResult::etaSquared).toArray()),
                DoubleColumn.create("omega_squared", r.stream().mapToDouble(AnovaResult::omegaSquared).toArray()));
    }

    /** A two-way ANOVA table. */
    public static Table twoWay(List<TwoWayAnova.Row> r) {
        return Table.create("two-way anova",
                StringColumn.create("term", r.stream().map(TwoWayAnova.Row::term).toList()),
                DoubleColumn.create("sum_sq", r.stream().mapToDouble(TwoWayAnova.Row::sumOfSquares).toArray()),
                DoubleColumn.create("df", r.stream().mapToDouble(TwoWayAnova.Row::df).toArray()),
                DoubleColumn.create("F", r.stream().mapToDouble(TwoWayAnova.Row::f).toArray()),
                DoubleColumn.create("p", r.stream().mapToDouble(TwoWayAnova.Row::p).toArray()),
                DoubleColumn.create("partial_eta_squared", r.stream().mapToDouble(TwoWayAnova.Row::partialEtaSquared).toArray()));
    }

    /** Pairwise (post-hoc) comparisons. */
    public static Table pairwise(List<PairwiseComparison> r) {
        return Table.create("pairwise",
                StringColumn.create("first", r.stream().map(PairwiseComparison::first).toList()),
                StringColumn.create("second", r.stream().map(PairwiseComparison::second).toList()),
                DoubleColumn.create("difference", r.stream().mapToDouble(PairwiseComparison::difference).toArray()),
                DoubleColumn.create("q", r.stream().mapToDouble(PairwiseComparison::q).toArray()),
                DoubleColumn.create("df", r.stream().mapToDouble(PairwiseComparison::df).toArray()),
                DoubleColumn.create("p_adjusted", r.stream().mapToDouble(PairwiseComparison::pAdjusted).toArray()),
                DoubleColumn.create("ci_low", r.stream().mapToDouble(PairwiseComparison::ciLow).toArray()),
                DoubleColumn.create("ci_high", r.stream().mapToDouble(PairwiseComparison::ciHigh).toArray()));
    }

    /** The pairs of a verdict: difference, statistic, df, raw and adjusted p, CI. */
    public static Table pairs(Verdict v) {
        List<Verdict.PairTest> r = v.pairs();
        return Table.create("pairs",
                StringColumn.create("first", r.stream().map(Verdict.PairTest::first).toList()),
                StringColumn.create("second", r.stream().map(Verdict.PairTest::second).toList()),
                DoubleColumn.create("difference", r.stream().mapToDouble(Verdict.PairTest::difference).toArray()),
                DoubleColumn.create("statistic", r.stream().mapToDouble(Verdict.PairTest::statistic).toArray()),
                DoubleColumn.create("df", r.stream().mapToDouble(Verdict.PairTest::df).toArray()),
                DoubleColumn.create("p", r.stream().mapToDouble(Verdict.PairTest::p).toArray()),
                DoubleColumn.create("p_adjusted", r.stream().mapToDouble(Verdict.PairTest::pAdjusted).toArray()),
                DoubleColumn.create("ci_low", r.stream().mapToDouble(Verdict.PairTest::ciLow).toArray()),
                DoubleColumn.create("ci_high", r.stream().mapToDouble(Verdict.PairTest::ciHigh).toArray()));
    }
}
