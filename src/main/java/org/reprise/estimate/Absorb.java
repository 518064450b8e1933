package org.reprise.estimate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.reprise.UserError;

/**
 * Least squares with one or more sets of fixed effects absorbed by alternating projections, not dummies.
 *
 * <p><b>Demeaning.</b> Each variable (y and every regressor) has its (weighted) group means subtracted for each
 * fixed effect in turn, sweep after sweep, until the largest change of any element during a sweep is below
 * {@link Options#tolerance()} (default 1e-12) times the variable's root mean square about its mean (1 if that is 0).
 * With one fixed effect one sweep is exact. Unbalanced panels need nothing special.
 *
 * <p><b>Reporting as xtreg, fe.</b> The grand mean is added back to every demeaned variable and the regression is
 * run with a constant, so {@code _cons} is ȳ - x̄'b and its standard error is xtreg's. Regressors constant within
 * the groups (time-invariant ones) are left with nothing after demeaning and are omitted for collinearity.
 *
 * <p><b>Degrees of freedom.</b> The absorbed parameters are counted exactly for one or two fixed effects: G for one;
 * G1 + G2 - (connected components of the bipartite graph linking the two sets of groups) for two. For three or more,
 * the first two are counted exactly and each further set adds G - 1 (exact unless the further sets are nested in,
 * or otherwise redundant with, the others; then the count is an upper bound and SEs are slightly conservative).
 * The constant is one of these parameters, so the fit's {@code absorbed()} is the count minus 1, and its residual
 * df n - k - absorbed equals xtreg's N - G - K.
 *
 * <p><b>Singletons.</b> By default singleton groups are kept as xtreg keeps them (they add nothing to the slopes
 * but count in N and G). {@link Options#dropSingletons()} drops them iteratively, as reghdfe does.
 */
public final class Absorb {

    /**
     * @param dropSingletons drop observations alone in their group (repeatedly, until none is), as reghdfe
     * @param tolerance      convergence criterion of the alternating projections (relative, see class comment)
     * @param maxIterations  sweeps allowed before giving up with a UserError
     */
    public record Options(boolean dropSingletons, double tolerance, int maxIterations) {
        /** xtreg's behaviour: singletons kept, tolerance 1e-12, at most 100000 sweeps. */
        public static Options xtreg() {
            return new Options(false, 1e-12, 100_000);
        }

        /** reghdfe's singleton rule: drop them. */
        public static Options dropSingletonsOptions() {
            return new Options(true, 1e-12, 100_000);
        }
    }

    private Absorb() {
    }

    /**
     * @param y          outcome
     * @param x          regressors without a constant, column-major
     * @param names      regressor names (no _cons; it is added)
     * @param weights    analytic weights or null
     * @param groups     one code array per fixed effect, codes 0..G-1 per input row
     * @param groupNames names of the fixed-effect variables, for messages
     * @param options    see {@link Options}
     */
    public static FixedEffectsFit fit(double[] y, double[][] x, String[] names, double[] weights, int[][] groups,
                                      String[] groupNames, Options options) {
        int n = y.length;
        if (groups.length == 0) {
            throw new IllegalArgumentException("no fixed effects to absorb");
        }
        for (String name : names) {
            if (Ols.CONS.equals(name)) {
                throw new IllegalArgumentException("pass no _cons column: Absorb adds it");
            }
        }
        for (int f = 0; f < groups.length; f++) {
            if (groups[f].length != n) {
                throw new IllegalArgumentException("fixed effect " + groupNames[f] + " has " + groups[f].length
                        + " codes for " + n + " rows");
            }
            for (int i = 0; i < n; i++) {
                if (groups[f][i] < 0) {
                    throw new UserError("Fixed-effect variable '" + groupNames[f] + "' is missing at observation "
                            + (i + 1) + " of the estimation sample. Drop rows with a missing fixed-effect variable "
                            + "before absorbing it.");
                }
            }
        }
        boolean[] keep = new boolean[n];
        Arrays.fill(keep, true);
        int dropped = options.dropSingletons() ? dropSingletons(groups, keep) : 0;
        int[] rows = rowsOf(keep);
        int m = rows.length;
        if (m == 0) {
            throw new UserError("Every observation is a singleton in its fixed-effect group, so none is left after "
                    + "dropping singletons. Keep singletons or absorb coarser groups.");
        }
        int[][] codes = new int[groups.length][];
        int[] counts = new int[groups.length];
        for (int f = 0; f < groups.length; f++) {
            codes[f] = dense(groups[f], rows);
            counts[f] = max(codes[f]) + 1;
        }
        double[] w = weights == null ? null : pick(weights, rows);
        double[] yy = pick(y, rows);
        double[][] xx = new double[x.length][];
        for (int j = 0; j < x.length; j++) {
            xx[j] = pick(x[j], rows);
        }
        if (w != null) {
            for (int i = 0; i < m; i++) {
                if (!(w[i] > 0) || !Double.isFinite(w[i])) {
                    throw new UserError("The weight at observation " + (rows[i] + 1) + " is " + w[i] + "; analytic "
                            + "weights must be positive and finite. Drop such rows with an if: condition.");
                }
            }
        }
        int[] iterations = new int[1];
        double[] ty = transform(yy, w, codes, counts, options, "the outcome", iterations);
        double[][] tx = new double[x.length + 1][];
        String[] tn = new String[x.length + 1];
        for (int j = 0; j < x.length; j++) {
            tx[j] = transform(xx[j], w, codes, counts, options, names[j], iterations);
            tn[j] = names[j];
        }
        double[] ones = new double[m];
        Arrays.fill(ones, 1.0);
        tx[x.length] = ones;
        tn[x.length] = Ols.CONS;
        int params = fixedEffectParameters(codes, counts);
        LinearFit fit = Ols.fit(ty, tx, tn, w, true, params - 1);
        List<String> notes = new ArrayList<>(fit.notes());
        if (dropped > 0) {
            notes.add("note: " + dropped + " singleton observation" + (dropped == 1 ? "" : "s") + " dropped");
        }
        return new FixedEffectsFit(fit, rows, counts, params, dropped, iterations[0], List.copyOf(notes));
    }

