package org.reprise.estimate.match;

import org.reprise.estimate.match.MatchSpec.Kernel;

/**
 * Local linear regression matching as psmatch2 4.0.12 runs it (docs/matching.md, "Local linear regression
 * matching"). Two routes, chosen by the kernel exactly as psmatch2.ado chooses them:
 * <ul>
 * <li>{@link #pass} (every kernel but Epanechnikov; psmatch2's {@code _Match_llr}): for each target, the
 *     intercept at its own score of a kernel-weighted linear regression of the pool's outcomes on the score
 *     difference; the pool units' weights are the local linear weights.</li>
 * <li>{@link #smooth} (Epanechnikov, psmatch2's default for {@code llr}): psmatch2 smooths each group's outcome with
 *     {@code lpoly ..., degree(1)} and then runs nearest-neighbour matching on the smoothed outcome.</li>
 * </ul>
 */
final class Llr {
    /** Stata's {@code lpoly}/{@code kdensity} Epanechnikov kernel has support |z| &lt; sqrt(5). */
    static final double SQRT5 = Math.sqrt(5);

    private Llr() {
    }

    /**
     * psmatch2's {@code _Match_llr}. For target t and the pool units inside the kernel window: K_q = kernel((s_q -
     * s_t)/bw) normalised to sum 1, d_q = s_q - s_t, dbar = sum K_q d_q, V = sum K_q (d_q - dbar)^2 (psmatch2:
     * {@code sum dif [aw=weight]}, r(Var)(N-1)/N). Pool unit q gets K_q (V + dbar^2 - dbar d_q) / V added to its
     * weight (psmatch2 adds this before it regresses, so V = 0 makes the weight missing: NaN here, and it stays NaN,
     * as Stata's missing does). Matched outcome = the weighted regression's intercept = sum of those weights times
     * y_q. A target with no pool unit of positive kernel weight, or only one (Stata's {@code regress} then fails),
     * leaves the support.
     */
    static void pass(double[] score, int[] targets, Pool pool, Kernel kernel, double bw, double[][] y, State st) {
        double[][] py = Passes.pooled(pool, y);
        boolean all = kernel == Kernel.NORMAL;
        for (int t : targets) {
            double p = score[t];
            int lo = all ? 0 : pool.windowLow(p, bw);
            int hi = all ? pool.n : pool.windowHigh(p, bw);
            double s = 0;
            int used = 0;
            double lowest = Double.POSITIVE_INFINITY;
            double highest = Double.NEGATIVE_INFINITY;
            for (int q = lo; q < hi; q++) {
                double k = Passes.kernel(kernel, (pool.v[q] - p) / bw);
                s += k;
                if (k > 0) {
                    used++;
                    lowest = Math.min(lowest, pool.v[q]);
                    highest = Math.max(highest, pool.v[q]);
                }
            }
            if (!(s > 0)) {
                st.support[t] = false;
                continue;
            }
            // centred on the pool unit of largest kernel weight: e_q = d_q - dbar without cancellation when the
            // target lies far from the pool (V small against dbar^2); mathematically the same quantities
            int top = lo;
            double kTop = -1;
            for (int q = lo; q < hi; q++) {
                double k = Passes.kernel(kernel, (pool.v[q] - p) / bw);
                if (k > kTop) {
                    kTop = k;
                    top = q;
                }
            }
            double anchor = pool.v[top];
            double cbar = 0;
            for (int q = lo; q < hi; q++) {
                cbar += Passes.kernel(kernel, (pool.v[q] - p) / bw) / s * (pool.v[q] - anchor);
            }
            double dbar = (anchor - p) + cbar;
            double v = 0;
            for (int q = lo; q < hi; q++) {
                double e = pool.v[q] - anchor - cbar;
                v += Passes.kernel(kernel, (pool.v[q] - p) / bw) / s * e * e;
            }
            if (lowest == highest) {
                v = 0; // one distinct score: exactly zero variance (rounding would leave a tiny positive V)
            }
            double[] mean = new double[y.length];
            for (int q = lo; q < hi; q++) {
                double k = Passes.kernel(kernel, (pool.v[q] - p) / bw) / s;
                double e = pool.v[q] - anchor - cbar;
                // psmatch2: weight (V + dbar^2 - dbar d) / V = weight (V - dbar (d - dbar)) / V
                st.weight[pool.id[q]] += v > 0 ? k * (v - dbar * e) / v : Double.NaN;
                for (int j = 0; j < y.length; j++) {
                    mean[j] += k * py[j][q];
                }
            }
            if (used < 2) {
                st.support[t] = false;
                continue;
            }
            for (int j = 0; j < y.length; j++) {
                double m = mean[j];
                if (v > 0) {
                    double cov = 0;
                    for (int q = lo; q < hi; q++) {
                        double k = Passes.kernel(kernel, (pool.v[q] - p) / bw) / s;
                        cov += k * (pool.v[q] - anchor - cbar) * (py[j][q] - mean[j]);
                    }
                    m = mean[j] - cov / v * dbar; // the weighted least-squares intercept at d = 0
                }
                st.matched[j][t] = m;
            }
            st.count[t] = used;
        }
    }

