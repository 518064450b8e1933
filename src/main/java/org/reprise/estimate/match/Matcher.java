package org.reprise.estimate.match;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.reprise.UserError;
import org.reprise.estimate.match.MatchSpec.Method;
import org.reprise.estimate.match.MatchSpec.Order;

/**
 * Propensity-score matching as Stata's psmatch2 4.0.12 defines it (see docs/matching.md for every rule).
 * The caller supplies the score (a propensity score, its log-odds or a linear index) and the outcomes.
 */
public final class Matcher {
    private Matcher() {
    }

    /**
     * Matches treated to controls (and, with {@code spec.ate()}, controls to treated).
     *
     * @param score    one score per observation, finite
     * @param treated  treatment indicator per observation
     * @param outcomes outcome columns, outcomes[j][i]; may be empty (then only weights and sets are produced)
     * @param spec     the options
     * @throws UserError for inconsistent lengths, non-finite values, an empty group or unsupported options
     */
    public static MatchResult match(double[] score, boolean[] treated, double[][] outcomes, MatchSpec spec) {
        return match(score, treated, outcomes, spec, null);
    }

    /**
     * As {@link #match(double[], boolean[], double[][], MatchSpec)}, with the support and sorted groups taken from
     * {@code pools} (built on these same score and treated arrays; null to compute them here). Methods that share
     * it sort the units once; the result is the same.
     */
    public static MatchResult match(double[] score, boolean[] treated, double[][] outcomes, MatchSpec spec,
                                    Pools pools) {
        if (spec == null) {
            throw new UserError("matching: no matching options were given.");
        }
        spec.validate();
        double[][] y = outcomes == null ? new double[0][] : outcomes;
        int n = checkInputs(score, treated, y);
        int n1 = 0;
        for (boolean t : treated) {
            if (t) {
                n1++;
            }
        }
        int n0 = n - n1;
        if (n1 == 0 || n0 == 0) {
            throw new UserError("matching: the sample has " + n1 + " treated and " + n0 + " control observations; "
                    + "matching needs at least one of each. Check the treatment variable and any filters.");
        }
        if (pools != null && (pools.score != score || pools.treated != treated)) {
            throw new IllegalArgumentException("the pools were built on another score or treatment");
        }
        Pools.Groups g = pools == null ? Pools.compute(score, treated, spec) : pools.of(spec);
        // psmatch2's llr with the Epanechnikov kernel: nearest neighbours on the lpoly-smoothed outcome
        boolean smoothed = spec.method() == Method.LLR && spec.kernel() == MatchSpec.Kernel.EPANECHNIKOV;
        boolean sets = spec.method() == Method.NEAREST || smoothed;
        State st = new State(n, y.length, sets);
        System.arraycopy(g.support(), 0, st.support, 0, n);
        int[] tr = g.tr();
        int[] co = g.co();
        Pool poolT = g.poolT();
        Pool poolC = g.poolC();
        double[][] ym = smoothed ? Llr.smooth(score, treated, st.support, y, spec.bandwidth(), spec.ate()) : y;
        if (spec.ate()) {
            // psmatch2 matches the controls first; controls without a match leave the support
            run(score, co, poolC, poolT, spec, ym, st);
            if (spec.method() != Method.NEAREST && !smoothed) {
                // kernel and radius then use only the controls still on support (psmatch2's "if _support==1")
                poolC = Pool.of(score, members(treated, st.support, false));
            }
        }
        if (spec.replacement()) {
            run(score, tr, poolT, poolC, spec, ym, st);
        } else {
            Passes.greedy(score, visitOrder(score, poolT, spec), poolC, spec, y, st);
        }
        if (!spec.ate()) {
            for (int i : tr) {
                st.weight[i] = 1;
            }
        }
        for (int i = 0; i < n; i++) {
            // psmatch2: _weight = . if _weight == 0 | _support == 0 (local linear weights can be negative)
            if (!st.support[i] || Double.isNaN(st.weight[i]) || st.weight[i] == 0) {
                st.weight[i] = 0;
            }
        }
        boolean[] support = st.support;
        int n1s = 0;
        int n0s = 0;
        for (int i = 0; i < n; i++) {
            if (support[i]) {
                if (treated[i]) {
                    n1s++;
                } else {
                    n0s++;
                }
            }
        }
        MatchResult.Effect[] effects = Effects.compute(score, treated, y, spec, st, poolT, poolC);
        return new MatchResult(spec, st.weight, support, st.count, st.matched, sets ? st.sets() : null, effects, n1,
                n0, n1s, n0s, n1 - n1s);
    }