    /** v demeaned within every fixed effect, plus its grand mean; iterations[0] becomes the most sweeps so far. */
    private static double[] transform(double[] v, double[] w, int[][] codes, int[] counts, Options o, String what,
                                      int[] iterations) {
        int m = v.length;
        double sw = 0.0;
        double mean = 0.0;
        for (int i = 0; i < m; i++) {
            double wi = w == null ? 1.0 : w[i];
            sw += wi;
            mean += wi * v[i];
        }
        mean /= sw;
        double ss = 0.0;
        for (int i = 0; i < m; i++) {
            double d = v[i] - mean;
            ss += d * d;
        }
        double scale = ss > 0 ? Math.sqrt(ss / m) : 1.0;
        double[] r = v.clone();
        double[][] sums = new double[codes.length][];
        double[][] wsum = new double[codes.length][];
        for (int f = 0; f < codes.length; f++) {
            sums[f] = new double[counts[f]];
            wsum[f] = new double[counts[f]];
            for (int i = 0; i < m; i++) {
                wsum[f][codes[f][i]] += w == null ? 1.0 : w[i];
            }
        }
        int it = 0;
        while (true) {
            it++;
            double change = 0.0;
            for (int f = 0; f < codes.length; f++) {
                double[] s = sums[f];
                Arrays.fill(s, 0.0);
                int[] c = codes[f];
                for (int i = 0; i < m; i++) {
                    s[c[i]] += (w == null ? 1.0 : w[i]) * r[i];
                }
                for (int g = 0; g < s.length; g++) {
                    s[g] /= wsum[f][g];
                }
                for (int i = 0; i < m; i++) {
                    double d = s[c[i]];
                    r[i] -= d;
                    change = Math.max(change, Math.abs(d));
                }
            }
            if (codes.length == 1 || change < o.tolerance() * scale) {
                break;
            }
            if (it >= o.maxIterations()) {
                throw new UserError("Absorbing the fixed effects did not converge for " + what + " after " + it
                        + " sweeps (largest change " + change + "). The fixed effects may be nearly collinear with "
                        + "each other; absorb fewer of them or raise the iteration limit.");
            }
        }
        iterations[0] = Math.max(iterations[0], it);
        for (int i = 0; i < m; i++) {
            r[i] += mean;
        }
        return r;
    }

    /** Rank of the fixed-effect dummies (see class comment). */
    static int fixedEffectParameters(int[][] codes, int[] counts) {
        int p = counts[0];
        if (codes.length >= 2) {
            p += counts[1] - components(codes[0], counts[0], codes[1], counts[1]);
        }
        for (int f = 2; f < codes.length; f++) {
            p += counts[f] - 1;
        }
        return p;
    }

    /** Connected components of the bipartite graph with an edge (a_i, b_i) per observation. */
    static int components(int[] a, int ga, int[] b, int gb) {
        int[] parent = new int[ga + gb];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        for (int i = 0; i < a.length; i++) {
            int ra = find(parent, a[i]);
            int rb = find(parent, ga + b[i]);
            if (ra != rb) {
                parent[ra] = rb;
            }
        }
        int c = 0;
        for (int i = 0; i < parent.length; i++) {
            if (find(parent, i) == i) {
                c++;
            }
        }
        return c;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** Marks singletons as not kept, repeatedly; returns how many were dropped. */
    private static int dropSingletons(int[][] groups, boolean[] keep) {
        int dropped = 0;
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int[] g : groups) {
                int[] count = new int[max(g) + 1];
                for (int i = 0; i < g.length; i++) {
                    if (keep[i]) {
                        count[g[i]]++;
                    }
                }
                for (int i = 0; i < g.length; i++) {
                    if (keep[i] && count[g[i]] == 1) {
                        keep[i] = false;
                        dropped++;
                        changed = true;
                    }
                }
            }
        }
        return dropped;
    }

    private static int[] rowsOf(boolean[] keep) {
        int m = 0;
        for (boolean k : keep) {
            if (k) {
                m++;
            }
        }
        int[] rows = new int[m];
        int c = 0;
        for (int i = 0; i < keep.length; i++) {
            if (keep[i]) {
                rows[c++] = i;
            }
        }
        return rows;
    }

    /** Codes of the given rows renumbered 0..G-1 in order of first appearance. */
    private static int[] dense(int[] codes, int[] rows) {
        int[] map = new int[max(codes) + 1];
        Arrays.fill(map, -1);
        int[] out = new int[rows.length];
        int next = 0;
        for (int i = 0; i < rows.length; i++) {
            int c = codes[rows[i]];
            if (map[c] < 0) {
                map[c] = next++;
            }
            out[i] = map[c];
        }
        return out;
    }

    private static double[] pick(double[] v, int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = v[rows[i]];
        }
        return out;
    }

    private static int max(int[] v) {
        int m = -1;
        for (int c : v) {
            m = Math.max(m, c);
        }
        return m;
    }
}
