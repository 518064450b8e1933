package org.reprise.estimate.match;

import org.reprise.estimate.match.MatchSpec.Kernel;

/**
 * One matching pass: every target unit (one treatment group) is matched to a {@link Pool} of the other group.
 * A pass adds to the pool units' weights, sets the targets' matched outcomes, counts and support.
 */
final class Passes {
    private Passes() {
    }

    /** Pool outcomes in pool order: out[j][pos] = y[j][pool.id[pos]]. */
    static double[][] pooled(Pool pool, double[][] y) {
        double[][] out = new double[y.length][pool.n];
        for (int j = 0; j < y.length; j++) {
            for (int p = 0; p < pool.n; p++) {
                out[j][p] = y[j][pool.id[p]];
            }
        }
        return out;
    }

    /**
     * pool.lowerBound(score of u) for every unit u of {@code sorted} by one merge walk (both ascending), indexed by
     * unit (length n); the same positions as one binary search per unit.
     */
    static int[] lowerBounds(Pool sorted, Pool pool, int n) {
        int[] at = new int[n];
        double[] v = pool.v;
        int pos = 0;
        for (int i = 0; i < sorted.n; i++) {
            double x = sorted.v[i];
            while (pos < pool.n && v[pos] < x) {
                pos++;
            }
            at[sorted.id[i]] = pos;
        }
        return at;
    }

    /**
     * Nearest neighbour with replacement (psmatch2 rules, see {@link Nearest}); {@code sorted} holds the targets
     * sorted by score (their search positions come from one merge walk), the targets are matched in data order.
     * The matched sets are found first (stored as entries), then turned into units, matched outcomes and pool
     * weights in short loops over the entries: the same sums in the same order (entry order), with the random
     * reads of many entries in flight at once.
     */
    static void nearest(double[] score, int[] targets, Pool sorted, Pool pool, MatchSpec spec, double[][] y,
                        State st) {
        Nearest nn = new Nearest(pool, spec.k(), spec.caliper(), spec.ties());
        int[] at = lowerBounds(sorted, pool, st.n);
        // k entries per target unless ties, a caliper or a small pool change it (then the arrays grow or are cut)
        st.reserve(Math.min((long) targets.length * spec.k(), (long) targets.length * pool.n));
        int first = st.entries;
        for (int t : targets) {
            double p = score[t];
            int size = nn.find(p, -1, at[t]);
            if (size == 0) {
                st.support[t] = false;
                continue;
            }
            double w = 1.0 / size;
            for (int e = 0; e < size; e++) {
                // the pool position for now, the unit below
                st.addEntry(t, nn.buf[e], w);
            }
            st.count[t] = size;
            st.distance[t] = Math.abs(p - pool.v[nn.buf[0]]);
        }
        int end = st.entries;
        int[] owner = st.entryOwner;
        int[] unit = st.entryUnit;
        double[] weight = st.entryWeight;
        for (int e = first; e < end; e++) {
            unit[e] = pool.id[unit[e]];
        }
        for (int e = first; e < end; e++) {
            st.weight[unit[e]] += weight[e];
        }
        for (int j = 0; j < y.length; j++) {
            double[] yj = y[j];
            double[] mj = st.matched[j];
            // a target's entries are consecutive (targets visited once each, in order)
            for (int e = first; e < end; ) {
                int t = owner[e];
                int size = st.count[t];
                double m = 0;
                for (int f = e + size; e < f; e++) {
                    m += yj[unit[e]] / size;
                }
                mj[t] = m;
            }
        }
    }

    /** Greedy nearest available without replacement; targets visited in the given order, k rounds. */
    static void greedy(double[] score, int[] order, Pool pool, MatchSpec spec, double[][] y, State st) {
        Greedy g = new Greedy(pool);
        int nt = order.length;
        int k = spec.k();
        int[][] picks = new int[nt][k];
        int[] got = new int[nt];
        boolean[] active = new boolean[nt];
        java.util.Arrays.fill(active, true);
        for (int round = 0; round < k; round++) {
            for (int r = 0; r < nt; r++) {
                if (!active[r]) {
                    continue;
                }
                int pos = g.pick(score[order[r]], spec.caliper());
                if (pos < 0) {
                    active[r] = false;
                } else {
                    picks[r][got[r]++] = pos;
                }
            }
        }
        for (int r = 0; r < nt; r++) {
            int t = order[r];
            int size = got[r];
            if (size == 0) {
                st.support[t] = false;
                continue;
            }
            double w = 1.0 / size;
            for (int j = 0; j < y.length; j++) {
                double s = 0;
                for (int e = 0; e < size; e++) {
                    s += y[j][pool.id[picks[r][e]]] / size;
                }
                st.matched[j][t] = s;
            }
            for (int e = 0; e < size; e++) {
                int u = pool.id[picks[r][e]];
                st.weight[u] += w;
                st.addEntry(t, u, w);
            }
            st.count[t] = size;
            st.distance[t] = Math.abs(score[t] - pool.v[picks[r][0]]);
        }
    }

