package org.reprise.estimate;

/**
 * What {@link MleNewton#maximize} found.
 *
 * @param beta       the last accepted parameter vector
 * @param loglik     the log-likelihood at beta
 * @param gradient   the gradient at beta
 * @param infoInverse inverse of the observed information (negative Hessian) at beta; null when it is not
 *                   positive definite there
 * @param direction  the Newton direction infoInverse * gradient at beta (null when infoInverse is null), or else the
 *                   last accepted step: a diverging direction when the maximum does not exist
 * @param decrement  the scaled gradient g' H^-1 g at beta (NaN when infoInverse is null)
 * @param iterations Newton steps taken (Stata's "Iteration n" count, without iteration 0)
 * @param halvings   step halvings performed over all iterations
 * @param converged  true when both convergence criteria held
 * @param problem    why it stopped without converging; null when converged
 */
public record MleResult(double[] beta, double loglik, double[] gradient, double[][] infoInverse,
                        double[] direction, double decrement, int iterations, int halvings,
                        boolean converged, String problem) {
}
