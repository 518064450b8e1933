package org.reprise.estimate.match;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * An independent, deliberately naive computation of diff's kernel DID for the tests: every rule written out as
 * straight loops over all rows (no sorting, no windows, no maps) and the regression as explicit (X'WX)^-1 X'Wy with
 * Commons Math matrices. Shares no code with PsmDid.
 */
final class PsmDidBruteForce {
    /** Weights per row (0 = not in the regression), and the nine table entries with SEs. */
    record Out(double[] weight, boolean[] used, double[] est, double[] se, double[] p, int n, double r2) {
    }

    private PsmDidBruteForce() {
    }

    /** diff's kernel formula, typed in from diff.ado (u = dif / bw). */
    static double kernel(String type, double dif, double bw, boolean flt) {
        double u = dif / bw;
        double k;
        switch (type) {
            case "epan":
                if (!(dif <= bw)) {
                    return Double.NaN;
                }
                k = 1 - Math.pow(u, 2);
                break;
            case "biweight":
                if (!(dif <= bw)) {
                    return Double.NaN;
                }
                k = Math.pow(1 - Math.pow(u, 2), 2);
                break;
            case "uniform":
                if (!(dif <= bw)) {
                    return Double.NaN;
                }
                k = 1;
                break;
            case "tricube":
                if (!(dif <= bw)) {
                    return Double.NaN;
                }
                k = 1 - Math.pow(Math.abs(Math.pow(u, 3)), 3);
                break;
            default:
                k = Math.exp(-u * u / 2) / Math.sqrt(2 * Math.PI);
        }
        return flt ? (float) k : k;
    }

    /**
     * @param score   baseline score per row (follow-up entries may be NaN or a value, as diff's pscore())
     * @param se      "ols", "robust" or "cluster"
     * @param cluster cluster code per row (for "cluster")
     */
    static Out run(double[] y, boolean[] treated, boolean[] post, int[] id, double[] score, String type, double bw,
                   boolean support, String se, int[] cluster, boolean flt) {
        int n = y.length;
        // support: the score, follow-up rows without one take their unit's baseline score
        boolean[] sup = new boolean[n];
        double[] common = new double[n];
        for (int i = 0; i < n; i++) {
            common[i] = score[i];
            if (Double.isNaN(common[i]) && post[i]) {
                for (int j = 0; j < n; j++) {
                    if (id[j] == id[i] && !post[j]) {
                        common[i] = score[j];
                    }
                }
            }
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(common[i]) && treated[i]) {
                min = Math.min(min, common[i]);
            }
            if (!Double.isNaN(common[i]) && !treated[i]) {
                max = Math.max(max, common[i]);
            }
        }
        for (int i = 0; i < n; i++) {
            sup[i] = !support || (!Double.isNaN(common[i]) && common[i] >= min && common[i] <= max);
        }
        // kernel weights: every treated baseline row on support (ascending id) against every control baseline row
        double[] w = new double[n];
        int[] order = new int[n];
        int nt = 0;
        for (int idv = Integer.MIN_VALUE; nt >= 0; ) {
            int best = -1;
            for (int i = 0; i < n; i++) {
                if (treated[i] && !post[i] && sup[i] && id[i] > idv && (best < 0 || id[i] < id[best])) {
                    best = i;
                }
            }
            if (best < 0) {
                break;
            }
            order[nt++] = best;
            idv = id[best];
        }
        for (int a = 0; a < nt; a++) {
            int t = order[a];
            double[] k = new double[n];
            double sum = 0;
            for (int c = 0; c < n; c++) {
                k[c] = Double.NaN;
                if (!treated[c] && !post[c] && sup[c] && !Double.isNaN(score[c]) && !Double.isNaN(score[t])) {
                    double dif = Math.abs(score[c] - score[t]);
                    if (flt) {
                        dif = (float) dif;
                    }
                    k[c] = kernel(type, dif, bw, flt);
                    if (!Double.isNaN(k[c])) {
                        sum += k[c];
                    }
                }
            }
            for (int c = 0; c < n; c++) {
                if (!Double.isNaN(k[c]) && sum > 0) {
                    double add = k[c] / sum;
                    w[c] = flt ? (float) (w[c] + (float) add) : w[c] + add;
                }
            }
        }
        double[] weight = new double[n];
        boolean[] used = new boolean[n];
        for (int i = 0; i < n; i++) {
            double wi;
            if (treated[i]) {
                wi = 1;
            } else if (!post[i]) {
                wi = w[i];
            } else {
                wi = Double.NaN;
                for (int j = 0; j < n; j++) {
                    if (id[j] == id[i] && !post[j]) {
                        wi = w[j];
                    }
                }
            }
            used[i] = sup[i] && wi > 0;
            weight[i] = used[i] ? wi : 0;
        }
        return regress(y, treated, post, weight, used, se, cluster);
    }

    /** Weighted OLS of y on post, treated, post*treated, 1 with explicit matrices; weights all 1 = unweighted. */
    static Out regress(double[] y, boolean[] treated, boolean[] post, double[] weight, boolean[] used, String se,
                       int[] cluster) {
        int n = y.length;
        int m = 0;
        double sw = 0;
        for (int i = 0; i < n; i++) {
            if (used[i]) {
                m++;
                sw += weight[i];
            }
        }
        int k = 4;
        RealMatrix x = new Array2DRowRealMatrix(m, k);
        double[] yy = new double[m];
        double[] ww = new double[m];
        int[] cl = new int[m];
        int r = 0;
        for (int i = 0; i < n; i++) {
            if (!used[i]) {
                continue;
            }
            x.setEntry(r, 0, post[i] ? 1 : 0);
            x.setEntry(r, 1, treated[i] ? 1 : 0);
            x.setEntry(r, 2, post[i] && treated[i] ? 1 : 0);
            x.setEntry(r, 3, 1);
            yy[r] = y[i];
            ww[r] = weight[i] * m / sw;
            cl[r] = cluster == null ? 0 : cluster[i];
            r++;
        }
        RealMatrix xtw = new Array2DRowRealMatrix(k, m);
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < m; b++) {
                xtw.setEntry(a, b, x.getEntry(b, a) * ww[b]);
            }
        }
        RealMatrix inv = new LUDecomposition(xtw.multiply(x)).getSolver().getInverse();
        double[] beta = inv.operate(xtw.operate(yy));
        double[] e = new double[m];
        double rss = 0;
        double ybar = 0;
        for (int b = 0; b < m; b++) {
            double f = 0;
            for (int a = 0; a < k; a++) {
                f += x.getEntry(b, a) * beta[a];
            }
            e[b] = yy[b] - f;
            rss += ww[b] * e[b] * e[b];
            ybar += ww[b] * yy[b] / m;
        }
        double tss = 0;
        for (int b = 0; b < m; b++) {
            tss += ww[b] * (yy[b] - ybar) * (yy[b] - ybar);
        }
        RealMatrix v;
        double df = m - k;
        if (se.equals("ols")) {
            v = inv.scalarMultiply(rss / (m - k));
        } else {
            RealMatrix meat = new Array2DRowRealMatrix(k, k);
            int g = 0;
            if (se.equals("robust")) {
                for (int b = 0; b < m; b++) {
                    addOuter(meat, x.getRow(b), ww[b] * e[b]);
                }
            } else {
                int maxc = 0;
                for (int b = 0; b < m; b++) {
                    maxc = Math.max(maxc, cl[b]);
                }
                for (int c = 0; c <= maxc; c++) {
                    double[] s = new double[k];
                    boolean any = false;
                    for (int b = 0; b < m; b++) {
                        if (cl[b] == c) {
                            any = true;
                            for (int a = 0; a < k; a++) {
                                s[a] += x.getEntry(b, a) * ww[b] * e[b];
                            }
                        }
                    }
                    if (any) {
                        g++;
                        addOuter(meat, s, 1);
                    }
                }
            }
            double factor = se.equals("robust") ? (double) m / (m - k)
                    : (double) g / (g - 1) * (m - 1.0) / (m - k);
            if (se.equals("cluster")) {
                df = g - 1;
            }
            v = inv.multiply(meat).multiply(inv).scalarMultiply(factor);
        }
        // control0, treated0, diff0, control1, treated1, diff1, dcontrol, dtreated, did
        double[][] c = {
            {0, 0, 0, 1}, {0, 1, 0, 1}, {0, 1, 0, 0},
            {1, 0, 0, 1}, {1, 1, 1, 1}, {0, 1, 1, 0},
            {1, 0, 0, 0}, {1, 0, 1, 0}, {0, 0, 1, 0}};
        double[] est = new double[9];
        double[] sev = new double[9];
        double[] p = new double[9];
        TDistribution td = new TDistribution(null, df);
        for (int q = 0; q < 9; q++) {
            double s = 0;
            for (int a = 0; a < k; a++) {
                s += c[q][a] * beta[a];
            }
            est[q] = s;
            double var = 0;
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < k; b++) {
                    var += c[q][a] * v.getEntry(a, b) * c[q][b];
                }
            }
            sev[q] = Math.sqrt(var);
            p[q] = 2 * td.cumulativeProbability(-Math.abs(s / sev[q]));
        }
        return new Out(weight, used, est, sev, p, m, 1 - rss / tss);
    }

    private static void addOuter(RealMatrix m, double[] s, double f) {
        for (int a = 0; a < s.length; a++) {
            for (int b = 0; b < s.length; b++) {
                m.addToEntry(a, b, s[a] * f * s[b] * f);
            }
        }
    }
}
