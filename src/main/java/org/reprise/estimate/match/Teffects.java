package org.reprise.estimate.match;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.reprise.UserError;
import org.reprise.estimate.BinaryChoice;
import org.reprise.estimate.BinaryFit;

/**
 * Stata's {@code teffects psmatch} and {@code teffects nnmatch}: matching with replacement, ATE and ATET, and the
 * "AI robust" standard errors (Abadie and Imbens 2006; for psmatch adjusted for the estimated propensity score,
 * Abadie and Imbens 2016). Every rule and how it was checked against Stata's printed output is in docs/matching.md,
 * section "teffects".
 */
public final class Teffects {
    private Teffects() {
    }

    /**
     * {@code teffects psmatch (y) (t x…, logit|probit), ate|atet nneighbor(m) vce(robust, nn(j))}.
     *
     * @param y       outcome
     * @param treated treatment flags
     * @param x       treatment-model regressors, column-major, including {@code _cons}
     * @param names   their names
     */
    public static TeffectsResult psmatch(double[] y, boolean[] treated, double[][] x, String[] names,
                                         TeffectsSpec spec) {
        check(y, treated, spec);
        int n = y.length;
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = treated[i] ? 1 : 0;
        }
        BinaryFit fit = BinaryChoice.fit(spec.link(), t, x, names, null);
        if (fit.nobs() != n) {
            throw new UserError("the " + spec.link().label() + " treatment model predicts " + (n - fit.nobs())
                    + " observations perfectly (" + String.join("; ", fit.notes()) + "), so their propensity scores"
                    + " are 0 or 1 and teffects' overlap assumption fails. Drop the covariate that predicts the"
                    + " treatment perfectly, or restrict the sample (`if:`) to where both groups occur.");
        }
        double[] p = fit.p();
        overlap(p, treated, spec.pstolerance());
        int[][] groups = groups(treated);
        Matches main = match(groups, (q, pool) -> TeffectsNeighbours.onLine(p, q, pool, spec.neighbors(), false),
                "the propensity score");
        double[] sigma2 = new double[n];
        for (int[] g : groups) {
            // psmatch: the nn(#) nearest units of the own group on the score, the unit itself among them
            int[][] near = TeffectsNeighbours.onLine(p, g, g, spec.vceNeighbors(), false);
            for (int q = 0; q < g.length; q++) {
                sigma2[g[q]] = variance(y, near[q], -1);
            }
        }
        Effects e = effects(y, treated, main, null, null);
        double[] v = aiVariances(e, treated, main, sigma2);
        // Abadie-Imbens (2016): the score model's kept regressors, density f(x'b), inverse information
        String[] kept = fit.keptNames();
        double[][] xk = new double[kept.length][];
        for (int j = 0, c = 0; j < names.length; j++) {
            if (!fit.omitted()[j]) {
                xk[c++] = x[j];
            }
        }
        double[] f = new double[n];
        for (int i = 0; i < n; i++) {
            f[i] = spec.link() == BinaryChoice.Link.LOGIT ? p[i] * (1 - p[i])
                    : Math.exp(-0.5 * fit.xb()[i] * fit.xb()[i]) / Math.sqrt(2 * Math.PI);
        }
        double[] adjusted = TeffectsScoreAdjustment.adjust(y, treated, p, f, xk, fit.bread(), groups, e.ate, e.atet,
                v, spec);
        return new TeffectsResult(e.ate, Math.sqrt(adjusted[0]), e.atet, Math.sqrt(adjusted[1]), n, groups[1].length,
                main.min, main.max, v[0], v[1], new ArrayList<>(fit.notes()));
    }

    /**
     * {@code teffects nnmatch (y z…) (t), ate|atet nneighbor(m) metric() ematch() biasadj() vce(robust, nn(j))}.
     *
     * @param z      matching covariates, column-major (no constant); ematch variables may be among them
     * @param exact  ematch variables, column-major (empty: none)
     * @param bias   biasadj variables, column-major (empty: none)
     */
    public static TeffectsResult nnmatch(double[] y, boolean[] treated, double[][] z, double[][] exact,
                                         double[][] bias, TeffectsSpec spec) {
        check(y, treated, spec);
        int n = y.length;
        if (z.length == 0) {
            throw new UserError("teffects nnmatch needs at least one matching covariate.");
        }
        double[][] a = metric(z, spec.metric());
        int dim = z.length;
        double[][] rows = new double[n][dim];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < dim; j++) {
                rows[i][j] = z[j][i];
            }
        }
        TeffectsNeighbours.Distance dist = (i, j) -> {
            double s = 0;
            double[] zi = rows[i];
            double[] zj = rows[j];
            for (int u = 0; u < dim; u++) {
                double du = zj[u] - zi[u];
                if (du == 0) {
                    continue;
                }
                double r = 0;
                for (int w = 0; w < dim; w++) {
                    r += a[u][w] * (zj[w] - zi[w]);
                }
                s += du * r;
            }
            return s;
        };
        int[] cell = cells(exact, n);
        int[][] groups = groups(treated);
        Matches main = match(groups, (q, pool) -> withinCells(cell, q, pool,
                (qq, pp) -> TeffectsNeighbours.byDistance(dist, qq, pp, spec.neighbors(), false)),
                "the covariates" + (exact.length > 0 ? " within the exact-match cells" : ""));
        double[] sigma2 = new double[n];
        for (int[] g : groups) {
            // nnmatch: the unit and its nn(#) nearest others of the own group (same exact-match cell)
            int[][] near = withinCells(cell, g, g,
                    (qq, pp) -> TeffectsNeighbours.byDistance(dist, qq, pp, spec.vceNeighbors(), true));
            for (int q = 0; q < g.length; q++) {
                if (near[q].length == 0) {
                    throw new UserError("teffects nnmatch: a " + (treated[g[q]] ? "treated" : "control")
                            + " unit has no other unit of its group in its exact-match cell, so its conditional"
                            + " variance cannot be estimated. Drop an `ematch` variable or merge its rare values.");
                }
                sigma2[g[q]] = variance(y, near[q], g[q]);
            }
        }
        double[][][] beta = bias.length == 0 ? null : biasRegressions(y, bias, groups, main);
        Effects e = effects(y, treated, main, bias, beta);
        double[] v = aiVariances(e, treated, main, sigma2);
        return new TeffectsResult(e.ate, Math.sqrt(v[0]), e.atet, Math.sqrt(v[1]), n, groups[1].length, main.min,
                main.max, v[0], v[1], List.of());
    }

    // ---- matching ----------------------------------------------------------------------------------------------

    private interface Search {
        int[][] find(int[] query, int[] pool);
    }

    /** Matched sets (both directions) and each unit's use as a match: K = Σ 1/#J, K' = Σ 1/#J². */
    private record Matches(int[][] set, double[] k, double[] k2, int min, int max) {
    }

    private static Matches match(int[][] groups, Search search, String on) {
        int n = groups[0].length + groups[1].length;
        int[][] set = new int[n][];
        double[] k = new double[n];
        double[] k2 = new double[n];
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (int w = 0; w < 2; w++) {
            int[] q = groups[w];
            int[][] found = search.find(q, groups[1 - w]);
            for (int a = 0; a < q.length; a++) {
                int[] s = found[a];
                if (s.length == 0) {
                    throw new UserError("teffects: a " + (w == 1 ? "treated" : "control") + " unit (row "
                            + (q[a] + 1) + " of the matching sample) has no " + (w == 1 ? "control" : "treated")
                            + " unit to match on " + on + ", so the overlap assumption fails. Stata stops here too"
                            + " (its osample() option marks such units); restrict the sample (`if:`) to where both"
                            + " groups occur.");
                }
                set[q[a]] = s;
                min = Math.min(min, s.length);
                max = Math.max(max, s.length);
                for (int j : s) {
                    k[j] += 1.0 / s.length;
                    k2[j] += 1.0 / ((double) s.length * s.length);
                }
            }
        }
        return new Matches(set, k, k2, min, max);
    }

    private static int[][] withinCells(int[] cell, int[] query, int[] pool, Search search) {
        Map<Integer, List<Integer>> qc = byCell(cell, query);
        Map<Integer, List<Integer>> pc = byCell(cell, pool);
        int[][] out = new int[query.length][];
        Map<Integer, Integer> pos = new LinkedHashMap<>();
        for (int a = 0; a < query.length; a++) {
            pos.put(query[a], a);
        }
        for (var entry : qc.entrySet()) {
            int[] qq = entry.getValue().stream().mapToInt(Integer::intValue).toArray();
            int[] pp = pc.getOrDefault(entry.getKey(), List.of()).stream().mapToInt(Integer::intValue).toArray();
            int[][] found = pp.length == 0 ? new int[qq.length][0] : search.find(qq, pp);
            for (int a = 0; a < qq.length; a++) {
                out[pos.get(qq[a])] = found[a];
            }
        }
        return out;
    }

    private static Map<Integer, List<Integer>> byCell(int[] cell, int[] units) {
        Map<Integer, List<Integer>> out = new LinkedHashMap<>();
        for (int u : units) {
            out.computeIfAbsent(cell[u], c -> new ArrayList<>()).add(u);
        }
        return out;
    }

    /** One cell id per unit from the exact-match variables (all 0 when there are none). */
    private static int[] cells(double[][] exact, int n) {
        int[] cell = new int[n];
        Map<List<Double>, Integer> ids = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            List<Double> key = new ArrayList<>(exact.length);
            for (double[] col : exact) {
                key.add(col[i]);
            }
            cell[i] = ids.computeIfAbsent(key, kk -> ids.size());
        }
        return cell;
    }

    private static int[][] groups(boolean[] treated) {
        int n1 = 0;
        for (boolean b : treated) {
            n1 += b ? 1 : 0;
        }
        int[][] g = {new int[treated.length - n1], new int[n1]};
        int[] c = new int[2];
        for (int i = 0; i < treated.length; i++) {
            int w = treated[i] ? 1 : 0;
            g[w][c[w]++] = i;
        }
        return g;
    }

    // ---- effects and variances ---------------------------------------------------------------------------------

    /** Imputed potential outcomes: tau_i = Ŷ1_i − Ŷ0_i; ATE over all units, ATET over the treated. */
    private record Effects(double[] tau, double ate, double atet) {
    }

    private static Effects effects(double[] y, boolean[] treated, Matches m, double[][] bias, double[][][] beta) {
        int n = y.length;
        double[] tau = new double[n];
        double sum = 0;
        double sum1 = 0;
        int n1 = 0;
        for (int i = 0; i < n; i++) {
            int other = treated[i] ? 0 : 1;
            double s = 0;
            for (int j : m.set()[i]) {
                double adj = 0;
                if (beta != null) {
                    for (int b = 0; b < bias.length; b++) {
                        adj += (bias[b][i] - bias[b][j]) * beta[other][0][b + 1];
                    }
                }
                s += y[j] + adj;
            }
            double imputed = s / m.set()[i].length;
            tau[i] = treated[i] ? y[i] - imputed : imputed - y[i];
            sum += tau[i];
            if (treated[i]) {
                sum1 += tau[i];
                n1++;
            }
        }
        return new Effects(tau, sum / n, sum1 / n1);
    }

    /**
     * Abadie–Imbens (2006) variances (the population forms teffects reports): ATE
     * [Σ (τ_i − ATE)² + Σ (K_i² + 2K_i − K'_i) σ²_i] / N², ATET [Σ_T (τ_i − ATET)² + Σ_C (K_i² − K'_i) σ²_i] / N1².
     */
    private static double[] aiVariances(Effects e, boolean[] treated, Matches m, double[] sigma2) {
        int n = treated.length;
        double va = 0;
        double vt = 0;
        int n1 = 0;
        for (int i = 0; i < n; i++) {
            double k = m.k()[i];
            double k2 = m.k2()[i];
            double da = e.tau[i] - e.ate;
            va += da * da + (k * k + 2 * k - k2) * sigma2[i];
            if (treated[i]) {
                double dt = e.tau[i] - e.atet;
                vt += dt * dt;
                n1++;
            } else {
                vt += (k * k - k2) * sigma2[i];
            }
        }
        return new double[] {va / ((double) n * n), vt / ((double) n1 * n1)};
    }

    /** Sample variance (divisor count − 1) of y over {@code set}, plus unit {@code self} when self ≥ 0. */
    private static double variance(double[] y, int[] set, int self) {
        int c = set.length + (self >= 0 ? 1 : 0);
        if (c < 2) {
            return 0;
        }
        double mean = self >= 0 ? y[self] : 0;
        for (int j : set) {
            mean += y[j];
        }
        mean /= c;
        double ss = self >= 0 ? (y[self] - mean) * (y[self] - mean) : 0;
        for (int j : set) {
            ss += (y[j] - mean) * (y[j] - mean);
        }
        return ss / (c - 1);
    }

    /**
     * biasadj (Abadie and Imbens 2011, as teffects): for each group w, least squares of y on (1, bias variables) over
     * the units of w, each weighted by its use as a match K_i. Returns beta[w][0] = (b0, b1, …).
     */
    private static double[][][] biasRegressions(double[] y, double[][] bias, int[][] groups, Matches m) {
        double[][][] out = new double[2][][];
        int k = bias.length + 1;
        for (int w = 0; w < 2; w++) {
            double[][] xtx = new double[k][k];
            double[] xty = new double[k];
            int used = 0;
            for (int i : groups[w]) {
                double wt = m.k()[i];
                if (wt == 0) {
                    continue;
                }
                used++;
                double[] row = new double[k];
                row[0] = 1;
                for (int b = 0; b < bias.length; b++) {
                    row[b + 1] = bias[b][i];
                }
                for (int r = 0; r < k; r++) {
                    xty[r] += wt * row[r] * y[i];
                    for (int s = 0; s < k; s++) {
                        xtx[r][s] += wt * row[r] * row[s];
                    }
                }
            }
            double[] b = solve(xtx, xty);
            if (b == null || used <= k) {
                throw new UserError("teffects nnmatch: the bias-adjustment regression of the "
                        + (w == 1 ? "treated" : "control") + " group on the `biasadj` variables is singular (a"
                        + " variable is constant or collinear among the " + used + " units used as matches). Drop"
                        + " that variable from `biasadj`.");
            }
            out[w] = new double[][] {b};
        }
        return out;
    }

    /** Weight matrix A of the distance Δ'AΔ. */
    private static double[][] metric(double[][] z, TeffectsSpec.Metric metric) {
        int k = z.length;
        int n = z[0].length;
        double[][] a = new double[k][k];
        if (metric == TeffectsSpec.Metric.EUCLIDEAN) {
            for (int j = 0; j < k; j++) {
                a[j][j] = 1;
            }
            return a;
        }
        double[] mean = new double[k];
        for (int j = 0; j < k; j++) {
            for (double v : z[j]) {
                mean[j] += v;
            }
            mean[j] /= n;
        }
        double[][] s = new double[k][k];
        for (int r = 0; r < k; r++) {
            for (int c = 0; c <= r; c++) {
                double acc = 0;
                for (int i = 0; i < n; i++) {
                    acc += (z[r][i] - mean[r]) * (z[c][i] - mean[c]);
                }
                s[r][c] = acc / (n - 1);
                s[c][r] = s[r][c];
            }
        }
        for (int j = 0; j < k; j++) {
            if (!(s[j][j] > 0)) {
                throw new UserError("teffects nnmatch: matching covariate " + (j + 1) + " is constant in the sample;"
                        + " its variance is 0, so the " + metric.name().toLowerCase(Locale.ROOT) + " metric is not"
                        + " defined. Drop it.");
            }
        }
        if (metric == TeffectsSpec.Metric.IVARIANCE) {
            for (int j = 0; j < k; j++) {
                a[j][j] = 1 / s[j][j];
            }
            return a;
        }
        for (int j = 0; j < k; j++) {
            double[] e = new double[k];
            e[j] = 1;
            double[] col = solve(copy(s), e);
            if (col == null) {
                throw new UserError("teffects nnmatch: the covariance matrix of the matching covariates is singular"
                        + " (a covariate is a combination of the others), so the Mahalanobis metric is not defined."
                        + " Drop the redundant covariate.");
            }
            for (int r = 0; r < k; r++) {
                a[r][j] = col[r];
            }
        }
        return a;
    }

    private static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }

    /** Gaussian elimination with partial pivoting; null when (numerically) singular. Modifies its arguments. */
    static double[] solve(double[][] a, double[] b) {
        int k = b.length;
        double scale = 0;
        for (double[] row : a) {
            for (double v : row) {
                scale = Math.max(scale, Math.abs(v));
            }
        }
        for (int col = 0; col < k; col++) {
            int piv = col;
            for (int r = col + 1; r < k; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[piv][col])) {
                    piv = r;
                }
            }
            if (!(Math.abs(a[piv][col]) > 1e-12 * scale)) {
                return null;
            }
            double[] tr = a[col];
            a[col] = a[piv];
            a[piv] = tr;
            double tb = b[col];
            b[col] = b[piv];
            b[piv] = tb;
            for (int r = col + 1; r < k; r++) {
                double fct = a[r][col] / a[col][col];
                for (int c = col; c < k; c++) {
                    a[r][c] -= fct * a[col][c];
                }
                b[r] -= fct * b[col];
            }
        }
        double[] x = new double[k];
        for (int r = k - 1; r >= 0; r--) {
            double s = b[r];
            for (int c = r + 1; c < k; c++) {
                s -= a[r][c] * x[c];
            }
            x[r] = s / a[r][r];
        }
        return x;
    }

    // ---- checks ------------------------------------------------------------------------------------------------

    private static void check(double[] y, boolean[] treated, TeffectsSpec spec) {
        if (y.length != treated.length) {
            throw new IllegalArgumentException("y and treated differ in length");
        }
        for (double v : y) {
            if (!Double.isFinite(v)) {
                throw new UserError("teffects: the outcome has a missing or non-finite value; drop those rows first.");
            }
        }
        if (spec.neighbors() < 1 || spec.vceNeighbors() < 1) {
            throw new UserError("teffects: nneighbor and vce nn() must be at least 1 (got " + spec.neighbors()
                    + " and " + spec.vceNeighbors() + ").");
        }
        int n1 = 0;
        for (boolean b : treated) {
            n1 += b ? 1 : 0;
        }
        if (n1 < 2 || treated.length - n1 < 2) {
            throw new UserError("teffects needs at least 2 treated and 2 control units (the sample has " + n1
                    + " treated and " + (treated.length - n1) + " controls).");
        }
    }

    /** teffects' overlap check: every score strictly inside (tol, 1 − tol), else stop (Stata's error 459). */
    private static void overlap(double[] p, boolean[] treated, double tol) {
        int[] low = new int[2];
        int[] high = new int[2];
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < p.length; i++) {
            int w = treated[i] ? 1 : 0;
            boolean lo = p[i] < tol;
            boolean hi = p[i] > 1 - tol;
            low[w] += lo ? 1 : 0;
            high[w] += hi ? 1 : 0;
            if ((lo || hi) && rows.size() < 5) {
                rows.add(i + 1);
            }
        }
        if (low[0] + low[1] + high[0] + high[1] > 0) {
            throw new UserError(String.format(Locale.ROOT, "teffects psmatch: the treatment overlap assumption is"
                    + " violated: %d propensity scores are below %.0e and %d above 1 − %.0e (treated %d, controls"
                    + " %d; first rows of the matching sample: %s). Stata stops with the same error; its osample()"
                    + " option marks these units so that they can be dropped before re-estimating. Do that here"
                    + " with `if:` (e.g. exclude the covariate values that predict the treatment almost"
                    + " perfectly), or change the treatment model.", low[0] + low[1], tol, high[0] + high[1], tol,
                    low[1] + high[1], low[0] + high[0], rows));
        }
    }
}
