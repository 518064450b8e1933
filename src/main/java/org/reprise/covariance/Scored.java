package org.reprise.covariance;

/**
 * What any fit hands the covariance layer (statsmodels' sandwich idea): the bread and per-observation scores.
 * Least squares: bread = (X'WX)^-1, score_i = x_i w_i e_i, scale = sigma^2.
 * Maximum likelihood: bread = inverse observed information, score_i = gradient of observation i's log-likelihood, scale = 1.
 * Only the kept (non-omitted) parameters appear; k = rank().
 */
public interface Scored {
    /** Observations used in the fit. */
    int nobs();

    /** Number of estimated (kept) parameters, k. */
    int rank();

    /** k x k bread matrix. */
    double[][] bread();

    /** Writes observation i's score (length k) into out. */
    void score(int i, double[] out);

    /** sigma^2 for classical least-squares covariance; 1 for maximum likelihood. */
    double scale();

    /** Leverage h_ii for HC2/HC3; NaN where it is not defined. */
    double leverage(int i);

    /** Residual degrees of freedom: N - k - absorbed() for least squares. */
    int dfResid();

    /** Parameters absorbed as fixed effects (0 when none), for small-sample factors. */
    default int absorbed() {
        return 0;
    }

    /** True for maximum-likelihood fits: inference uses the normal, not t. */
    default boolean asymptotic() {
        return false;
    }
}
