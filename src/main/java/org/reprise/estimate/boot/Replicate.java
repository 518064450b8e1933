package org.reprise.estimate.boot;

/**
 * One bootstrap replicate: computes the statistics on the resample given by {@code indices} (observation numbers
 * drawn with replacement, length n). Must be thread-safe (replicates run in parallel) and must not keep the array.
 * Throw {@link org.reprise.UserError} when the statistic cannot be computed on this resample (e.g. no controls
 * drawn): the replicate is then counted as failed and skipped.
 */
@FunctionalInterface
public interface Replicate {
    /** The statistics for this resample; always the same length. Non-finite entries are skipped per statistic. */
    double[] apply(int[] indices);
}
