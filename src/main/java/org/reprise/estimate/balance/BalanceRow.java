package org.reprise.estimate.balance;

/**
 * One covariate of Stata's {@code pstest, both}: the unmatched (U) and matched (M) rows.
 * Formulas in docs/matching.md, section "Balance". NaN where pstest shows a missing value.
 *
 * @param variable       covariate name
 * @param binary         true when every value is 0 or 1 (pstest then shows no variance ratio)
 * @param meanTreatedU   mean over all treated
 * @param meanControlU   mean over all controls
 * @param biasU          standardised % bias 100 (mean T - mean C) / sqrt((s2_T + s2_C) / 2), unmatched variances
 * @param tU             t statistic of the OLS regression of the covariate on the treatment dummy
 * @param pU             its two-sided p-value, t distribution with n - 2 df
 * @param varRatioU      s2_T / s2_C (continuous covariates only)
 * @param meanTreatedM   weighted mean over the matched treated (treated on support, weight 1)
 * @param meanControlM   weighted mean over the matched controls (weight = psmatch2's _weight)
 * @param biasM          standardised % bias after matching, with the UNMATCHED variances in the denominator
 * @param reductionPct   % reduction in |bias|: 100 (1 - |biasM| / |biasU|)
 * @param tM             t statistic of the regression on the matched sample with _weight as iweights
 * @param pM             its two-sided p-value (df = Stata's iweight N - 2)
 * @param varRatioM      iweighted s2_T / s2_C on the matched sample (continuous covariates only)
 * @param varRatioFlagU  pstest's "*": varRatioU outside the unmatched F bounds (continuous covariates only)
 * @param varRatioFlagM  pstest's "*": varRatioM outside the matched F bounds (continuous covariates only)
 */
public record BalanceRow(String variable, boolean binary, double meanTreatedU, double meanControlU, double biasU,
                         double tU, double pU, double varRatioU, double meanTreatedM, double meanControlM,
                         double biasM, double reductionPct, double tM, double pM, double varRatioM,
                         boolean varRatioFlagU, boolean varRatioFlagM) implements java.io.Serializable {

    /** A row without pstest's variance-ratio flags (both false), for callers that build rows by hand. */
    public BalanceRow(String variable, boolean binary, double meanTreatedU, double meanControlU, double biasU,
                      double tU, double pU, double varRatioU, double meanTreatedM, double meanControlM,
                      double biasM, double reductionPct, double tM, double pM, double varRatioM) {
        this(variable, binary, meanTreatedU, meanControlU, biasU, tU, pU, varRatioU, meanTreatedM, meanControlM,
                biasM, reductionPct, tM, pM, varRatioM, false, false);
    }
}
