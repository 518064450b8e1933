package org.reprise.results;

/**
 * One row of a tidy coefficient table (broom's tidy()): full double precision.
 * An omitted term (collinear) has estimate 0 and NaN for the rest, as Stata's "(omitted)".
 */
public record Term(String term, double estimate, double stdError, double statistic, double pValue,
                   double confLow, double confHigh, boolean omitted) implements java.io.Serializable {
}
