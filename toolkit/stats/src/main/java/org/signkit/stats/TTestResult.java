package org.signkit.stats;

/**
 * A t-test's outcome.
 *
 * @param kind           {@code student}, {@code welch} or {@code paired}
 * @param alternative    the alternative hypothesis
 * @param t              t statistic (first minus second)
 * @param df             degrees of freedom (fractional for Welch)
 * @param p              p-value
 * @param meanDifference mean of the first minus mean of the second (paired: mean of the differences)
 * @param ciLow          lower bound of the confidence interval of the difference (-inf for {@code less})
 * @param ciHigh         upper bound (+inf for {@code greater})
 * @param cohensD        Cohen's d: difference over the pooled SD (paired: over the SD of the differences)
 * @param hedgesG        Hedges' g: d times the exact small-sample correction J(df)
 */
public record TTestResult(String kind, Alternative alternative, double t, double df, double p, double meanDifference,
                          double ciLow, double ciHigh, double cohensD, double hedgesG) {
}
