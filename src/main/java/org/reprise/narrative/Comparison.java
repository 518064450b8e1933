package org.reprise.narrative;

/**
 * A comparison of the key terms between two columns of a table, by model id (east vs central-west, with vs
 * without controls). {@code independentSamples}: the two models were fitted on disjoint samples (subgroups), so the
 * difference is tested by z = (b1 − b2)/sqrt(se1² + se2²); otherwise (same sample, other controls) no test is
 * reported.
 */
public record Comparison(String modelA, String modelB, boolean independentSamples) {
}
