package org.signkit.stats;

/**
 * A one-way ANOVA's outcome.
 *
 * @param kind         {@code classic}, {@code welch}, {@code levene} or {@code brown-forsythe}
 * @param f            F statistic
 * @param df1          numerator degrees of freedom
 * @param df2          denominator degrees of freedom (fractional for Welch)
 * @param p            p-value
 * @param etaSquared   η² = SS_between / SS_total (of the classic decomposition)
 * @param omegaSquared ω² = (SS_between − df1·MS_within) / (SS_total + MS_within)
 */
public record AnovaResult(String kind, double f, double df1, double df2, double p, double etaSquared,
                          double omegaSquared) {
}
