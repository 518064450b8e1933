package org.reprise.estimate.boot;

import java.util.List;
import java.util.Map;

/**
 * Everything a bootstrap run produced.
 *
 * @param requested  replicates requested (B)
 * @param seed       the seed
 * @param n          observations per resample
 * @param stratified true when resampled within strata
 * @param level      confidence level (percent)
 * @param estimate   statistics on the original sample
 * @param draws      draws[r][k]: statistic k of the r-th successful replicate, in replicate order
 * @param replicate  replicate[r]: the replicate number b (0-based) of draws[r]
 * @param failed     replicates that failed with a UserError (skipped, not silently dropped)
 * @param failures   each distinct failure message with its count, in order of first occurrence
 * @param stats      one summary per statistic
 */
public record BootstrapResult(int requested, long seed, int n, boolean stratified, double level, double[] estimate,
                              double[][] draws, int[] replicate, int failed, Map<String, Integer> failures,
                              List<BootStat> stats) {

    /** Successful replicates. */
    public int succeeded() {
        return draws.length;
    }
}
