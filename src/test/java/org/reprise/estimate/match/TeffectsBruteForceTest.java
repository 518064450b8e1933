package org.reprise.estimate.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reprise.UserError;
import org.reprise.estimate.BinaryChoice;

/**
 * {@link Teffects} against an independent all-pairs implementation written here from the formulas in
 * docs/matching.md ("teffects"): matched sets (m nearest plus every tie), K and K', ATE/ATET, the Abadie–Imbens
 * variances and, for psmatch, the Abadie–Imbens (2016) adjustment with its own Newton fit of the treatment model.
 * Covariates are small integers so that ties are frequent. Cases the published Stata log does not cover (probit,
 * ivariance and Euclidean metrics, nneighbor 2 and 3, nn(3)) are checked here.
 */
class TeffectsBruteForceTest {

    record Data(double[] y, boolean[] t, double[][] z) {
    }

    static Data data(long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] y = new double[n];
        boolean[] t = new boolean[n];
        double[][] z = new double[3][n];
        for (int i = 0; i < n; i++) {
            z[0][i] = r.nextInt(5);
            z[1][i] = r.nextInt(4);
            z[2][i] = r.nextInt(2);
            double idx = -0.8 + 0.3 * z[0][i] - 0.2 * z[1][i] + 0.5 * z[2][i];
            t[i] = r.nextDouble() < 1 / (1 + Math.exp(-idx));
            y[i] = 2 * z[0][i] + z[1][i] - z[2][i] + (t[i] ? 1.5 : 0) + r.nextGaussian() * (1 + z[2][i]);
        }
        return new Data(y, t, z);
    }

    interface Dist {
        double d(int i, int j);
    }

    /** m nearest of the other (or same) group, all ties kept; the unit itself excluded when {@code self} is false. */
    static List<Integer> nearest(Dist dist, boolean[] t, int i, boolean group, int m, boolean withSelf,
                                 int[] cell) {
        List<double[]> cand = new ArrayList<>();
        for (int j = 0; j < t.length; j++) {
            if (t[j] == group && (j != i || withSelf) && cell[j] == cell[i]) {
                cand.add(new double[] {dist.d(i, j), j});
            }
        }
        cand.sort((a, b) -> Double.compare(a[0], b[0]));
        double cut = cand.get(Math.min(m, cand.size()) - 1)[0];
        List<Integer> out = new ArrayList<>();
        for (double[] c : cand) {
            if (c[0] <= cut) {
                out.add((int) c[1]);
            }
        }
        return out;
    }

    static double sampleVar(List<Double> v) {
        double m = v.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return s / (v.size() - 1);
    }

    /** ate, atet, var ate, var atet (AI 2006), tau per unit. */
    static double[][] ai(double[] y, boolean[] t, Dist dist, int m, int j, boolean psStyle, int[] cell) {
        int n = y.length;
        double[] k = new double[n];
        double[] k2 = new double[n];
        double[] tau = new double[n];
        for (int i = 0; i < n; i++) {
            List<Integer> s = nearest(dist, t, i, !t[i], m, false, cell);
            double mean = 0;
            for (int u : s) {
                k[u] += 1.0 / s.size();
                k2[u] += 1.0 / s.size() / s.size();
                mean += y[u] / s.size();
            }
            tau[i] = t[i] ? y[i] - mean : mean - y[i];
        }
        double[] sig = new double[n];
        for (int i = 0; i < n; i++) {
            List<Integer> s = nearest(dist, t, i, t[i], j, psStyle, cell);
            List<Double> v = new ArrayList<>();
            if (!psStyle) {
                v.add(y[i]);
            }
            s.forEach(u -> v.add(y[u]));
            sig[i] = sampleVar(v);
        }
        double ate = 0;
        double atet = 0;
        int n1 = 0;
        for (int i = 0; i < n; i++) {
            ate += tau[i] / n;
            if (t[i]) {
                atet += tau[i];
                n1++;
            }
        }
        atet /= n1;
        double va = 0;
        double vt = 0;
        for (int i = 0; i < n; i++) {
            va += Math.pow(tau[i] - ate, 2) + (k[i] * k[i] + 2 * k[i] - k2[i]) * sig[i];
            vt += t[i] ? Math.pow(tau[i] - atet, 2) : (k[i] * k[i] - k2[i]) * sig[i];
        }
        return new double[][] {{ate, atet, va / n / n, vt / n1 / n1}, tau};
    }

    static double[][] mahalanobisWeights(double[][] z, String metric) {
        int k = z.length;
        int n = z[0].length;
        double[][] s = new double[k][k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                double ma = 0;
                double mb = 0;
                for (int i = 0; i < n; i++) {
                    ma += z[a][i] / n;
                    mb += z[b][i] / n;
                }
                for (int i = 0; i < n; i++) {
                    s[a][b] += (z[a][i] - ma) * (z[b][i] - mb) / (n - 1);
                }
            }
        }
        double[][] w = new double[k][k];
        for (int a = 0; a < k; a++) {
            if (metric.equals("euclidean")) {
                w[a][a] = 1;
            } else if (metric.equals("ivariance")) {
                w[a][a] = 1 / s[a][a];
            }
        }
        if (metric.equals("mahalanobis")) {
            w = invert(s);
        }
        return w;
    }

    static double[][] invert(double[][] a) {
        int k = a.length;
        double[][] out = new double[k][];
        for (int c = 0; c < k; c++) {
            double[] e = new double[k];
            e[c] = 1;
            double[][] copy = new double[k][];
            for (int r = 0; r < k; r++) {
                copy[r] = a[r].clone();
            }
            out[c] = Teffects.solve(copy, e);
        }
        double[][] tr = new double[k][k];
        for (int r = 0; r < k; r++) {
            for (int c = 0; c < k; c++) {
                tr[r][c] = out[c][r];
            }
        }
        return tr;
    }

    @Test
    void nnmatchMatchesBruteForce() {
        String[] metrics = {"mahalanobis", "ivariance", "euclidean"};
        TeffectsSpec.Metric[] kinds = {TeffectsSpec.Metric.MAHALANOBIS, TeffectsSpec.Metric.IVARIANCE,
            TeffectsSpec.Metric.EUCLIDEAN};
        int[][] mj = {{1, 2}, {2, 2}, {3, 1}, {1, 3}};
        for (int seed = 1; seed <= 6; seed++) {
            Data d = data(seed, 60 + 10 * seed);
            int n = d.y().length;
            for (int q = 0; q < metrics.length; q++) {
                double[][] w = mahalanobisWeights(d.z(), metrics[q]);
                Dist dist = (i, j) -> {
                    double s = 0;
                    for (int a = 0; a < 3; a++) {
                        for (int b = 0; b < 3; b++) {
                            s += (d.z()[a][j] - d.z()[a][i]) * w[a][b] * (d.z()[b][j] - d.z()[b][i]);
                        }
                    }
                    return s;
                };
                for (int[] p : mj) {
                    double[] ref = ai(d.y(), d.t(), dist, p[0], p[1], false, new int[n])[0];
                    TeffectsResult r = Teffects.nnmatch(d.y(), d.t(), d.z(), new double[0][], new double[0][],
                            TeffectsSpec.defaults().withMetric(kinds[q]).withNeighbors(p[0], p[1]));
                    String what = "seed " + seed + " " + metrics[q] + " m=" + p[0] + " nn=" + p[1];
                    assertEquals(ref[0], r.ate(), 1e-10 * (1 + Math.abs(ref[0])), what + " ATE");
                    assertEquals(ref[1], r.atet(), 1e-10 * (1 + Math.abs(ref[1])), what + " ATET");
                    assertEquals(ref[2], r.seAte() * r.seAte(), 1e-9 * ref[2], what + " V(ATE)");
                    assertEquals(ref[3], r.seAtet() * r.seAtet(), 1e-9 * ref[3], what + " V(ATET)");
                }
            }
        }
    }

    @Test
    void nnmatchExactCellsMatchBruteForce() {
        for (int seed = 11; seed <= 14; seed++) {
            Data d = data(seed, 120);
            int n = d.y().length;
            int[] cell = new int[n];
            for (int i = 0; i < n; i++) {
                cell[i] = (int) d.z()[2][i];
            }
            double[][] w = mahalanobisWeights(d.z(), "mahalanobis");
            Dist dist = (i, j) -> {
                double s = 0;
                for (int a = 0; a < 3; a++) {
                    for (int b = 0; b < 3; b++) {
                        s += (d.z()[a][j] - d.z()[a][i]) * w[a][b] * (d.z()[b][j] - d.z()[b][i]);
                    }
                }
                return s;
            };
            double[] ref = ai(d.y(), d.t(), dist, 1, 2, false, cell)[0];
            TeffectsResult r = Teffects.nnmatch(d.y(), d.t(), d.z(), new double[][] {d.z()[2]}, new double[0][],
                    TeffectsSpec.defaults());
            assertEquals(ref[0], r.ate(), 1e-10 * (1 + Math.abs(ref[0])), "ATE");
            assertEquals(ref[2], r.seAte() * r.seAte(), 1e-9 * ref[2], "V(ATE)");
            assertEquals(ref[3], r.seAtet() * r.seAtet(), 1e-9 * ref[3], "V(ATET)");
        }
    }

    /** Newton fit of the treatment model, written here: coefficients, p, density, inverse information. */
    static double[][][] treatmentModel(double[][] x, boolean[] t, boolean probit) {
        int n = t.length;
        int k = x.length;
        double[] b = new double[k];
        double[] p = new double[n];
        double[] f = new double[n];
        double[][] info = new double[k][k];
        for (int it = 0; it < 100; it++) {
            double[] g = new double[k];
            info = new double[k][k];
            for (int i = 0; i < n; i++) {
                double xb = 0;
                for (int j = 0; j < k; j++) {
                    xb += x[j][i] * b[j];
                }
                double yi = t[i] ? 1 : 0;
                double gi;
                double hi;
                if (probit) {
                    p[i] = new org.apache.commons.math3.distribution.NormalDistribution().cumulativeProbability(xb);
                    f[i] = Math.exp(-xb * xb / 2) / Math.sqrt(2 * Math.PI);
                    double lam = yi == 1 ? f[i] / p[i] : -f[i] / (1 - p[i]);
                    gi = lam;
                    hi = lam * (lam + xb);
                } else {
                    p[i] = 1 / (1 + Math.exp(-xb));
                    f[i] = p[i] * (1 - p[i]);
                    gi = yi - p[i];
                    hi = f[i];
                }
                for (int a = 0; a < k; a++) {
                    g[a] += gi * x[a][i];
                    for (int c = 0; c < k; c++) {
                        info[a][c] += hi * x[a][i] * x[c][i];
                    }
                }
            }
            double[][] copy = new double[k][];
            for (int a = 0; a < k; a++) {
                copy[a] = info[a].clone();
            }
            double[] step = Teffects.solve(copy, g.clone());
            for (int a = 0; a < k; a++) {
                b[a] += step[a];
            }
        }
        return new double[][][] {{p, f}, invert(info)};
    }

    @Test
    void psmatchMatchesBruteForce() {
        for (boolean probit : new boolean[] {false, true}) {
            for (int seed = 21; seed <= 24; seed++) {
                Data d = data(seed, 150);
                int n = d.y().length;
                double[] ones = new double[n];
                java.util.Arrays.fill(ones, 1);
                double[][] x = {d.z()[0], d.z()[1], d.z()[2], ones};
                String[] names = {"a", "b", "c", "_cons"};
                double[][][] tm = treatmentModel(x, d.t(), probit);
                double[] p = tm[0][0];
                double[] f = tm[0][1];
                double[][] vg = tm[1];
                Dist dist = (i, j) -> Math.abs(p[j] - p[i]);
                int nn = seed % 2 == 0 ? 2 : 3;
                int m = seed == 23 ? 2 : seed == 24 ? 3 : 1;
                double[][] res = ai(d.y(), d.t(), dist, m, nn, true, new int[n]);
                double[] ref = res[0];
                int k = x.length;
                double[][][] cov = new double[2][n][k];
                for (int w = 0; w < 2; w++) {
                    for (int i = 0; i < n; i++) {
                        List<Integer> s = nearest(dist, d.t(), i, w == 1, nn, true, new int[n]);
                        double my = 0;
                        for (int u : s) {
                            my += d.y()[u] / s.size();
                        }
                        for (int a = 0; a < k; a++) {
                            double mx = 0;
                            for (int u : s) {
                                mx += x[a][u] / s.size();
                            }
                            for (int u : s) {
                                cov[w][i][a] += (x[a][u] - mx) * (d.y()[u] - my) / (s.size() - 1);
                            }
                        }
                    }
                }
                int n1 = 0;
                for (boolean b : d.t()) {
                    n1 += b ? 1 : 0;
                }
                // ATET terms: local means of y over the nn nearest of each group on the score (i left out), and
                // each unit's effect from matching on the covariates themselves (Euclidean, m nearest, ties kept)
                Dist euclid = (i, u) -> Math.sqrt(Math.pow(x[0][u] - x[0][i], 2) + Math.pow(x[1][u] - x[1][i], 2)
                        + Math.pow(x[2][u] - x[2][i], 2));
                double[] c = new double[k];
                double[] ct = new double[k];
                double[] dd = new double[k];
                for (int i = 0; i < n; i++) {
                    double[] local = new double[2];
                    for (int w = 0; w < 2; w++) {
                        List<Integer> s = nearest(dist, d.t(), i, w == 1, nn, false, new int[n]);
                        for (int u : s) {
                            local[w] += d.y()[u] / s.size();
                        }
                    }
                    List<Integer> sx = nearest(euclid, d.t(), i, !d.t()[i], m, false, new int[n]);
                    double other = 0;
                    for (int u : sx) {
                        other += d.y()[u] / sx.size();
                    }
                    double tauX = d.t()[i] ? d.y()[i] - other : other - d.y()[i];
                    for (int a = 0; a < k; a++) {
                        c[a] += f[i] * (cov[1][i][a] / p[i] + cov[0][i][a] / (1 - p[i])) / n;
                        ct[a] += (f[i] * (cov[1][i][a] + p[i] / (1 - p[i]) * cov[0][i][a])
                                + f[i] * x[a][i] * (local[1] - local[0] - ref[1])) / n1;
                        dd[a] += f[i] * x[a][i] * (tauX - ref[1]) / n1;
                    }
                }
                double va = ref[2] - q(c, vg, c);
                double vt = ref[3] - q(ct, vg, ct) + q(dd, vg, dd);
                TeffectsResult r = Teffects.psmatch(d.y(), d.t(), x, names, TeffectsSpec.defaults()
                        .withLink(probit ? BinaryChoice.Link.PROBIT : BinaryChoice.Link.LOGIT).withNeighbors(m, nn));
                String what = (probit ? "probit" : "logit") + " seed " + seed;
                assertEquals(ref[0], r.ate(), 1e-9 * (1 + Math.abs(ref[0])), what + " ATE");
                assertEquals(ref[1], r.atet(), 1e-9 * (1 + Math.abs(ref[1])), what + " ATET");
                assertEquals(ref[2], r.varAte(), 1e-7 * ref[2], what + " AI V(ATE)");
                assertEquals(va, r.seAte() * r.seAte(), 1e-7 * va, what + " adjusted V(ATE)");
                assertEquals(vt, r.seAtet() * r.seAtet(), 1e-7 * vt, what + " adjusted V(ATET)");
            }
        }
    }

    static double q(double[] u, double[][] m, double[] v) {
        double s = 0;
        for (int i = 0; i < u.length; i++) {
            for (int j = 0; j < v.length; j++) {
                s += u[i] * m[i][j] * v[j];
            }
        }
        return s;
    }

    @Test
    void overlapViolationStopsAsStata() {
        int n = 40;
        double[] y = new double[n];
        boolean[] t = new boolean[n];
        double[] xv = new double[n];
        double[] ones = new double[n];
        for (int i = 0; i < n; i++) {
            xv[i] = i;
            t[i] = i % 3 == 0 || i > 30;
            y[i] = i;
            ones[i] = 1;
        }
        double[] steep = new double[n];
        for (int i = 0; i < n; i++) {
            steep[i] = t[i] ? (i > 30 ? 30 : 0) : (i == 1 ? -30 : 0);
        }
        UserError e = assertThrows(UserError.class, () -> Teffects.psmatch(y, t, new double[][] {xv, steep, ones},
                new String[] {"x", "s", "_cons"}, TeffectsSpec.defaults()));
        assertTrue(e.getMessage().contains("overlap") || e.getMessage().contains("perfectly"), e.getMessage());
    }

    @Test
    void emptyExactCellIsRefused() {
        double[] y = {1, 2, 3, 4, 5, 6};
        boolean[] t = {true, true, false, false, true, true};
        double[] z = {1, 2, 3, 4, 5, 6};
        double[] cell = {0, 0, 0, 0, 1, 1};
        UserError e = assertThrows(UserError.class, () -> Teffects.nnmatch(y, t, new double[][] {z},
                new double[][] {cell}, new double[0][], TeffectsSpec.defaults()));
        assertTrue(e.getMessage().contains("overlap"), e.getMessage());
    }
}
