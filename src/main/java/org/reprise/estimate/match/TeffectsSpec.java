package org.reprise.estimate.match;

import org.reprise.estimate.BinaryChoice;

/**
 * Options of Stata's {@code teffects psmatch} and {@code teffects nnmatch} (see docs/matching.md, "teffects").
 *
 * @param neighbors    matches per unit, {@code nneighbor(#)} (default 1); all units tied with the last are kept
 * @param vceNeighbors {@code vce(robust, nn(#))}: neighbours for the conditional variances (default 2)
 * @param link         psmatch's treatment model: LOGIT (teffects' default) or PROBIT
 * @param metric       nnmatch's distance: MAHALANOBIS (teffects' default), IVARIANCE or EUCLIDEAN
 * @param pstolerance  psmatch's overlap check {@code pstolerance(#)}: scores must lie in (tol, 1 − tol) (default 1e-5)
 */
public record TeffectsSpec(int neighbors, int vceNeighbors, BinaryChoice.Link link, Metric metric,
                           double pstolerance) {
    /** nnmatch's covariate distance. */
    public enum Metric {
        /** Inverse of the sample covariance matrix of the matching covariates. */
        MAHALANOBIS,
        /** Inverse of its diagonal (each covariate scaled by its variance). */
        IVARIANCE,
        /** Identity. */
        EUCLIDEAN
    }

    /** teffects' defaults: nneighbor(1), vce(robust, nn(2)), logit, Mahalanobis, pstolerance(1e-5). */
    public static TeffectsSpec defaults() {
        return new TeffectsSpec(1, 2, BinaryChoice.Link.LOGIT, Metric.MAHALANOBIS, 1e-5);
    }

    public TeffectsSpec withNeighbors(int m, int vce) {
        return new TeffectsSpec(m, vce, link, metric, pstolerance);
    }

    public TeffectsSpec withLink(BinaryChoice.Link l) {
        return new TeffectsSpec(neighbors, vceNeighbors, l, metric, pstolerance);
    }

    public TeffectsSpec withMetric(Metric m) {
        return new TeffectsSpec(neighbors, vceNeighbors, link, m, pstolerance);
    }
}
