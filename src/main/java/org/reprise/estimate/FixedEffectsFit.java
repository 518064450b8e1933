package org.reprise.estimate;

import java.util.List;

/**
 * Least squares with absorbed fixed effects ({@link Absorb#fit}).
 *
 * <p>{@code fit} is the regression on the transformed data as Stata's {@code xtreg, fe} runs it: every variable
 * demeaned within the fixed effects, plus its grand mean, regressed with a constant. Its slopes are the within
 * estimates; its {@code _cons} is xtreg's mean-adjusted intercept ȳ - x̄'b with xtreg's standard error; its
 * residuals are the within residuals; its r2 is the within R²; its dfResid is n - k - absorbed where
 * {@code fit.absorbed()} = {@link #fixedEffectParameters} - 1 (the constant they contain is reported as _cons).
 * Observations of the fit are the rows listed in {@code rows} (all rows unless singletons were dropped): cluster
 * codes passed to the covariance layer must follow that order ({@link #subset}).
 *
 * @param fit                   the regression on the transformed data, a {@link org.reprise.covariance.Scored}
 * @param rows                  input rows used, ascending
 * @param groups                number of groups of each fixed effect in the estimation sample
 * @param fixedEffectParameters rank of the fixed-effect dummies: G for one; G1 + G2 - components for two
 * @param singletonsDropped     observations dropped as singletons (0 unless asked for)
 * @param iterations            alternating-projection sweeps used (the most over all variables)
 * @param notes                 notes: omitted regressors, singletons dropped
 */
public record FixedEffectsFit(LinearFit fit, int[] rows, int[] groups, int fixedEffectParameters,
                              int singletonsDropped, int iterations, List<String> notes) {

    /** Within R² (Stata's "R-sq: within"). */
    public double r2Within() {
        return fit.r2();
    }

    /** Picks the estimation sample's entries of a per-input-row code array (e.g. cluster codes). */
    public int[] subset(int[] perInputRow) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = perInputRow[rows[i]];
        }
        return out;
    }
}
