package org.reprise.estimate;

/**
 * Householder QR of a column-major matrix with restricted (order-keeping) column pivoting, written for rank
 * detection the way Stata and R's LINPACK {@code dqrdc2} decide it: columns are taken in the order given; a column
 * whose norm, after removing its projection on the columns already kept, is at most {@code tol} times its
 * original norm is declared collinear and moved out (omitted). So an earlier column is always kept in
 * preference to a later one.
 *
 * <p>The matrix passed in is copied; the copy holds the Householder vectors below the diagonal.
 */
final class PivotedQr {
    private final int n;
    /** Working columns after reflection: for kept step s, work[kept[s]] holds R's column above s and v below. */
    private final double[][] work;
    /** Processing-order column indices that were kept, in order. */
    private final int[] kept;
    private final int rank;
    /** Householder vectors (length n, zero above their step) and their 2/(v'v) factors, one per kept step. */
    private final double[][] v;
    private final double[] beta;
    /** R, rank x rank, upper triangular, r[row][col]. */
    private final double[][] r;
    private final boolean[] omitted;

    /**
     * @param a     columns a[j][i] (not modified)
     * @param order the order in which columns are considered (a permutation of 0..p-1)
     * @param tol   relative tolerance for declaring a column collinear
     */
    PivotedQr(double[][] a, int[] order, double tol) {
        int p = a.length;
        this.n = p == 0 ? 0 : a[0].length;
        this.work = new double[p][];
        double[] norm0 = new double[p];
        for (int j = 0; j < p; j++) {
            work[j] = a[j].clone();
            norm0[j] = norm(work[j], 0);
        }
        int[] keptTmp = new int[Math.min(p, n)];
        double[][] vTmp = new double[Math.min(p, n)][];
        double[] betaTmp = new double[Math.min(p, n)];
        omitted = new boolean[p];
        int s = 0;
        for (int pos = 0; pos < p; pos++) {
            int j = order[pos];
            double[] col = work[j];
            double nrm = s < n ? norm(col, s) : 0.0;
            if (s >= n || !(nrm > tol * norm0[j]) || nrm == 0.0) {
                omitted[j] = true;
                continue;
            }
            // Householder vector h = col[s:] - alpha e_s, alpha = -sign(col[s]) * nrm (no cancellation)
            double alpha = col[s] >= 0 ? -nrm : nrm;
            double[] h = new double[n];
            for (int i = s; i < n; i++) {
                h[i] = col[i];
            }
            h[s] -= alpha;
            double hh = 0.0;
            for (int i = s; i < n; i++) {
                hh += h[i] * h[i];
            }
            double b = 2.0 / hh;
            col[s] = alpha;
            for (int i = s + 1; i < n; i++) {
                col[i] = 0.0;
            }
            for (int later = pos + 1; later < p; later++) {
                reflect(h, b, s, work[order[later]]);
            }
            keptTmp[s] = j;
            vTmp[s] = h;
            betaTmp[s] = b;
            s++;
        }
        rank = s;
        kept = java.util.Arrays.copyOf(keptTmp, s);
        v = java.util.Arrays.copyOf(vTmp, s);
        beta = java.util.Arrays.copyOf(betaTmp, s);
        r = new double[s][s];
        for (int c = 0; c < s; c++) {
            double[] col = work[kept[c]];
            for (int row = 0; row <= c; row++) {
                r[row][c] = col[row];
            }
        }
    }

    private static double norm(double[] x, int from) {
        // scaled two-norm, safe against overflow/underflow
        double scale = 0.0;
        double ssq = 1.0;
        for (int i = from; i < x.length; i++) {
            double a = Math.abs(x[i]);
            if (a == 0.0) {
                continue;
            }
            if (scale < a) {
                ssq = 1.0 + ssq * (scale / a) * (scale / a);
                scale = a;
            } else {
                ssq += (a / scale) * (a / scale);
            }
        }
        return scale * Math.sqrt(ssq);
    }

    private void reflect(double[] h, double b, int s, double[] x) {
        double d = 0.0;
        for (int i = s; i < n; i++) {
            d += h[i] * x[i];
        }
        d *= b;
        if (d != 0.0) {
            for (int i = s; i < n; i++) {
                x[i] -= d * h[i];
            }
        }
    }

    int rank() {
        return rank;
    }

    /** Column indices kept, in processing order (the order of R's columns). */
    int[] kept() {
        return kept.clone();
    }

    boolean omitted(int j) {
        return omitted[j];
    }

    double[][] r() {
        return r;
    }

    /** Applies Q' to a copy of y and returns it. */
    double[] qtApply(double[] y) {
        double[] out = y.clone();
        for (int s = 0; s < rank; s++) {
            reflect(v[s], beta[s], s, out);
        }
        return out;
    }

    /** Applies Q to a copy of z and returns it. */
    double[] qApply(double[] z) {
        double[] out = z.clone();
        for (int s = rank - 1; s >= 0; s--) {
            reflect(v[s], beta[s], s, out);
        }
        return out;
    }

    /** Solves R b = c[0..rank) by back substitution. */
    double[] solveR(double[] c) {
        double[] b = new double[rank];
        for (int row = rank - 1; row >= 0; row--) {
            double sum = c[row];
            for (int col = row + 1; col < rank; col++) {
                sum -= r[row][col] * b[col];
            }
            b[row] = sum / r[row][row];
        }
        return b;
    }

    /** Solves R' z = c by forward substitution (c has length rank). */
    double[] solveRt(double[] c) {
        double[] z = new double[rank];
        for (int row = 0; row < rank; row++) {
            double sum = c[row];
            for (int k = 0; k < row; k++) {
                sum -= r[k][row] * z[k];
            }
            z[row] = sum / r[row][row];
        }
        return z;
    }

    /** R^-1, upper triangular, by back substitution column by column. */
    double[][] rInverse() {
        double[][] inv = new double[rank][rank];
        for (int c = 0; c < rank; c++) {
            inv[c][c] = 1.0 / r[c][c];
            for (int row = c - 1; row >= 0; row--) {
                double sum = 0.0;
                for (int k = row + 1; k <= c; k++) {
                    sum += r[row][k] * inv[k][c];
                }
                inv[row][c] = -sum / r[row][row];
            }
        }
        return inv;
    }
}
