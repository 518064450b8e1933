package org.reprise.estimate.match;

/**
 * Arrays of double-double numbers (hi + lo, about 32 significant digits) for prefix sums and difference arrays
 * whose running totals must not lose the digits of small windows: a window sum P[b] - P[a] is exact to about
 * 1e-32 of |P| before its final rounding.
 */
final class Dd {
    final double[] hi;
    final double[] lo;

    Dd(int n) {
        hi = new double[n];
        lo = new double[n];
    }

    /** P[i] = x[0] + ... + x[i-1], length n + 1. */
    static Dd prefix(double[] x) {
        Dd p = new Dd(x.length + 1);
        double h = 0;
        double l = 0;
        for (int i = 0; i < x.length; i++) {
            double s = h + x[i];
            double bp = s - h;
            double err = (h - (s - bp)) + (x[i] - bp);
            l += err;
            h = s + l;
            l = l - (h - s);
            p.hi[i + 1] = h;
            p.lo[i + 1] = l;
        }
        return p;
    }

    /** Adds x to element i (double-double accumulation). */
    void add(int i, double x) {
        double h = hi[i];
        double s = h + x;
        double bp = s - h;
        double err = (h - (s - bp)) + (x - bp);
        double l = lo[i] + err;
        double nh = s + l;
        lo[i] = l - (nh - s);
        hi[i] = nh;
    }

    /** P[b] - P[a], rounded once to double. */
    double rangeSum(int a, int b) {
        double s = hi[b] - hi[a];
        double bp = s - hi[b];
        double err = (hi[b] - (s - bp)) + (-hi[a] - bp);
        return s + (err + (lo[b] - lo[a]));
    }

    /** Running sums r[i] = d[0] + ... + d[i] for i &lt; n, in double-double, each rounded to double. */
    double[] runningSums(int n) {
        double[] r = new double[n];
        double h = 0;
        double l = 0;
        for (int i = 0; i < n; i++) {
            for (int part = 0; part < 2; part++) {
                double x = part == 0 ? hi[i] : lo[i];
                double s = h + x;
                double bp = s - h;
                double err = (h - (s - bp)) + (x - bp);
                l += err;
                h = s + l;
                l = l - (h - s);
            }
            r[i] = h + l;
        }
        return r;
    }
}
