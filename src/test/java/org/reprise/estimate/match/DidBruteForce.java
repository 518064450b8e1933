package org.reprise.estimate.match;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Independent brute force for diff's regressions: the interaction OLS y = b0 + b1 post + b2 treated + b3 post·treated
 * [+ covariates] and diff's baseline t-test (v on treated at period 0), by explicit normal equations (X'WX)^-1 X'Wy
 * inverted by Gauss-Jordan, with Stata's variance formulas typed in from the manual ([R] regress, Methods and
 * formulas): conventional s²(X'WX)^-1 with s² = Σw e²/(N − k); robust (HC1) N/(N − k) · B Σ(w e x)(w e x)' B;
 * cluster G/(G − 1) · (N − 1)/(N − k) · B Σ_g (Σ_{i∈g} w e x)(…)' B with G − 1 degrees of freedom. Analytic weights
 * are normalised to sum to N; rows of weight 0 are dropped. Shares no code with Ols, Vcovs or PsmDid.
 */
final class DidBruteForce {
    /**
     * est/se/p: for {@link #did} the nine entries control0, treated0, diff0, control1, treated1, diff1, dcontrol,
     * dtreated, did; for {@link #twoGroups} mean control, mean treated, difference. beta/betaSe: the coefficients in
     * the design's column order.
     */
    record Fit(double[] est, double[] se, double[] p, double[] beta, double[] betaSe, double r2, int n) {
    }

    private DidBruteForce() {
    }

    static Fit did(double[] y, boolean[] treated, boolean[] post, double[][] cov, double[] w, String se, int[] cl) {
        List<double[]> x = new ArrayList<>();
        List<Double> yy = new ArrayList<>();
        List<Double> ww = new ArrayList<>();
        List<Integer> cc = new ArrayList<>();
        for (int i = 0; i < y.length; i++) {
            double wi = w == null ? 1 : w[i];
            if (!(wi > 0)) {
                continue;
            }
            double[] row = new double[4 + cov.length];
            row[0] = post[i] ? 1 : 0;
            row[1] = treated[i] ? 1 : 0;
            row[2] = row[0] * row[1];
            for (int j = 0; j < cov.length; j++) {
                row[3 + j] = cov[j][i];
            }
            row[3 + cov.length] = 1;
            x.add(row);
            yy.add(y[i]);
            ww.add(wi);
            cc.add(cl[i]);
        }
        int k = 4 + cov.length;
        int c = k - 1;
        double[][] comb = new double[9][k];
        int[][] parts = {{c}, {c, 1}, {1}, {c, 0}, {c, 0, 1, 2}, {1, 2}, {0}, {0, 2}, {2}};
        for (int q = 0; q < 9; q++) {
            for (int a : parts[q]) {
                comb[q][a] = 1;
            }
        }
        return fit(x, yy, ww, cc, se, comb);
    }

    static Fit twoGroups(double[] v, boolean[] treated, boolean[] post, double[] w, String se, int[] cl) {
        List<double[]> x = new ArrayList<>();
        List<Double> yy = new ArrayList<>();
        List<Double> ww = new ArrayList<>();
        List<Integer> cc = new ArrayList<>();
        for (int i = 0; i < v.length; i++) {
            double wi = w == null ? 1 : w[i];
            if (post[i] || !(wi > 0) || Double.isNaN(v[i])) {
                continue;
            }
            x.add(new double[] {treated[i] ? 1 : 0, 1});
            yy.add(v[i]);
            ww.add(wi);
            cc.add(cl[i]);
        }
        return fit(x, yy, ww, cc, se, new double[][] {{0, 1}, {1, 1}, {1, 0}});
    }

    private static Fit fit(List<double[]> x, List<Double> y, List<Double> w0, List<Integer> cl, String se,
                           double[][] comb) {
        int n = x.size();
        int k = x.get(0).length;
        double sw = 0;
        for (double v : w0) {
            sw += v;
        }
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = w0.get(i) * n / sw;
        }
        double[][] xtx = new double[k][k];
        double[] xty = new double[k];
        for (int i = 0; i < n; i++) {
            double[] r = x.get(i);
            for (int a = 0; a < k; a++) {
                xty[a] += w[i] * r[a] * y.get(i);
                for (int b = 0; b < k; b++) {
                    xtx[a][b] += w[i] * r[a] * r[b];
                }
            }
        }
        double[][] inv = invert(xtx);
        double[] beta = new double[k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                beta[a] += inv[a][b] * xty[b];
            }
        }
        double[] e = new double[n];
        double rss = 0;
        double ybar = 0;
        for (int i = 0; i < n; i++) {
            double f = 0;
            for (int a = 0; a < k; a++) {
                f += x.get(i)[a] * beta[a];
            }
            e[i] = y.get(i) - f;
            rss += w[i] * e[i] * e[i];
            ybar += w[i] * y.get(i) / n;
        }
        double tss = 0;
        for (int i = 0; i < n; i++) {
            tss += w[i] * (y.get(i) - ybar) * (y.get(i) - ybar);
        }
        double[][] v = new double[k][k];
        double df = n - k;
        if (se.equals("ols")) {
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < k; b++) {
                    v[a][b] = inv[a][b] * rss / (n - k);
                }
            }
        } else {
            Map<Integer, double[]> sums = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                int key = se.equals("robust") ? i : cl.get(i);
                double[] s = sums.computeIfAbsent(key, z -> new double[k]);
                for (int a = 0; a < k; a++) {
                    s[a] += w[i] * e[i] * x.get(i)[a];
                }
            }
            int g = sums.size();
            double factor = se.equals("robust") ? (double) n / (n - k) : (double) g / (g - 1) * (n - 1.0) / (n - k);
            if (se.equals("cluster")) {
                df = g - 1;
            }
            double[][] meat = new double[k][k];
            for (double[] s : sums.values()) {
                for (int a = 0; a < k; a++) {
                    for (int b = 0; b < k; b++) {
                        meat[a][b] += s[a] * s[b];
                    }
                }
            }
            double[][] bm = mul(mul(inv, meat), inv);
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < k; b++) {
                    v[a][b] = factor * bm[a][b];
                }
            }
        }
        TDistribution td = new TDistribution(null, df);
        int q = comb.length;
        double[] est = new double[q];
        double[] sev = new double[q];
        double[] p = new double[q];
        for (int r = 0; r < q; r++) {
            double s = 0;
            double var = 0;
            for (int a = 0; a < k; a++) {
                s += comb[r][a] * beta[a];
                for (int b = 0; b < k; b++) {
                    var += comb[r][a] * v[a][b] * comb[r][b];
                }
            }
            est[r] = s;
            sev[r] = Math.sqrt(var);
            p[r] = 2 * td.cumulativeProbability(-Math.abs(s / sev[r]));
        }
        double[] bse = new double[k];
        for (int a = 0; a < k; a++) {
            bse[a] = Math.sqrt(v[a][a]);
        }
        return new Fit(est, sev, p, beta, bse, 1 - rss / tss, n);
    }

    private static double[][] mul(double[][] a, double[][] b) {
        int k = a.length;
        double[][] c = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                for (int l = 0; l < k; l++) {
                    c[i][j] += a[i][l] * b[l][j];
                }
            }
        }
        return c;
    }

    /** Gauss-Jordan with partial pivoting. */
    private static double[][] invert(double[][] m) {
        int k = m.length;
        double[][] a = new double[k][2 * k];
        for (int i = 0; i < k; i++) {
            System.arraycopy(m[i], 0, a[i], 0, k);
            a[i][k + i] = 1;
        }
        for (int col = 0; col < k; col++) {
            int piv = col;
            for (int r = col + 1; r < k; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[piv][col])) {
                    piv = r;
                }
            }
            double[] t = a[col];
            a[col] = a[piv];
            a[piv] = t;
            double d = a[col][col];
            for (int j = 0; j < 2 * k; j++) {
                a[col][j] /= d;
            }
            for (int r = 0; r < k; r++) {
                if (r != col) {
                    double f = a[r][col];
                    for (int j = 0; j < 2 * k; j++) {
                        a[r][j] -= f * a[col][j];
                    }
                }
            }
        }
        double[][] inv = new double[k][k];
        for (int i = 0; i < k; i++) {
            System.arraycopy(a[i], k, inv[i], 0, k);
        }
        return inv;
    }
}
