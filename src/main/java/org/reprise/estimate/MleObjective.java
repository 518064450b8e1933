package org.reprise.estimate;

/**
 * A twice-differentiable, concave log-likelihood in k parameters, as {@link MleNewton} needs it.
 * Implementations must return a non-finite value (NaN or -Infinity) rather than throw when a trial
 * point is numerically impossible, so that the optimiser can halve its step.
 */
public interface MleObjective {
    /** Number of parameters k. */
    int dimension();

    /** The log-likelihood at beta (length k). */
    double value(double[] beta);

    /**
     * The log-likelihood at beta; also writes its gradient into grad (length k) and the
     * negative Hessian (observed information, k x k, symmetric) into info.
     */
    double derivatives(double[] beta, double[] grad, double[][] info);
}
