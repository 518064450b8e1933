package org.reprise.estimate.match;

import java.util.List;
import org.reprise.covariance.Vcov;
import org.reprise.estimate.BinaryFit;
import org.reprise.estimate.LinearFit;

/**
 * The table of Stata's {@code diff} and everything behind it. Rows are indexed by the caller's observation number.
 *
 * @param before        period 0: control mean, treated mean, Diff (T-C)
 * @param after         period 1: control mean, treated mean, Diff (T-C)
 * @param did           Diff-in-Diff; its control/treated entries are the changes over time (period 1 - period 0)
 *                      of the control and treated means
 * @param n             observations in the DID regression (diff's "Number of observations in the DIFF-IN-DIFF")
 * @param nControlBefore  regression rows: controls at baseline
 * @param nTreatedBefore  treated at baseline
 * @param nControlAfter   controls at follow-up
 * @param nTreatedAfter   treated at follow-up
 * @param r2            R-squared of the (weighted) regression
 * @param df            degrees of freedom of the t tests (N-K, or G-1 with clusters)
 * @param weight        diff's {@code _weights} per row: treated 1, controls the summed kernel weights carried from
 *                      baseline; 0 for rows not in the regression; all 1 without kernel
 * @param used          rows in the regression
 * @param score         propensity score per row (baseline rows; NaN where not defined); null without kernel
 * @param support       diff's {@code _support} per row (all true without the support option)
 * @param scoreFit      the probit/logit of the score at baseline; null when the score was supplied or no kernel
 * @param treatedOffSupport  treated baseline rows off the common support
 * @param controlsOffSupport control baseline rows off the common support
 * @param treatedWithoutMatch treated baseline rows used as matching targets whose kernel window held no control
 *                      (diff keeps them in the regression with weight 1)
 * @param controlsMatched control baseline rows with a positive kernel weight
 * @param fit           the regression y = b0 + b1 post + b2 treated + b3 post#treated [+ covariates]
 * @param vcov          its covariance
 * @param notes         remarks on the sample (units seen in one period only, rows without a score, ...)
 */
public record PsmDidResult(Row before, Row after, Row did, int n, int nControlBefore, int nTreatedBefore,
                           int nControlAfter, int nTreatedAfter, double r2, double df, double[] weight,
                           boolean[] used, double[] score, boolean[] support, BinaryFit scoreFit,
                           int treatedOffSupport, int controlsOffSupport, int treatedWithoutMatch,
                           int controlsMatched, LinearFit fit, Vcov vcov, List<String> notes) {

    /**
     * One block of diff's table. Every entry is a linear combination of the regression coefficients; its SE is
     * sqrt(c'Vc), t = estimate/SE and p the two-sided Student-t p-value with {@link #df()} degrees of freedom
     * (diff's {@code test ... == 0}).
     */
    public record Row(double meanControl, double seControl, double meanTreated, double seTreated, double diff,
                      double se, double t, double p) {
    }
}
