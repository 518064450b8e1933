package org.reprise.estimate.match;

/**
 * One treatment group sorted by score, ties in the caller's data order (psmatch2 sorts by
 * {@code _treated _pscore} and the original order). Position p holds unit {@code id[p]} with score {@code v[p]}.
 */
final class Pool {
    final double[] v;
    final int[] id;
    final int n;

    private Pool(double[] v, int[] id) {
        this.v = v;
        this.id = id;
        this.n = v.length;
    }

    /** Sorts the units {@code members} (given in data order) by score with a stable LSD radix sort. */
    static Pool of(double[] score, int[] members) {
        int n = members.length;
        long[] key = new long[n];
        for (int i = 0; i < n; i++) {
            key[i] = sortable(score[members[i]]);
        }
        int[] id = members.clone();
        radixSort(key, id);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = score[id[i]];
        }
        return new Pool(v, id);
    }

    /** Monotone map from double (no NaN) to long; -0.0 and 0.0 map alike. */
    static long sortable(double x) {
        long b = Double.doubleToLongBits(x + 0.0);
        return b < 0 ? ~b : b ^ Long.MIN_VALUE;
    }

    /** Stable LSD radix sort of unsigned keys carrying int payloads, 16-bit digits; constant digits skipped. */
    static void radixSort(long[] key, int[] val) {
        int n = key.length;
        if (n < 2) {
            return;
        }
        long[] k2 = new long[n];
        int[] v2 = new int[n];
        int[] count = new int[1 << 16];
        for (int shift = 0; shift < 64; shift += 16) {
            java.util.Arrays.fill(count, 0);
            for (int i = 0; i < n; i++) {
                count[(int) ((key[i] >>> shift) & 0xFFFF)]++;
            }
            if (count[(int) ((key[0] >>> shift) & 0xFFFF)] == n) {
                continue;
            }
            int sum = 0;
            for (int d = 0; d < count.length; d++) {
                int c = count[d];
                count[d] = sum;
                sum += c;
            }
            for (int i = 0; i < n; i++) {
                int d = (int) ((key[i] >>> shift) & 0xFFFF);
                int at = count[d]++;
                k2[at] = key[i];
                v2[at] = val[i];
            }
            System.arraycopy(k2, 0, key, 0, n);
            System.arraycopy(v2, 0, val, 0, n);
        }
    }

    /** First position with v[pos] &gt;= x (n if none). */
    int lowerBound(double x) {
        int lo = 0;
        int hi = n;
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

    /** First position with (v[pos] - x) &gt;= -bw in floating point, i.e. the low end of |v - x| &lt;= bw. */
    int windowLow(double x, double bw) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (v[mid] - x < -bw) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** One past the last position with (v[pos] - x) &lt;= bw in floating point. */
    int windowHigh(double x, double bw) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (v[mid] - x <= bw) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
