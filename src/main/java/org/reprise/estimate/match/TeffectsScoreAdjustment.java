package org.reprise.estimate.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.reprise.UserError;

/**
 * The Abadie–Imbens (2016) correction of {@code teffects psmatch}'s variances for the estimated propensity score, as
 * Stata computes it (docs/matching.md, "teffects": the formulas, where each one comes from and how it was checked).
 * With f_i = dF/d(x'b), V_b the treatment model's inverse information and the per-unit covariances and local means
 * below (all on the score, J = nn(#) neighbours, ties kept):
 * <ul>
 *   <li>ATE: V − c'V_b c, c = (1/N) Σ f_i (cov_1(i)/p_i + cov_0(i)/(1 − p_i));</li>
 *   <li>ATET: V − c_t'V_b c_t + d'V_b d, c_t = (1/N1) Σ [f_i (cov_1(i) + p_i/(1 − p_i) cov_0(i))
 *       + f_i x_i (ȳ_1(i) − ȳ_0(i) − ATET)], d = (1/N1) Σ f_i x_i (τ^x_i − ATET), sums over all units.</li>
 * </ul>
 * cov_w(i): covariance of the regressors with y over the J nearest units of group w (i itself counted when in w);
 * ȳ_w(i): mean y over the J nearest units of group w other than i; τ^x_i: i's effect from matching on the
 * regressors themselves (Euclidean distance, {@code nneighbor} nearest of the other group, ties kept).
 */
final class TeffectsScoreAdjustment {
    private TeffectsScoreAdjustment() {
    }

    /**
     * @param x      the treatment model's kept regressors, column-major (constant included)
     * @param f      density of the score at each unit's index
     * @param vb     inverse information of the treatment model
     * @param groups unit indices of the controls ({@code groups[0]}) and of the treated
     * @param ate    the matched ATE; {@code atet} the matched ATET
     * @param v      Abadie–Imbens (2006) variances {ATE, ATET} before the adjustment
     * @return the adjusted variances {ATE, ATET}
     */
    static double[] adjust(double[] y, boolean[] treated, double[] p, double[] f, double[][] x, double[][] vb,
                           int[][] groups, double ate, double atet, double[] v, TeffectsSpec spec) {
        int n = y.length;
        int k = x.length;
        int j = spec.vceNeighbors();
        double[][][] cov = new double[2][n][];
        double[][] local = new double[2][n];
        for (int w = 0; w < 2; w++) {
            for (int[] q : groups) {
                boolean own = q == groups[w];
                int[][] near = TeffectsNeighbours.onLine(p, q, groups[w], j, false);
                // the local mean of the unit's own group leaves the unit out (J others)
                int[][] others = own ? TeffectsNeighbours.onLine(p, q, groups[w], j, true) : near;
                for (int a = 0; a < q.length; a++) {
                    if (near[a].length < 2) {
                        throw new UserError("teffects psmatch: group " + (w == 1 ? "treated" : "control")
                                + " has too few units to estimate the covariances of the score adjustment"
                                + "; it needs at least 2.");
                    }
                    cov[w][q[a]] = covariance(x, y, near[a]);
                    local[w][q[a]] = mean(y, others[a]);
                }
            }
        }
        double[] tauX = covariateEffects(y, x, groups, spec.neighbors());
        int n1 = groups[1].length;
        double[] c = new double[k];
        double[] ct = new double[k];
        double[] d = new double[k];
        for (int i = 0; i < n; i++) {
            double odds = p[i] / (1 - p[i]);
            double gap = local[1][i] - local[0][i] - atet;
            for (int r = 0; r < k; r++) {
                c[r] += f[i] * (cov[1][i][r] / p[i] + cov[0][i][r] / (1 - p[i])) / n;
                ct[r] += f[i] * (cov[1][i][r] + odds * cov[0][i][r] + x[r][i] * gap) / n1;
                d[r] += f[i] * x[r][i] * (tauX[i] - atet) / n1;
            }
        }
        double varAte = v[0] - quad(c, vb, c);
        double varAtet = v[1] - quad(ct, vb, ct) + quad(d, vb, d);
        if (!(varAte > 0) || !(varAtet > 0)) {
            throw new UserError("teffects psmatch: the variance adjusted for the estimated propensity score is not"
                    + " positive (ATE " + fmt(varAte) + ", ATET " + fmt(varAtet) + "); the sample is too small for"
                    + " the Abadie-Imbens (2016) estimate. Increase vce_nn, or use more observations.");
        }
        return new double[] {varAte, varAtet};
    }

