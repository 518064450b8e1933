package org.reprise.estimate.balance;

/**
 * The summary line of Stata's {@code pstest} for one sample (unmatched or matched).
 *
 * @param pseudoR2        McFadden pseudo R-squared of the score model re-estimated on the sample
 * @param lrChi2          its likelihood-ratio chi-squared against the constant-only model
 * @param lrDf            degrees of freedom of the LR test (kept regressors other than _cons)
 * @param pChi2           upper-tail p-value of lrChi2
 * @param meanBias        mean of |%bias| over the covariates
 * @param medianBias      median of |%bias| (Stata's p50: mean of the two middle values for an even count)
 * @param rubinB          Rubin's B: 100 (mean index T - mean index C) / sqrt((var T + var C) / 2) of the score
 *                        model's linear index, signed as pstest computes it (not an absolute value)
 * @param rubinR          Rubin's R: var T / var C of the linear index
 * @param pctVarOutside   % of continuous covariates whose variance ratio is outside [varRatioLow, varRatioHigh]
 *                        (NaN when there is no continuous covariate)
 * @param varRatioLow     F(n1 - 1, n1 - 1) 2.5% quantile, n1 = treated in the sample
 * @param varRatioHigh    F(n1 - 1, n1 - 1) 97.5% quantile
 */
public record BalanceJoint(double pseudoR2, double lrChi2, int lrDf, double pChi2, double meanBias,
                           double medianBias, double rubinB, double rubinR, double pctVarOutside,
                           double varRatioLow, double varRatioHigh) implements java.io.Serializable {

    /** pstest's "*" after B: B &gt;= 25 (signed, as pstest compares it). */
    public boolean rubinBFlag() {
        return rubinB >= 25;
    }

    /** pstest's "*" after R: R outside [0.5, 2] (or missing). */
    public boolean rubinRFlag() {
        return !(rubinR >= 0.5 && rubinR <= 2);
    }
}