    /** One pass: the targets (data order; {@code sorted}: the same units sorted by score) matched to the pool. */
    private static void run(double[] score, int[] targets, Pool sorted, Pool pool, MatchSpec spec, double[][] y,
                            State st) {
        switch (spec.method()) {
            case NEAREST:
                Passes.nearest(score, targets, sorted, pool, spec, y, st);
                break;
            case RADIUS:
                Passes.radius(score, targets, sorted, pool, spec.caliper(), y, st);
                break;
            case LLR:
                if (spec.kernel() == MatchSpec.Kernel.EPANECHNIKOV) {
                    Passes.nearest(score, targets, sorted, pool, spec, y, st);
                } else {
                    Llr.pass(score, targets, pool, spec.kernel(), spec.bandwidth(), y, st);
                }
                break;
            default:
                if (spec.kernel() == MatchSpec.Kernel.NORMAL) {
                    Passes.normal(score, targets, pool, spec.bandwidth(), y, st);
                } else if (spec.kernel() == MatchSpec.Kernel.UNIFORM) {
                    Passes.radius(score, targets, sorted, pool, spec.bandwidth(), y, st);
                } else {
                    Passes.compact(score, targets, sorted, pool, spec.kernel(), spec.bandwidth(), y, st);
                }
        }
    }

    /** Units of one group on support, in data order. */
    static int[] members(boolean[] treated, boolean[] support, boolean group) {
        int c = 0;
        for (int i = 0; i < treated.length; i++) {
            if (treated[i] == group && support[i]) {
                c++;
            }
        }
        int[] m = new int[c];
        c = 0;
        for (int i = 0; i < treated.length; i++) {
            if (treated[i] == group && support[i]) {
                m[c++] = i;
            }
        }
        return m;
    }

    /** Treated visit order for matching without replacement. */
    static int[] visitOrder(double[] score, Pool poolT, MatchSpec spec) {
        int m = poolT.n;
        int[] o = new int[m];
        if (spec.order() == Order.SMALLEST) {
            System.arraycopy(poolT.id, 0, o, 0, m);
            return o;
        }
        if (spec.order() == Order.LARGEST) {
            // descending score, equal scores in data order: reverse each run of equal scores' reversal
            int w = 0;
            int end = m;
            while (end > 0) {
                int start = end - 1;
                while (start > 0 && poolT.v[start - 1] == poolT.v[end - 1]) {
                    start--;
                }
                for (int i = start; i < end; i++) {
                    o[w++] = poolT.id[i];
                }
                end = start;
            }
            return o;
        }
        int[] data = poolT.id.clone();
        Arrays.sort(data);
        if (spec.order() == Order.RANDOM) {
            SplittableRandom rng = new SplittableRandom(spec.seed());
            for (int i = m - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = data[i];
                data[i] = data[j];
                data[j] = t;
            }
        }
        return data;
    }

    private static int checkInputs(double[] score, boolean[] treated, double[][] y) {
        if (score == null || treated == null) {
            throw new UserError("matching: the score or the treatment indicator is missing.");
        }
        int n = score.length;
        if (treated.length != n) {
            throw new UserError("matching: the score has " + n + " values but the treatment indicator has "
                    + treated.length + "; both must come from the same rows.");
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(score[i])) {
                throw new UserError("matching: the score of observation " + (i + 1) + " is " + score[i]
                        + "; drop rows with a missing score before matching.");
            }
        }
        for (int j = 0; j < y.length; j++) {
            if (y[j] == null || y[j].length != n) {
                throw new UserError("matching: outcome column " + (j + 1) + " does not have " + n
                        + " values; every outcome must have one value per observation.");
            }
            for (int i = 0; i < n; i++) {
                if (!Double.isFinite(y[j][i])) {
                    throw new UserError("matching: outcome column " + (j + 1) + " is " + y[j][i]
                            + " at observation " + (i + 1) + "; drop rows with missing outcomes before matching "
                            + "(psmatch2 uses only rows complete on all outcomes).");
                }
            }
        }
        return n;
    }
}