    /**
     * τ^x_i = y_i − mean y over the m nearest controls (treated i), mean y over the m nearest treated − y_i (control
     * i), nearest by Euclidean distance on the regressors (a constant adds 0), every tie kept. Units with the same
     * regressor values have bit-identical distances, so the search runs over distinct rows (with their counts and
     * outcome sums): O(rows × rows) instead of O(treated × controls) on the discrete covariates of most surveys.
     */
    private static double[] covariateEffects(double[] y, double[][] x, int[][] groups, int m) {
        Rows[] rows = {Rows.of(x, y, groups[0]), Rows.of(x, y, groups[1])};
        int k = x.length;
        double[] out = new double[y.length];
        for (int w = 0; w < 2; w++) {
            Rows q = rows[w];
            Rows pool = rows[1 - w];
            double[] d = new double[pool.size()];
            double[] pv = pool.values();
            double[] qv = q.values();
            for (int a = 0; a < q.size(); a++) {
                double next = Double.POSITIVE_INFINITY;
                for (int b = 0; b < d.length; b++) {
                    double s = 0;
                    for (int r = 0; r < k; r++) {
                        double dr = pv[b * k + r] - qv[a * k + r];
                        s += dr * dr;
                    }
                    d[b] = s;
                    next = Math.min(next, s);
                }
                // the m nearest units counted with their multiplicity, then every row as near as the m-th
                int units = 0;
                double sum = 0;
                while (true) {
                    double after = Double.POSITIVE_INFINITY;
                    for (int b = 0; b < d.length; b++) {
                        if (d[b] == next) {
                            units += pool.count(b);
                            sum += pool.sumY(b);
                        } else if (d[b] > next && d[b] < after) {
                            after = d[b];
                        }
                    }
                    if (units >= m || after == Double.POSITIVE_INFINITY) {
                        break;
                    }
                    next = after;
                }
                double other = sum / units;
                for (int u : q.members(a)) {
                    out[u] = w == 1 ? y[u] - other : other - y[u];
                }
            }
        }
        return out;
    }

    /** The distinct regressor rows of a group (row-major values), the units sharing each, their outcome sum. */
    private record Rows(double[] values, int[][] all, double[] sums) {
        static Rows of(double[][] x, double[] y, int[] units) {
            Map<List<Double>, List<Integer>> byRow = new LinkedHashMap<>();
            for (int u : units) {
                List<Double> key = new ArrayList<>(x.length);
                for (double[] col : x) {
                    key.add(col[u]);
                }
                byRow.computeIfAbsent(key, kk -> new ArrayList<>()).add(u);
            }
            int n = byRow.size();
            int k = x.length;
            double[] values = new double[n * k];
            int[][] all = new int[n][];
            double[] sums = new double[n];
            int c = 0;
            for (List<Integer> members : byRow.values()) {
                all[c] = members.stream().mapToInt(Integer::intValue).toArray();
                for (int r = 0; r < k; r++) {
                    values[c * k + r] = x[r][all[c][0]];
                }
                for (int u : all[c]) {
                    sums[c] += y[u];
                }
                c++;
            }
            return new Rows(values, all, sums);
        }

        int size() {
            return all.length;
        }

        int[] members(int a) {
            return all[a];
        }

        int count(int a) {
            return all[a].length;
        }

        double sumY(int a) {
            return sums[a];
        }
    }

    private static double mean(double[] y, int[] set) {
        double s = 0;
        for (int j : set) {
            s += y[j];
        }
        return s / set.length;
    }

    /** Sample covariance (divisor #set − 1) of each regressor with y over the set. */
    private static double[] covariance(double[][] x, double[] y, int[] set) {
        int c = set.length;
        double my = mean(y, set);
        double[] out = new double[x.length];
        for (int r = 0; r < x.length; r++) {
            double mx = 0;
            for (int j : set) {
                mx += x[r][j];
            }
            mx /= c;
            double s = 0;
            for (int j : set) {
                s += (x[r][j] - mx) * (y[j] - my);
            }
            out[r] = s / (c - 1);
        }
        return out;
    }

    private static double quad(double[] u, double[][] m, double[] v) {
        double s = 0;
        for (int i = 0; i < u.length; i++) {
            for (int j = 0; j < v.length; j++) {
                s += u[i] * m[i][j] * v[j];
            }
        }
        return s;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