    /** psmatch2's kernels (u = (pool score - target score) / bandwidth), 0 outside |u| &lt;= 1 for compact ones. */
    static double kernel(Kernel k, double u) {
        switch (k) {
            case EPANECHNIKOV:
                return 1 - u * u;
            case BIWEIGHT: {
                double a = 1 - u * u;
                return a * a;
            }
            case UNIFORM:
                return 1;
            case TRICUBE: {
                double a = Math.abs(u);
                double b = 1 - a * a * a;
                return b * b * b;
            }
            default:
                return Math.exp(-0.5 * u * u);
        }
    }

    /**
     * pool.windowLow(score of u, r) and pool.windowHigh(score of u, r) for every unit u of {@code sorted}, by one
     * merge walk each (both ends only move up as the score grows); {lows, highs} indexed by unit (length n).
     */
    static int[][] windows(Pool sorted, Pool pool, double r, int n) {
        int[] low = new int[n];
        int[] high = new int[n];
        double[] v = pool.v;
        int lo = 0;
        int hi = 0;
        for (int i = 0; i < sorted.n; i++) {
            double x = sorted.v[i];
            while (lo < pool.n && v[lo] - x < -r) {
                lo++;
            }
            while (hi < pool.n && v[hi] - x <= r) {
                hi++;
            }
            low[sorted.id[i]] = lo;
            high[sorted.id[i]] = hi;
        }
        return new int[][] {low, high};
    }

    /** Compact kernels: visits only the pool units with |difference| &lt;= bandwidth (merge-walked window). */
    static void compact(double[] score, int[] targets, Pool sorted, Pool pool, Kernel kernel, double bw,
                        double[][] y, State st) {
        double[][] py = pooled(pool, y);
        double[] acc = new double[y.length];
        int[][] win = windows(sorted, pool, bw, st.n);
        for (int t : targets) {
            double p = score[t];
            int lo = win[0][t];
            int hi = win[1][t];
            double s = 0;
            java.util.Arrays.fill(acc, 0);
            for (int q = lo; q < hi; q++) {
                double kq = kernel(kernel, (pool.v[q] - p) / bw);
                s += kq;
                for (int j = 0; j < y.length; j++) {
                    acc[j] += kq * py[j][q];
                }
            }
            if (!(s > 0)) {
                st.support[t] = false;
                continue;
            }
            for (int q = lo; q < hi; q++) {
                st.weight[pool.id[q]] += kernel(kernel, (pool.v[q] - p) / bw) / s;
            }
            for (int j = 0; j < y.length; j++) {
                st.matched[j][t] = acc[j] / s;
            }
            st.count[t] = hi - lo;
        }
    }

    /**
     * Radius matching (uniform kernel, |difference| &lt;= radius): windows by a merge walk over the sorted targets,
     * matched outcomes from double-double prefix sums and pool weights from a double-double difference array
     * (targets in data order), O(n + m) in all after sorting.
     */
    static void radius(double[] score, int[] targets, Pool sorted, Pool pool, double radius, double[][] y,
                       State st) {
        int n = pool.n;
        double[][] py = pooled(pool, y);
        Dd[] prefix = new Dd[y.length];
        for (int j = 0; j < y.length; j++) {
            prefix[j] = Dd.prefix(py[j]);
        }
        Dd diff = new Dd(n + 1);
        int[][] win = windows(sorted, pool, radius, st.n);
        for (int t : targets) {
            int lo = win[0][t];
            int hi = win[1][t];
            int cnt = hi - lo;
            if (cnt <= 0) {
                st.support[t] = false;
                continue;
            }
            double w = 1.0 / cnt;
            diff.add(lo, w);
            diff.add(hi, -w);
            for (int j = 0; j < y.length; j++) {
                st.matched[j][t] = prefix[j].rangeSum(lo, hi) / cnt;
            }
            st.count[t] = cnt;
        }
        double[] w = diff.runningSums(n);
        for (int q = 0; q < n; q++) {
            st.weight[pool.id[q]] += w[q];
        }
    }