    /**
     * psmatch2's Epanechnikov {@code llr} route: {@code lpoly y _pscore if _treated==0 & _support==1, degree(1)
     * at(_pscore) bwidth(bw)} (Stata's Epanechnikov kernel 0.75 (1 - z^2/5)/sqrt(5), |z| &lt; sqrt(5), z = (x -
     * x0)/bw), evaluated at every control's own score; with {@code ate} the same for the treated on their own group.
     * Returns the outcomes to match on: the smoothed value for units on support of the smoothed groups, the raw
     * value elsewhere (never read).
     */
    static double[][] smooth(double[] score, boolean[] treated, boolean[] support, double[][] y, double bw,
                             boolean ate) {
        double[][] out = new double[y.length][];
        for (int j = 0; j < y.length; j++) {
            out[j] = y[j].clone();
        }
        for (boolean group : ate ? new boolean[] {false, true} : new boolean[] {false}) {
            Pool pool = Pool.of(score, Matcher.members(treated, support, group));
            double[][] py = Passes.pooled(pool, y);
            for (int pos = 0; pos < pool.n; pos++) {
                double x0 = pool.v[pos];
                int lo = pool.windowLow(x0, SQRT5 * bw);
                int hi = pool.windowHigh(x0, SQRT5 * bw);
                double s = 0;
                boolean flat = true;
                for (int q = lo; q < hi; q++) {
                    double k = epan((pool.v[q] - x0) / bw);
                    s += k;
                    flat &= k == 0 || pool.v[q] == x0;
                }
                double dbar = 0;
                for (int q = lo; q < hi; q++) {
                    dbar += epan((pool.v[q] - x0) / bw) / s * (pool.v[q] - x0);
                }
                double v = 0;
                for (int q = lo; q < hi; q++) {
                    double d = pool.v[q] - x0 - dbar;
                    v += epan((pool.v[q] - x0) / bw) / s * d * d;
                }
                for (int j = 0; j < y.length; j++) {
                    double ybar = 0;
                    for (int q = lo; q < hi; q++) {
                        ybar += epan((pool.v[q] - x0) / bw) / s * py[j][q];
                    }
                    double cov = 0;
                    for (int q = lo; q < hi; q++) {
                        cov += epan((pool.v[q] - x0) / bw) / s * (pool.v[q] - x0 - dbar) * (py[j][q] - ybar);
                    }
                    out[j][pool.id[pos]] = flat || !(v > 0) ? ybar : ybar - cov / v * dbar;
                }
            }
        }
        return out;
    }

    /** Stata's Epanechnikov kernel up to its constant: 1 - z^2/5 for |z| &lt; sqrt(5), else 0. */
    static double epan(double z) {
        double a = 1 - z * z / 5;
        return a > 0 ? a : 0;
    }
}
