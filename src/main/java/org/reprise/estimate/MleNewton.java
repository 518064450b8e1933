package org.reprise.estimate;

/**
 * Newton-Raphson maximisation of a concave log-likelihood with step halving, the one optimiser every
 * maximum-likelihood estimator here uses (probit and logit share it).
 *
 * <p>Each iteration computes the gradient g and the observed information A = -H at the current point, the
 * Newton direction d = A^-1 g, and tries beta + t d for t = 1, 1/2, 1/4, ... (at most {@link #MAX_HALVINGS}
 * halvings) until the log-likelihood does not decrease. Convergence needs both the scaled gradient
 * g' A^-1 g &lt; {@link #NR_TOLERANCE} and a relative change of the log-likelihood over the last step
 * |ll_t - ll_(t-1)| / |ll_(t-1)| &lt; {@link #LL_TOLERANCE}; these are the criteria of Stata's ml
 * (nrtolerance 1e-5, ltolerance 1e-7), made stricter; once they hold, one more full Newton step is taken (kept
 * if it does not lower the log-likelihood), which takes the remaining error to rounding level.
 */
public final class MleNewton {
    /** Bound on g' A^-1 g (Stata's nrtolerance is 1e-5). */
    public static final double NR_TOLERANCE = 1e-10;
    /** Bound on the relative change of the log-likelihood (Stata's ltolerance is 1e-7). */
    public static final double LL_TOLERANCE = 1e-10;
    /** Default iteration limit. */
    public static final int MAX_ITERATIONS = 100;
    /** Halvings tried in one iteration before giving up on the direction. */
    public static final int MAX_HALVINGS = 50;

    private MleNewton() {
    }

    /** Maximises f from start with the default iteration limit. */
    public static MleResult maximize(MleObjective f, double[] start) {
        return maximize(f, start, MAX_ITERATIONS);
    }

    /** Maximises f from start, taking at most maxIterations Newton steps. */
    public static MleResult maximize(MleObjective f, double[] start, int maxIterations) {
        int k = f.dimension();
        double[] beta = start.clone();
        double[] grad = new double[k];
        double[][] info = new double[k][k];
        double ll = f.derivatives(beta, grad, info);
        if (!Double.isFinite(ll)) {
            return new MleResult(beta, ll, grad, null, null, Double.NaN, 0, 0, false,
                    "the log-likelihood is not finite at the starting values");
        }
        double relChange = Double.POSITIVE_INFINITY;
        double[] lastStep = null;
        int halvings = 0;
        for (int iter = 0; ; iter++) {
            double[][] inv = inverseSpd(info);
            if (inv == null) {
                return new MleResult(beta, ll, grad, null, lastStep, Double.NaN, iter, halvings, false,
                        "the Hessian is not negative definite");
            }
            double[] d = multiply(inv, grad);
            double dec = dot(grad, d);
            if (dec < NR_TOLERANCE && relChange < LL_TOLERANCE) {
                return polish(f, beta, ll, grad, inv, d, dec, iter, halvings);
            }
            if (iter == maxIterations) {
                return new MleResult(beta, ll, grad, inv, d, dec, iter, halvings, false,
                        "no convergence after " + maxIterations + " iterations");
            }
            double t = 1.0;
            double[] trial = new double[k];
            double llTrial = Double.NaN;
            boolean accepted = false;
            for (int h = 0; h <= MAX_HALVINGS; h++) {
                for (int j = 0; j < k; j++) {
                    trial[j] = beta[j] + t * d[j];
                }
                llTrial = f.value(trial);
                if (Double.isFinite(llTrial) && llTrial >= ll - 1e-14 * (1 + Math.abs(ll))) {
                    accepted = true;
                    break;
                }
                t *= 0.5;
                halvings++;
            }
            if (!accepted) {
                if (dec < NR_TOLERANCE) {
                    // at the optimum up to rounding: no step can improve the log-likelihood any more
                    return new MleResult(beta, ll, grad, inv, d, dec, iter, halvings, true, null);
                }
                return new MleResult(beta, ll, grad, inv, d, dec, iter, halvings, false,
                        "no step along the Newton direction increases the log-likelihood");
            }
            lastStep = new double[k];
            for (int j = 0; j < k; j++) {
                lastStep[j] = trial[j] - beta[j];
            }
            relChange = Math.abs(llTrial - ll) / Math.max(Math.abs(ll), Double.MIN_NORMAL);
            beta = trial;
            ll = f.derivatives(beta, grad, info);
        }
    }

    /**
     * One more full Newton step after convergence: the criteria bound the remaining error by about
     * sqrt(NR_TOLERANCE) = 1e-5 standard errors, and quadratic convergence takes that to rounding level.
     * The step is kept only if it does not lower the log-likelihood and the information stays positive definite.
     */
    private static MleResult polish(MleObjective f, double[] beta, double ll, double[] grad, double[][] inv,
                                    double[] d, double dec, int iter, int halvings) {
        int k = beta.length;
        double[] trial = new double[k];
        for (int j = 0; j < k; j++) {
            trial[j] = beta[j] + d[j];
        }
        double[] g2 = new double[k];
        double[][] info2 = new double[k][k];
        double ll2 = f.derivatives(trial, g2, info2);
        if (Double.isFinite(ll2) && ll2 >= ll - 1e-14 * (1 + Math.abs(ll))) {
            double[][] inv2 = inverseSpd(info2);
            if (inv2 != null) {
                double[] d2 = multiply(inv2, g2);
                return new MleResult(trial, ll2, g2, inv2, d2, dot(g2, d2), iter + 1, halvings, true, null);
            }
        }
        return new MleResult(beta, ll, grad, inv, d, dec, iter, halvings, true, null);
    }

    /** Inverse of a symmetric positive definite matrix by Cholesky; null when it is not numerically positive definite. */
    static double[][] inverseSpd(double[][] a) {
        int k = a.length;
        double[][] l = new double[k][k];
        double maxDiag = 0;
        for (int i = 0; i < k; i++) {
            maxDiag = Math.max(maxDiag, Math.abs(a[i][i]));
        }
        for (int j = 0; j < k; j++) {
            double s = a[j][j];
            for (int p = 0; p < j; p++) {
                s -= l[j][p] * l[j][p];
            }
            if (!(s > 1e-15 * maxDiag) || !Double.isFinite(s)) {
                return null;
            }
            l[j][j] = Math.sqrt(s);
            for (int i = j + 1; i < k; i++) {
                double v = a[i][j];
                for (int p = 0; p < j; p++) {
                    v -= l[i][p] * l[j][p];
                }
                l[i][j] = v / l[j][j];
            }
        }
        // inverse of L, then L^-T L^-1
        double[][] li = new double[k][k];
        for (int c = 0; c < k; c++) {
            li[c][c] = 1.0 / l[c][c];
            for (int i = c + 1; i < k; i++) {
                double v = 0;
                for (int p = c; p < i; p++) {
                    v -= l[i][p] * li[p][c];
                }
                li[i][c] = v / l[i][i];
            }
        }
        double[][] inv = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j <= i; j++) {
                double v = 0;
                for (int p = i; p < k; p++) {
                    v += li[p][i] * li[p][j];
                }
                inv[i][j] = v;
                inv[j][i] = v;
            }
        }
        return inv;
    }

    static double[] multiply(double[][] m, double[] v) {
        double[] out = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            out[i] = dot(m[i], v);
        }
        return out;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
