package org.reprise.estimate.boot;

/**
 * Bootstrap summary of one statistic (Stata's {@code bootstrap} table and {@code estat bootstrap, percentile}).
 *
 * @param estimate        the statistic on the original sample
 * @param se              standard deviation of the replicates (divisor B - 1)
 * @param normalLow       estimate - z se, z the standard normal quantile for the level
 * @param normalHigh      estimate + z se
 * @param percentileLow   the (100 - level)/2 percentile of the replicates (Stata's centile definition)
 * @param percentileHigh  the (100 + level)/2 percentile
 * @param replicates      replicates used for this statistic: successful ones with a finite value
 */
public record BootStat(double estimate, double se, double normalLow, double normalHigh, double percentileLow,
                       double percentileHigh, int replicates) {
}
