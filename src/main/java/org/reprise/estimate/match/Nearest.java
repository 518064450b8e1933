package org.reprise.estimate.match;

import org.reprise.estimate.match.MatchSpec.Ties;

/**
 * Nearest-neighbour search in a sorted {@link Pool}, reproducing psmatch2 4.0.12's with-replacement rules
 * (its Mata functions match_pscore, match_ties and match2) in O(log n + matches) per unit:
 * <ol>
 * <li>first neighbour: the lowest sorted position among the pool units at the minimal |difference|;</li>
 * <li>it is kept only if |difference| &lt; caliper (strict);</li>
 * <li>{@link Ties#PSMATCH2}: all other units at that same minimal distance are added;</li>
 * <li>further neighbours (k &gt; 1) are taken outward from the first one, merging the two sides by distance,
 *     the lower side first on equal distance, stopping at the first one not inside the caliper.</li>
 * </ol>
 * Distances are {@code Math.abs(p - v)} exactly as psmatch2 computes them. Position {@code skip} (the unit
 * itself when matching within its own group) is treated as absent. Not thread-safe (one buffer per instance).
 */
final class Nearest {
    private final Pool pool;
    private final int k;
    private final double caliper;
    private final Ties ties;
    /** Pool positions of the matched set of the last call, entries 0 .. size-1 (may repeat, see Ties). */
    int[] buf = new int[16];
    int size;

    Nearest(Pool pool, int k, double caliper, Ties ties) {
        this.pool = pool;
        this.k = k;
        this.caliper = caliper;
        this.ties = ties;
    }

    private void add(int pos) {
        if (size == buf.length) {
            buf = java.util.Arrays.copyOf(buf, size * 2);
        }
        buf[size++] = pos;
    }

    /** Finds the matched set of score p; returns the number of entries (0 = no match within the caliper). */
    int find(double p, int skip) {
        return find(p, skip, pool.lowerBound(p));
    }

    /** As {@link #find(double, int)}, given pos = the pool's lowerBound(p) (e.g. from a merge walk). */
    int find(double p, int skip, int pos) {
        size = 0;
        final double[] v = pool.v;
        final int n = pool.n;
        int l0 = pos - 1;
        int r0 = pos == skip ? pos + 1 : pos;
        double dL = l0 >= 0 ? Math.abs(p - v[l0]) : Double.POSITIVE_INFINITY;
        double dR = r0 < n ? Math.abs(p - v[r0]) : Double.POSITIVE_INFINITY;
        double dmin = Math.min(dL, dR);
        if (!(dmin < caliper)) {
            return 0;
        }
        int a;
        if (dL <= dR) {
            // lowest position on the left with distance == dmin (distance is non-increasing over [0, pos)):
            // galloping down from l0 brackets it in (lo, hi], then a binary search (the boundary is unique)
            int hi = l0;
            int step = 1;
            while (hi - step >= 0 && Math.abs(p - v[hi - step]) <= dmin) {
                hi -= step;
                step <<= 1;
            }
            int lo = Math.max(0, hi - step + 1);
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (Math.abs(p - v[mid]) <= dmin) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            a = lo;
        } else {
            a = r0;
        }
        add(a);
        if (ties == Ties.PSMATCH2) {
            int b = l0;
            if (dR == dmin) {
                // last position on the right with distance <= dmin (non-decreasing over [pos, n)): gallop, bisect
                int lo = r0;
                int step = 1;
                while (lo + step < n && Math.abs(p - v[lo + step]) <= dmin) {
                    lo += step;
                    step <<= 1;
                }
                int hi = Math.min(n - 1, lo + step - 1);
                while (lo < hi) {
                    int mid = (lo + hi + 1) >>> 1;
                    if (Math.abs(p - v[mid]) <= dmin) {
                        lo = mid;
                    } else {
                        hi = mid - 1;
                    }
                }
                b = lo;
            }
            for (int j = a + 1; j <= b; j++) {
                if (j != skip) {
                    add(j);
                }
            }
        }
        int want = k - 1;
        if (want <= 0 && ties != Ties.ALL_AT_KTH) {
            return size;
        }
        // outward merge from a
        int p0 = a - 1;
        if (p0 == skip) {
            p0--;
        }
        int p1 = a + 1;
        if (p1 == skip) {
            p1++;
        }
        int taken = 0;
        double last = Math.abs(p - v[a]);
        while (true) {
            boolean hasL = p0 >= 0;
            boolean hasR = p1 < n;
            if (!hasL && !hasR) {
                break;
            }
            double d0 = hasL ? Math.abs(p - v[p0]) : Double.POSITIVE_INFINITY;
            double d1 = hasR ? Math.abs(p - v[p1]) : Double.POSITIVE_INFINITY;
            boolean left = hasL && (!hasR || d0 <= d1);
            double d = left ? d0 : d1;
            if (taken >= want) {
                // ALL_AT_KTH: extend only with units tied with the k-th
                if (ties != Ties.ALL_AT_KTH || d != last) {
                    break;
                }
            } else if (!(d < caliper)) {
                break;
            }
            if (left) {
                add(p0);
                p0--;
                if (p0 == skip) {
                    p0--;
                }
            } else {
                add(p1);
                p1++;
                if (p1 == skip) {
                    p1++;
                }
            }
            taken++;
            last = d;
        }
        return size;
    }
}
