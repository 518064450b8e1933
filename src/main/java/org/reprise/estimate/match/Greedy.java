package org.reprise.estimate.match;

/**
 * Greedy nearest-available matching without replacement (MatchIt's {@code method = "nearest", replace = FALSE}):
 * treated units are visited in a given order; each takes the available control with the smallest |difference|
 * (equal distances: the control earlier in the data), kept only if |difference| &lt; caliper. With k &gt; 1 the
 * visit is repeated k times (round r gives every still-eligible treated its r-th control), as MatchIt does.
 * Available controls are found with two path-compressed "next alive" arrays, O(log n) amortised per pick.
 */
final class Greedy {
    private final Pool pool;
    private final int[] nextRight;
    private final int[] nextLeft;

    Greedy(Pool pool) {
        this.pool = pool;
        int n = pool.n;
        nextRight = new int[n + 1];
        nextLeft = new int[n + 1];
        for (int i = 0; i <= n; i++) {
            nextRight[i] = i;
            nextLeft[i] = i;
        }
    }

    /** Smallest alive position &gt;= i (n if none). */
    private int right(int i) {
        int r = i;
        while (nextRight[r] != r) {
            r = nextRight[r];
        }
        while (nextRight[i] != r) {
            int t = nextRight[i];
            nextRight[i] = r;
            i = t;
        }
        return r;
    }

    /** Largest alive position &lt;= i (-1 if none). nextLeft is shifted by one: index j stands for j-1. */
    private int left(int i) {
        int j = i + 1;
        int r = j;
        while (nextLeft[r] != r) {
            r = nextLeft[r];
        }
        while (nextLeft[j] != r) {
            int t = nextLeft[j];
            nextLeft[j] = r;
            j = t;
        }
        return r - 1;
    }

    private void remove(int pos) {
        nextRight[pos] = pos + 1;
        nextLeft[pos + 1] = pos;
    }

    /** Picks and removes the nearest available control for score p; returns its pool position or -1. */
    int pick(double p, double caliper) {
        double[] v = pool.v;
        int pos = pool.lowerBound(p);
        int r = right(pos);
        int l = left(pos - 1);
        if (l >= 0) {
            // earliest available unit with the same score as l (same value: data order = position order)
            l = right(pool.lowerBound(v[l]));
        }
        double dL = l >= 0 ? Math.abs(p - v[l]) : Double.POSITIVE_INFINITY;
        double dR = r < pool.n ? Math.abs(p - v[r]) : Double.POSITIVE_INFINITY;
        int best;
        double d;
        if (dL < dR || (dL == dR && l >= 0 && pool.id[l] < pool.id[r])) {
            best = l;
            d = dL;
        } else {
            best = r;
            d = dR;
        }
        if (best < 0 || best >= pool.n || !(d < caliper)) {
            return -1;
        }
        remove(best);
        return best;
    }
}
