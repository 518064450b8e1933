package org.reprise.estimate.balance;

/**
 * One covariate of MatchIt's {@code summary()} balance table (R MatchIt 4 / cobalt conventions).
 * The standardised mean difference divides the difference in means by the treated group's standard deviation
 * in the unmatched sample (n - 1 divisor), or sqrt(p_T (1 - p_T)) for a 0/1 variable; the same denominator is
 * used before and after matching.
 *
 * @param variable            covariate name
 * @param binary              every value is 0 or 1
 * @param meanTreated         mean over all treated
 * @param meanControl         mean over all controls
 * @param smdBefore           (meanTreated - meanControl) / denominator
 * @param meanTreatedMatched  weighted mean over the matched treated
 * @param meanControlMatched  weighted mean over the matched controls
 * @param smdAfter            (meanTreatedMatched - meanControlMatched) / denominator
 * @param denominator         the standardisation factor
 */
public record SmdRow(String variable, boolean binary, double meanTreated, double meanControl, double smdBefore,
                     double meanTreatedMatched, double meanControlMatched, double smdAfter, double denominator) implements java.io.Serializable {
}
