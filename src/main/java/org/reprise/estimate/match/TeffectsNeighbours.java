package org.reprise.estimate.match;

import java.util.Arrays;

/**
 * Nearest-neighbour sets as teffects forms them: the {@code m} nearest pool units and every further unit at exactly
 * the distance of the m-th (ties are all kept, so a set can hold more than m units). Distances are compared exactly:
 * on a score, |s_j − s_i|; on covariates, the quadratic form Δ'AΔ of the raw differences Δ = z_j − z_i, so equal
 * differences give bit-identical distances (whitened coordinates would not).
 */
final class TeffectsNeighbours {
    private TeffectsNeighbours() {
    }

    /** A squared distance between two units. */
    interface Distance {
        double between(int i, int j);
    }

    /**
     * On a line. {@code pool} holds unit indices; the result has one array of unit indices per query (empty when the
     * pool has no unit other than the query itself).
     *
     * @param excludeSelf leave the query unit out of its own set (pool and query from the same group)
     */
    static int[][] onLine(double[] value, int[] query, int[] pool, int m, boolean excludeSelf) {
        Integer[] boxed = new Integer[pool.length];
        for (int i = 0; i < pool.length; i++) {
            boxed[i] = pool[i];
        }
        Arrays.sort(boxed, (a, b) -> Double.compare(value[a], value[b]));
        int n = pool.length;
        int[] sorted = new int[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = boxed[i];
            v[i] = value[sorted[i]];
        }
        int[][] out = new int[query.length][];
        int[] buf = new int[n];
        for (int q = 0; q < query.length; q++) {
            int self = query[q];
            double x = value[self];
            int hi = lowerBound(v, x);
            int lo = hi - 1;
            int count = 0;
            double threshold = Double.POSITIVE_INFINITY;
            while (true) {
                if (excludeSelf) {
                    if (lo >= 0 && sorted[lo] == self) {
                        lo--;
                    }
                    if (hi < n && sorted[hi] == self) {
                        hi++;
                    }
                }
                double dl = lo >= 0 ? Math.abs(x - v[lo]) : Double.POSITIVE_INFINITY;
                double dh = hi < n ? Math.abs(v[hi] - x) : Double.POSITIVE_INFINITY;
                double d = Math.min(dl, dh);
                if (d == Double.POSITIVE_INFINITY || (count >= m && d > threshold)) {
                    break;
                }
                if (dl <= dh) {
                    buf[count++] = sorted[lo--];
                } else {
                    buf[count++] = sorted[hi++];
                }
                if (count == m) {
                    threshold = d;
                }
            }
            out[q] = Arrays.copyOf(buf, count);
        }
        return out;
    }

    /** By a distance over all pairs (O(query × pool × m)). */
    static int[][] byDistance(Distance dist, int[] query, int[] pool, int m, boolean excludeSelf) {
        int[][] out = new int[query.length][];
        double[] d = new double[pool.length];
        double[] best = new double[m];
        for (int q = 0; q < query.length; q++) {
            int self = query[q];
            int c = 0;
            java.util.Arrays.fill(best, Double.POSITIVE_INFINITY);
            for (int j = 0; j < pool.length; j++) {
                double v = excludeSelf && pool[j] == self ? Double.POSITIVE_INFINITY : dist.between(self, pool[j]);
                d[j] = v;
                if (v == Double.POSITIVE_INFINITY) {
                    continue;
                }
                c++;
                if (v < best[m - 1]) {
                    int at = m - 1;
                    while (at > 0 && best[at - 1] > v) {
                        best[at] = best[at - 1];
                        at--;
                    }
                    best[at] = v;
                }
            }
            if (c == 0) {
                out[q] = new int[0];
                continue;
            }
            double threshold = best[Math.min(m, c) - 1];
            int k = 0;
            int[] set = new int[c];
            for (int j = 0; j < pool.length; j++) {
                if (d[j] <= threshold) {
                    set[k++] = pool[j];
                }
            }
            out[q] = Arrays.copyOf(set, k);
        }
        return out;
    }

    private static int lowerBound(double[] v, double x) {
        int lo = 0;
        int hi = v.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (v[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
