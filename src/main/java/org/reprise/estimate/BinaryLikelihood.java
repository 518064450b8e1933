package org.reprise.estimate;

/**
 * The log-likelihood of a binary-choice model, sum_i w_i log F(q_i x_i'b) with q_i = 2 y_i - 1, for the probit
 * (F = standard normal CDF) and logit (F = logistic CDF) links, with analytic gradient and Hessian.
 *
 * <p>Tails are computed without underflow: for the probit, log Phi(z) and the inverse Mills ratio phi(z)/Phi(z)
 * come from {@link FastNormal} (Cody's rational approximations of erfc, relative error a few ulps for every z);
 * for the logit, log(1 + exp(-|z|)) is taken with log1p. Observations are the rows given; columns are column-major.
 *
 * <p>Speed without changing results: sums run over blocks of rows column by column, each sum still over the rows
 * in order; above {@link #CHUNK} rows they are taken per chunk of CHUNK rows (in parallel) and the chunk sums
 * added in chunk order, so the result does not depend on the number of threads. {@link #value} computes the
 * derivatives too and keeps them, since {@link MleNewton} asks for them at every accepted trial point. An
 * instance is not meant to be used by several threads at once.
 */
public final class BinaryLikelihood implements MleObjective {
    /** Rows per chunk; sums over more rows than this are split into chunks evaluated in parallel. */
    static final int CHUNK = 1 << 16;
    /** Rows per block within a chunk. */
    private static final int BLOCK = 256;

