package org.reprise.estimate;

import org.apache.commons.math3.special.Erf;

/**
 * The log-likelihood of a binary-choice model, sum_i w_i log F(q_i x_i'b) with q_i = 2 y_i - 1, for the probit
 * (F = standard normal CDF) and logit (F = logistic CDF) links, with analytic gradient and Hessian.
 *
 * <p>Tails are computed without underflow: for the probit, log Phi(z) and the inverse Mills ratio phi(z)/Phi(z)
 * come from erfc for z &gt; -8 and from the continued fraction of Mills' ratio below; for the logit,
 * log(1 + exp(-|z|)) is taken with log1p. Observations are the rows given; columns are column-major.
 */
public final class BinaryLikelihood implements MleObjective {
    private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
    private static final double SQRT2 = Math.sqrt(2.0);

    private final BinaryChoice.Link link;
    private final boolean[] y;
    private final double[][] x;
    private final double[] w;
    private final int n;

    /**
     * @param link    probit or logit
     * @param y       outcome per observation (true = 1)
     * @param x       regressors, x[j][i] = column j, observation i
     * @param weights per-observation weights, or null for 1
     */
    public BinaryLikelihood(BinaryChoice.Link link, boolean[] y, double[][] x, double[] weights) {
        this.link = link;
        this.y = y;
        this.x = x;
        this.w = weights;
        this.n = y.length;
    }

    @Override
    public int dimension() {
        return x.length;
    }

    /** Number of observations. */
    public int size() {
        return n;
    }

    /** x_i'beta. */
    public double index(int i, double[] beta) {
        double s = 0;
        for (int j = 0; j < beta.length; j++) {
            s += x[j][i] * beta[j];
        }
        return s;
    }

    private double weight(int i) {
        return w == null ? 1.0 : w[i];
    }

    @Override
    public double value(double[] beta) {
        double[] c = new double[3];
        double ll = 0;
        for (int i = 0; i < n; i++) {
            contribution(link, index(i, beta), y[i], c);
            ll += weight(i) * c[0];
        }
        return ll;
    }

    @Override
    public double derivatives(double[] beta, double[] grad, double[][] info) {
        int k = beta.length;
        java.util.Arrays.fill(grad, 0.0);
        for (double[] row : info) {
            java.util.Arrays.fill(row, 0.0);
        }
        double[] c = new double[3];
        double[] xi = new double[k];
        double ll = 0;
        for (int i = 0; i < n; i++) {
            contribution(link, index(i, beta), y[i], c);
            double wi = weight(i);
            ll += wi * c[0];
            double g = wi * c[1];
            double h = -wi * c[2];
            for (int j = 0; j < k; j++) {
                xi[j] = x[j][i];
                grad[j] += g * xi[j];
            }
            for (int a = 0; a < k; a++) {
                double ha = h * xi[a];
                double[] row = info[a];
                for (int b = 0; b <= a; b++) {
                    row[b] += ha * xi[b];
                }
            }
        }
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < a; b++) {
                info[b][a] = info[a][b];
            }
        }
        return ll;
    }

    /** Per-observation scores w_i dl_i/db at beta, as scores[j][i]. */
    public double[][] scores(double[] beta) {
        int k = beta.length;
        double[][] s = new double[k][n];
        double[] c = new double[3];
        for (int i = 0; i < n; i++) {
            contribution(link, index(i, beta), y[i], c);
            double g = weight(i) * c[1];
            for (int j = 0; j < k; j++) {
                s[j][i] = g * x[j][i];
            }
        }
        return s;
    }

    /**
     * Observation log-likelihood and its first two derivatives with respect to the index xb.
     * out[0] = log F(q xb), out[1] = d/dxb, out[2] = d2/dxb2 (negative).
     */
    public static void contribution(BinaryChoice.Link link, double xb, boolean y, double[] out) {
        double q = y ? 1.0 : -1.0;
        double z = q * xb;
        if (link == BinaryChoice.Link.PROBIT) {
            double[] lm = logPhiAndMills(z);
            double lambda = lm[1];
            out[0] = lm[0];
            out[1] = q * lambda;
            out[2] = -lambda * (z + lambda);
        } else {
            double e = Math.exp(-Math.abs(z));
            // log F(z) = -log(1 + exp(-z)), stably for either sign of z
            out[0] = z >= 0 ? -Math.log1p(e) : z - Math.log1p(e);
            double small = e / (1 + e);        // the smaller of p and 1 - p
            double large = 1 / (1 + e);
            double p = xb >= 0 ? large : small; // P(y = 1)
            double oneMinusP = xb >= 0 ? small : large;
            out[1] = y ? oneMinusP : -p;
            out[2] = -small * large;
        }
    }

    /** {log Phi(z), phi(z)/Phi(z)}, accurate in both tails. */
    public static double[] logPhiAndMills(double z) {
        if (z > -8) {
            double logPhi;
            double phiOverPhi;
            double density = Math.exp(-0.5 * z * z - LOG_SQRT_2PI);
            if (z > 0) {
                double upper = 0.5 * Erf.erfc(z / SQRT2);   // 1 - Phi(z), accurate
                logPhi = Math.log1p(-upper);
                phiOverPhi = density / (1 - upper);
            } else {
                double cdf = 0.5 * Erf.erfc(-z / SQRT2);
                logPhi = Math.log(cdf);
                phiOverPhi = density / cdf;
            }
            return new double[] {logPhi, phiOverPhi};
        }
        double r = millsRatio(-z);  // Phi(z) / phi(z)
        return new double[] {-0.5 * z * z - LOG_SQRT_2PI + Math.log(r), 1.0 / r};
    }

    /** Mills' ratio (1 - Phi(t)) / phi(t) for t &gt;= 8, by its continued fraction 1/(t+1/(t+2/(t+3/(t+...)))). */
    static double millsRatio(double t) {
        double v = t;
        for (int m = 80; m >= 1; m--) {
            v = t + m / v;
        }
        return 1.0 / v;
    }

    /** P(y = 1 | xb) for the link. */
    public static double probability(BinaryChoice.Link link, double xb) {
        if (link == BinaryChoice.Link.PROBIT) {
            return xb > 0 ? 1 - 0.5 * Erf.erfc(xb / SQRT2) : 0.5 * Erf.erfc(-xb / SQRT2);
        }
        return xb >= 0 ? 1 / (1 + Math.exp(-xb)) : Math.exp(xb) / (1 + Math.exp(xb));
    }
}
