package org.signkit.stats;

/**
 * One pair of a post-hoc test.
 *
 * @param first      first group
 * @param second     second group
 * @param difference mean of first minus mean of second
 * @param stdError   standard error of the difference (as the method defines it)
 * @param q          studentized range statistic |difference| / stdError
 * @param df         degrees of freedom used
 * @param pAdjusted  family-wise adjusted p-value
 * @param ciLow      lower simultaneous confidence bound of the difference
 * @param ciHigh     upper simultaneous confidence bound
 */
public record PairwiseComparison(String first, String second, double difference, double stdError, double q,
                                 double df, double pAdjusted, double ciLow, double ciHigh) {
}