    private final BinaryChoice.Link link;
    private final boolean[] y;
    private final double[][] x;
    private final double[] w;
    private final int n;
    private double[] cachedBeta;
    private double cachedLl;
    private double[] cachedGrad;
    private double[][] cachedInfo;

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
        this.n = y != null ? y.length : x[0].length;
    }

    /**
     * X'WX over all rows (W = the weights, or 1; a row of weight 0 adds nothing), as a full symmetric matrix,
     * summed in the same chunks and blocks as the information matrix. The collinearity check's one pass over the data.
     *
     * @param x       columns, x[j][i]; at least one
     * @param weights per-row weights, or null for 1
     */
    public static double[][] crossProducts(double[][] x, double[] weights) {
        BinaryLikelihood data = new BinaryLikelihood(null, null, x, weights);
        int k = x.length;
        int n = data.n;
        int chunks = (n + CHUNK - 1) / CHUNK;
        double[][][] parts = new double[Math.max(chunks, 1)][k][k];
        java.util.stream.IntStream range = java.util.stream.IntStream.range(0, chunks);
        (chunks > 1 ? range.parallel() : range).forEach(c -> data.accumulateCross(c * CHUNK,
                Math.min(n, (c + 1) * CHUNK), parts[c]));
        double[][] g = new double[k][k];
        for (double[][] part : parts) {
            for (int a = 0; a < k; a++) {
                for (int b = 0; b <= a; b++) {
                    g[a][b] += part[a][b];
                }
            }
        }
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < a; b++) {
                g[b][a] = g[a][b];
            }
        }
        return g;
    }

    /** Adds sum_i w_i x_a[i] x_b[i] over rows [from, to) to the lower triangle of g, a block of rows at a time. */
    private void accumulateCross(int from, int to, double[][] g) {
        double[] wv = new double[BLOCK];
        double[] hxA = new double[BLOCK];
        double[] hxB = new double[BLOCK];
        for (int b0 = from; b0 < to; b0 += BLOCK) {
            int m = Math.min(BLOCK, to - b0);
            for (int r = 0; r < m; r++) {
                wv[r] = weight(b0 + r);
            }
            lowerTriangle(g, null, null, b0, m, wv, hxA, hxB);
        }
    }

    /**
     * Adds the block's terms to the lower triangle of info, row a's entry b (b &lt;= a) getting
     * sum_r (h[r] x_a[b0 + r]) x_b[b0 + r] over the rows in order, and, when grad is given, grad[j] getting
     * sum_r g[r] x_j[b0 + r]. Each entry is its own sum over the rows in order, whichever kernel takes it: rows
     * are taken in pairs (2p, 2p + 1) over the columns 0..2p + 1 (eight or four independent sums per loop; the one
     * entry above the diagonal this adds is overwritten by symmetry), an odd last row with the gradient.
     */
    private void lowerTriangle(double[][] info, double[] grad, double[] g, int b0, int m, double[] h, double[] hxA,
                               double[] hxB) {
        int k = x.length;
        int a = 0;
        for (; a + 1 < k; a += 2) {
            times(h, x[a], b0, m, hxA);
            times(h, x[a + 1], b0, m, hxB);
            pair(info[a], info[a + 1], a + 2, b0, m, hxA, hxB);
        }
        if (a < k) {
            times(h, x[a], b0, m, hxA);
            if (grad != null) {
                pair(grad, info[a], k, b0, m, g, hxA);
            } else {
                hessianRow(info[a], a, b0, m, hxA);
            }
        } else if (grad != null) {
            int j = 0;
            for (; j + 4 <= k; j += 4) {
                sum4(grad, j, b0, m, g);
            }
            for (; j < k; j++) {
                double[] xj = x[j];
                double acc = grad[j];
                for (int r = 0; r < m; r++) {
                    acc += g[r] * xj[b0 + r];
                }
                grad[j] = acc;
            }
        }
    }

    /** out[r] = h[r] x[b0 + r]. */
    private static void times(double[] h, double[] xa, int b0, int m, double[] out) {
        for (int r = 0; r < m; r++) {
            out[r] = h[r] * xa[b0 + r];
        }
    }

    /** outA[b] += sum_r vA[r] x_b[b0 + r] and outB[b] likewise with vB, for b &lt; width. */
    private void pair(double[] outA, double[] outB, int width, int b0, int m, double[] vA, double[] vB) {
        int b = 0;
        for (; b + 4 <= width; b += 4) {
            pair4(outA, outB, b, b0, m, vA, vB);
        }
        if (b + 2 <= width) {
            pair2(outA, outB, b, b0, m, vA, vB);
            b += 2;
        }
        for (; b < width; b++) {
            double[] xb = x[b];
            double sA = outA[b];
            double sB = outB[b];
            for (int r = 0; r < m; r++) {
                double v = xb[b0 + r];
                sA += vA[r] * v;
                sB += vB[r] * v;
            }
            outA[b] = sA;
            outB[b] = sB;
        }
    }

    /** outA[b..b+1] += sum_r vA[r] x[b..b+1][b0 + r] and outB[b..b+1] likewise with vB: four sums. */
    private void pair2(double[] outA, double[] outB, int b, int b0, int m, double[] vA, double[] vB) {
        double[] x0 = x[b];
        double[] x1 = x[b + 1];
        double a0 = outA[b];
        double a1 = outA[b + 1];
        double c0 = outB[b];
        double c1 = outB[b + 1];
        for (int r = 0; r < m; r++) {
            int i = b0 + r;
            double tA = vA[r];
            double tB = vB[r];
            double v0 = x0[i];
            double v1 = x1[i];
            a0 += tA * v0;
            a1 += tA * v1;
            c0 += tB * v0;
            c1 += tB * v1;
        }
        outA[b] = a0;
        outA[b + 1] = a1;
        outB[b] = c0;
        outB[b + 1] = c1;
    }

    /** outA[b..b+3] += sum_r vA[r] x[b..b+3][b0 + r] and outB[b..b+3] likewise with vB: eight sums. */
    private void pair4(double[] outA, double[] outB, int b, int b0, int m, double[] vA, double[] vB) {
        double[] x0 = x[b];
        double[] x1 = x[b + 1];
        double[] x2 = x[b + 2];
        double[] x3 = x[b + 3];
        double a0 = outA[b];
        double a1 = outA[b + 1];
        double a2 = outA[b + 2];
        double a3 = outA[b + 3];
        double c0 = outB[b];
        double c1 = outB[b + 1];
        double c2 = outB[b + 2];
        double c3 = outB[b + 3];
        for (int r = 0; r < m; r++) {
            int i = b0 + r;
            double tA = vA[r];
            double tB = vB[r];
            double v0 = x0[i];
            double v1 = x1[i];
            double v2 = x2[i];
            double v3 = x3[i];
            a0 += tA * v0;
            a1 += tA * v1;
            a2 += tA * v2;
            a3 += tA * v3;
            c0 += tB * v0;
            c1 += tB * v1;
            c2 += tB * v2;
            c3 += tB * v3;
        }
        outA[b] = a0;
        outA[b + 1] = a1;
        outA[b + 2] = a2;
        outA[b + 3] = a3;
        outB[b] = c0;
        outB[b + 1] = c1;
        outB[b + 2] = c2;
        outB[b + 3] = c3;
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
        double[] grad = new double[beta.length];
        double[][] info = new double[beta.length][beta.length];
        double ll = derivatives(beta, grad, info);
        cachedBeta = beta.clone();
        cachedLl = ll;
        cachedGrad = grad;
        cachedInfo = info;
        return ll;
    }

    @Override
    public double derivatives(double[] beta, double[] grad, double[][] info) {
        int k = beta.length;
        if (cachedBeta != null && java.util.Arrays.equals(beta, cachedBeta)) {
            System.arraycopy(cachedGrad, 0, grad, 0, k);
            for (int a = 0; a < k; a++) {
                System.arraycopy(cachedInfo[a], 0, info[a], 0, k);
            }
            return cachedLl;
        }
        java.util.Arrays.fill(grad, 0.0);
        for (double[] row : info) {
            java.util.Arrays.fill(row, 0.0);
        }
        double ll;
        int chunks = (n + CHUNK - 1) / CHUNK;
        if (chunks <= 1) {
            ll = accumulate(beta, 0, n, grad, info);
        } else {
            double[] lls = new double[chunks];
            double[][] grads = new double[chunks][k];
            double[][][] infos = new double[chunks][k][k];
            java.util.stream.IntStream.range(0, chunks).parallel().forEach(c -> lls[c] = accumulate(beta,
                    c * CHUNK, Math.min(n, (c + 1) * CHUNK), grads[c], infos[c]));
            ll = 0;
            for (int c = 0; c < chunks; c++) {
                ll += lls[c];
                for (int a = 0; a < k; a++) {
                    grad[a] += grads[c][a];
                    for (int b = 0; b <= a; b++) {
                        info[a][b] += infos[c][a][b];
                    }
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

    /**
     * Adds rows [from, to) to ll (returned), grad and the lower triangle of info (the negative Hessian), a block
     * of rows at a time; every sum runs over the rows in order, as a plain loop over observations would.
     */
    private double accumulate(double[] beta, int from, int to, double[] grad, double[][] info) {
        int k = beta.length;
        double[] idx = new double[BLOCK];
        double[] g = new double[BLOCK];
        double[] h = new double[BLOCK];
        double[] hx = new double[BLOCK];
        double[] hx2 = new double[BLOCK];
        double[] c = new double[3];
        double ll = 0;
        for (int b0 = from; b0 < to; b0 += BLOCK) {
            int m = Math.min(BLOCK, to - b0);
            indexBlock(beta, b0, m, idx);
            for (int r = 0; r < m; r++) {
                int i = b0 + r;
                contribution(link, idx[r], y[i], c);
                double wi = weight(i);
                ll += wi * c[0];
                g[r] = wi * c[1];
                h[r] = -wi * c[2];
            }
            lowerTriangle(info, grad, g, b0, m, h, hx, hx2);
        }
        return ll;
    }

    /**
     * row[b] += sum_r hx[r] x[b][b0 + r] for b = 0..a: eight or four columns at a time (independent sums, each over
     * the rows in order), which may run past a into the upper triangle; those entries are overwritten by symmetry.
     */
    private void hessianRow(double[] row, int a, int b0, int m, double[] hx) {
        int k = x.length;
        int b = 0;
        while (b <= a) {
            if (b + 8 <= k && a - b >= 4) {
                sum8(row, b, b0, m, hx);
                b += 8;
            } else if (b + 4 <= k) {
                sum4(row, b, b0, m, hx);
                b += 4;
            } else {
                double[] xb = x[b];
                double s = row[b];
                for (int r = 0; r < m; r++) {
                    s += hx[r] * xb[b0 + r];
                }
                row[b] = s;
                b++;
            }
        }
    }

    /** out[b..b+3] += sum_r v[r] x[b..b+3][b0 + r]. */
    private void sum4(double[] out, int b, int b0, int m, double[] v) {
        double[] x0 = x[b];
        double[] x1 = x[b + 1];
        double[] x2 = x[b + 2];
        double[] x3 = x[b + 3];
        double s0 = out[b];
        double s1 = out[b + 1];
        double s2 = out[b + 2];
        double s3 = out[b + 3];
        for (int r = 0; r < m; r++) {
            double t = v[r];
            int i = b0 + r;
            s0 += t * x0[i];
            s1 += t * x1[i];
            s2 += t * x2[i];
            s3 += t * x3[i];
        }
        out[b] = s0;
        out[b + 1] = s1;
        out[b + 2] = s2;
        out[b + 3] = s3;
    }

    /** out[b..b+7] += sum_r v[r] x[b..b+7][b0 + r]. */
    private void sum8(double[] out, int b, int b0, int m, double[] v) {
        double[] x0 = x[b];
        double[] x1 = x[b + 1];
        double[] x2 = x[b + 2];
        double[] x3 = x[b + 3];
        double[] x4 = x[b + 4];
        double[] x5 = x[b + 5];
        double[] x6 = x[b + 6];
        double[] x7 = x[b + 7];
        double s0 = out[b];
        double s1 = out[b + 1];
        double s2 = out[b + 2];
        double s3 = out[b + 3];
        double s4 = out[b + 4];
        double s5 = out[b + 5];
        double s6 = out[b + 6];
        double s7 = out[b + 7];
        for (int r = 0; r < m; r++) {
            double t = v[r];
            int i = b0 + r;
            s0 += t * x0[i];
            s1 += t * x1[i];
            s2 += t * x2[i];
            s3 += t * x3[i];
            s4 += t * x4[i];
            s5 += t * x5[i];
            s6 += t * x6[i];
            s7 += t * x7[i];
        }
        out[b] = s0;
        out[b + 1] = s1;
        out[b + 2] = s2;
        out[b + 3] = s3;
        out[b + 4] = s4;
        out[b + 5] = s5;
        out[b + 6] = s6;
        out[b + 7] = s7;
    }

    /** idx[r] = x_(b0+r)'beta for r &lt; m, summed over the columns in order as {@link #index} does. */
    private void indexBlock(double[] beta, int b0, int m, double[] idx) {
        java.util.Arrays.fill(idx, 0, m, 0.0);
        for (int j = 0; j < beta.length; j++) {
            double[] xj = x[j];
            double bj = beta[j];
            for (int r = 0; r < m; r++) {
                idx[r] += xj[b0 + r] * bj;
            }
        }
    }

    /** Per-observation scores w_i dl_i/db at beta, as scores[j][i]. */
    public double[][] scores(double[] beta) {
        int k = beta.length;
        double[][] s = new double[k][n];
        int chunks = (n + CHUNK - 1) / CHUNK;
        java.util.stream.IntStream range = java.util.stream.IntStream.range(0, chunks);
        (chunks > 1 ? range.parallel() : range).forEach(ch -> {
            double[] idx = new double[BLOCK];
            double[] c = new double[3];
            int to = Math.min(n, (ch + 1) * CHUNK);
            for (int b0 = ch * CHUNK; b0 < to; b0 += BLOCK) {
                int m = Math.min(BLOCK, to - b0);
                indexBlock(beta, b0, m, idx);
                for (int r = 0; r < m; r++) {
                    int i = b0 + r;
                    contribution(link, idx[r], y[i], c);
                    double g = weight(i) * c[1];
                    for (int j = 0; j < k; j++) {
                        s[j][i] = g * x[j][i];
                    }
                }
            }
        });
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
            FastNormal.logCdfAndMills(z, out);
            double lambda = out[1];
            out[1] = q * lambda;
            out[2] = -lambda * (z + lambda);
        } else {
            double e = Math.exp(-Math.abs(z));
            // log F(z) = -log(1 + exp(-z)), stably for either sign of z
            out[0] = z >= 0 ? -FastNormal.log1p(e) : z - FastNormal.log1p(e);
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
        double[] out = new double[2];
        FastNormal.logCdfAndMills(z, out);
        return out;
    }

    /**
     * Mills' ratio (1 - Phi(t)) / phi(t) for t &gt;= 8, by its continued fraction 1/(t+1/(t+2/(t+3/(t+...)))).
     * Not used by the likelihood any more ({@link FastNormal} covers the tail); kept as an independent check.
     */
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
            return FastNormal.cdf(xb);
        }
        return xb >= 0 ? 1 / (1 + Math.exp(-xb)) : Math.exp(xb) / (1 + Math.exp(xb));
    }
}
