package org.reprise.montecarlo;

import java.util.ArrayList;
import java.util.List;

/**
 * The Monte Carlo table: per estimate with an oracle, over the replications in which it was estimated. With
 * d_r = estimate_r − oracle_r (the oracle of the dataset drawn in replication r) and n such replications:
 * bias = mean d, MC SE sd(d)/√n; RMSE = √mean d², MC SE sd(d²)/(2·RMSE·√n) (delta method); SD = sd(d) (n − 1);
 * mean SE over SD, MC SE (mean SE/SD)/√(2(n − 1)) (the sampling error of a normal SD only); coverage = share of
 * replications whose reported 95% interval holds the oracle, MC SE √(c(1 − c)/n).
 *
 * @param options what was run
 * @param rows one per estimate with an oracle, in results.json order
 * @param failed replications whose estimation stopped with an error (they count in no row)
 * @param firstFailure the first such error message, or null
 */
public record Summary(MonteCarlo.Options options, List<Line> rows, int failed, String firstFailure) {

    /**
     * One estimate.
     *
     * @param oracle the pair
     * @param n replications with an estimate
     * @param meanOracle mean of the oracle over those replications
     * @param meanEstimate mean estimate
     * @param bias mean of estimate − oracle
     * @param biasMcse its Monte Carlo SE
     * @param rmse root mean squared error
     * @param rmseMcse its Monte Carlo SE
     * @param sd SD of estimate − oracle
     * @param meanSe mean reported SE (NaN when the estimate has none)
     * @param seRatio mean SE / SD
     * @param seRatioMcse its Monte Carlo SE
     * @param coverage share of 95% intervals holding the oracle (NaN without SEs)
     * @param coverageMcse its Monte Carlo SE
     */
    public record Line(Oracle oracle, int n, double meanOracle, double meanEstimate, double bias, double biasMcse,
                       double rmse, double rmseMcse, double sd, double meanSe, double seRatio, double seRatioMcse,
                       double coverage, double coverageMcse) {
    }

    static Summary of(List<Oracle> pairs, MonteCarlo.Draw[] draws, MonteCarlo.Options o) {
        int failed = 0;
        String first = null;
        for (MonteCarlo.Draw d : draws) {
            if (d.failure() != null) {
                failed++;
                first = first == null ? d.failure() : first;
            }
        }
        List<Line> rows = new ArrayList<>();
        for (int j = 0; j < pairs.size(); j++) {
            int n = 0;
            int nSe = 0;
            int covered = 0;
            double sumO = 0, sumE = 0, sumD = 0, sumD2 = 0, sumD4 = 0, sumSe = 0;
            for (MonteCarlo.Draw d : draws) {
                double e = d.estimate()[j];
                double th = d.oracle()[j];
                if (d.failure() != null || !Double.isFinite(e)) {
                    continue;
                }
                double diff = e - th;
                n++;
                sumO += th;
                sumE += e;
                sumD += diff;
                sumD2 += diff * diff;
                sumD4 += diff * diff * diff * diff;
                double se = d.se()[j];
                if (Double.isFinite(se) && Double.isFinite(d.low()[j]) && Double.isFinite(d.high()[j])) {
                    nSe++;
                    sumSe += se;
                    if (d.low()[j] <= th && th <= d.high()[j]) {
                        covered++;
                    }
                }
            }
            if (n < 2) {
                rows.add(new Line(pairs.get(j), n, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                        Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN));
                continue;
            }
            double bias = sumD / n;
            double var = (sumD2 - n * bias * bias) / (n - 1);
            double sd = Math.sqrt(Math.max(var, 0));
            double msq = sumD2 / n;
            double rmse = Math.sqrt(msq);
            double varSq = (sumD4 - n * msq * msq) / (n - 1);
            double rmseMcse = rmse > 0 ? Math.sqrt(Math.max(varSq, 0) / n) / (2 * rmse) : Double.NaN;
            double meanSe = nSe > 0 ? sumSe / nSe : Double.NaN;
            double ratio = meanSe / sd;
            double cov = nSe > 0 ? (double) covered / nSe : Double.NaN;
            rows.add(new Line(pairs.get(j), n, sumO / n, sumE / n, bias, sd / Math.sqrt(n), rmse, rmseMcse, sd,
                    meanSe, ratio, ratio / Math.sqrt(2.0 * (n - 1)), cov,
                    nSe > 0 ? Math.sqrt(cov * (1 - cov) / nSe) : Double.NaN));
        }
        return new Summary(o, rows, failed, first);
    }
}