    /** Relative mass allowed to be dropped by the normal kernel's truncation, per target unit. */
    static final double NORMAL_TOL = 1e-12;
    /** Sources whose truncation radius exceeds this many bandwidths are summed directly in the transpose. */
    static final double FAR = 12;

    /**
     * Normal kernel, truncated: for target t with nearest pool unit at u_min bandwidths, pool units farther than
     * U_t = sqrt(u_min^2 + 2 ln(n_pool / 1e-12)) bandwidths are ignored. Each ignored kernel value is at most
     * exp(-(U_t^2 - u_min^2)/2) = 1e-12 / n_pool times the largest one, so the ignored mass is at most 1e-12 of
     * the target's kernel sum S_t. Sums use {@link Gauss} (box Taylor expansions), not a pair loop.
     */
    static void normal(double[] score, int[] targets, Pool pool, double h, double[][] y, State st) {
        Pool tp = Pool.of(score, targets);
        int nt = tp.n;
        int ns = pool.n;
        double extra = 2 * Math.log(ns / NORMAL_TOL);
        double[] u = new double[nt];
        for (int t = 0; t < nt; t++) {
            double p = tp.v[t];
            int pos = pool.lowerBound(p);
            double d = Double.POSITIVE_INFINITY;
            if (pos < ns) {
                d = Math.abs(pool.v[pos] - p);
            }
            if (pos > 0) {
                d = Math.min(d, Math.abs(p - pool.v[pos - 1]));
            }
            double umin = d / h;
            u[t] = Math.sqrt(umin * umin + extra);
        }
        double[][] py = pooled(pool, y);
        double[][] w = new double[1 + y.length][];
        w[0] = new double[ns];
        java.util.Arrays.fill(w[0], 1.0);
        System.arraycopy(py, 0, w, 1, y.length);
        double[][] out = Gauss.sum(pool.v, w, tp.v, h, u, 0);
        double[] q = new double[nt];
        double[] qReg = new double[nt];
        double srcU = 0;
        int onSupport = 0;
        for (int t = 0; t < nt; t++) {
            int unit = tp.id[t];
            double s = out[0][t];
            if (!(s > 0)) {
                st.support[unit] = false;
                continue;
            }
            onSupport++;
            q[t] = 1 / s;
            for (int j = 0; j < y.length; j++) {
                st.matched[j][unit] = out[j + 1][t] / s;
            }
            st.count[unit] = pool.windowHigh(tp.v[t], u[t] * h) - pool.windowLow(tp.v[t], u[t] * h);
            if (u[t] <= FAR) {
                qReg[t] = q[t];
                srcU = Math.max(srcU, u[t]);
            }
        }
        double[] wsum = Gauss.sum(tp.v, new double[][] {qReg}, pool.v, h, null, srcU)[0];
        for (int t = 0; t < nt; t++) {
            if (q[t] > 0 && u[t] > FAR) {
                double p = tp.v[t];
                int lo = pool.windowLow(p, u[t] * h);
                int hi = pool.windowHigh(p, u[t] * h);
                for (int c = lo; c < hi; c++) {
                    double z = (pool.v[c] - p) / h;
                    wsum[c] += q[t] * Math.exp(-0.5 * z * z);
                }
            }
        }
        // psmatch2 gives every pool unit within exp's underflow range of an on-support target a positive weight
        double[] on = new double[onSupport];
        int c0 = 0;
        for (int t = 0; t < nt; t++) {
            if (q[t] > 0) {
                on[c0++] = tp.v[t];
            }
        }
        for (int c = 0; c < ns; c++) {
            double wc = Math.max(0, wsum[c]);
            if (!(wc > 0) && onSupport > 0) {
                double p = pool.v[c];
                int pos = Gauss.lowerBound(on, p);
                double d = Double.POSITIVE_INFINITY;
                if (pos < onSupport) {
                    d = on[pos] - p;
                }
                if (pos > 0) {
                    d = Math.min(d, p - on[pos - 1]);
                }
                double z = d / h;
                if (Math.exp(-0.5 * z * z) > 0) {
                    wc = Double.MIN_VALUE;
                }
            }
            st.weight[pool.id[c]] += wc;
        }
    }
}
