package org.reprise.estimate.match;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Sums of Gaussian kernels in one dimension: out[j][t] = sum over sources s of w[j][s] exp(-((tgt_t - src_s)/h)^2/2),
 * restricted to sources with |tgt_t - src_s| &lt;= max(U_t, srcU) h (every such pair is included; some pairs beyond may
 * be included too). Targets are grouped into boxes; with anchor a, x = (s - a)/h, y = (t - a)/h,
 * exp(-(x-y)^2/2) = exp(-x^2/2) exp(-y^2/2) sum_n x^n y^n / n!, so each box needs P moments of its sources.
 * Box widths keep z = |x y| &lt;= ZMAX = 1.5, so the series tail is below e^(2z) z^P/P! &lt; 1e-18 relative per pair
 * and cancellation amplifies rounding by at most e^(2z) = 20 (error &lt; 1e-13 of sum |w| K). Boxes run in parallel.
 */
final class Gauss {
    static final int P = 24;
    static final double ZMAX = 1.5;
    /** A target whose own U exceeds this sits alone in its box (y = 0, exact), avoiding exp underflow. */
    static final double ALONE = 30;

    private Gauss() {
    }

    /**
     * @param src  sorted source positions
     * @param w    source weights, w[j][s]
     * @param tgt  sorted target positions
     * @param tgtU per-target truncation radius in bandwidths (null = 0)
     * @param srcU truncation radius in bandwidths required on the source side
     */
    static double[][] sum(double[] src, double[][] w, double[] tgt, double h, double[] tgtU, double srcU) {
        int nt = tgt.length;
        int m = w.length;
        double[][] out = new double[m][nt];
        List<double[]> boxes = new ArrayList<>();
        int j0 = 0;
        while (j0 < nt) {
            double umax = Math.max(srcU, tgtU == null ? 0 : tgtU[j0]);
            int j = j0 + 1;
            if (umax > ALONE) {
                while (j < nt && tgt[j] == tgt[j0]) {
                    umax = Math.max(umax, tgtU == null ? 0 : tgtU[j]);
                    j++;
                }
            } else {
                while (j < nt) {
                    double u = Math.max(umax, tgtU == null ? 0 : tgtU[j]);
                    if (u > ALONE) {
                        break;
                    }
                    double half = (tgt[j] - tgt[j0]) / (2 * h);
                    if (half * (half + u) > ZMAX) {
                        break;
                    }
                    umax = u;
                    j++;
                }
            }
            boxes.add(new double[] {j0, j, umax});
            j0 = j;
        }
        IntStream.range(0, boxes.size()).parallel().forEach(b -> {
            double[] box = boxes.get(b);
            box(src, w, tgt, h, (int) box[0], (int) box[1], box[2], out);
        });
        return out;
    }

    private static void box(double[] src, double[][] w, double[] tgt, double h, int t0, int t1, double umax,
                            double[][] out) {
        int m = w.length;
        double lo = tgt[t0];
        double hi = tgt[t1 - 1];
        double a = lo + (hi - lo) / 2;
        double reach = (hi - lo) / 2 + umax * h;
        reach = reach * (1 + 1e-12) + Math.ulp(Math.abs(a)) * 4;
        int s0 = lowerBound(src, a - reach);
        int s1 = upperBound(src, a + reach);
        double[][] mom = new double[m][P];
        // four sources at a time: their series (chains of dependent multiplications and divisions) are independent,
        // so the processor overlaps them; each moment still adds the sources in order, so the sums are unchanged
        double[][] terms = new double[4][P];
        int s = s0;
        for (; s + 4 <= s1; s += 4) {
            double x0 = (src[s] - a) / h;
            double x1 = (src[s + 1] - a) / h;
            double x2 = (src[s + 2] - a) / h;
            double x3 = (src[s + 3] - a) / h;
            double[] u0 = terms[0];
            double[] u1 = terms[1];
            double[] u2 = terms[2];
            double[] u3 = terms[3];
            u0[0] = Math.exp(-0.5 * x0 * x0);
            u1[0] = Math.exp(-0.5 * x1 * x1);
            u2[0] = Math.exp(-0.5 * x2 * x2);
            u3[0] = Math.exp(-0.5 * x3 * x3);
            for (int n = 1; n < P; n++) {
                u0[n] = u0[n - 1] * x0 / n;
                u1[n] = u1[n - 1] * x1 / n;
                u2[n] = u2[n - 1] * x2 / n;
                u3[n] = u3[n - 1] * x3 / n;
            }
            for (int q = 0; q < 4; q++) {
                if (terms[q][0] != 0) {
                    addMoments(w, s + q, terms[q], mom);
                }
            }
        }
        double[] term = terms[0];
        for (; s < s1; s++) {
            double x = (src[s] - a) / h;
            double e = Math.exp(-0.5 * x * x);
            if (e == 0) {
                continue;
            }
            term[0] = e;
            for (int n = 1; n < P; n++) {
                term[n] = term[n - 1] * x / n;
            }
            addMoments(w, s, term, mom);
        }
        for (int t = t0; t < t1; t++) {
            double y = (tgt[t] - a) / h;
            double f = Math.exp(-0.5 * y * y);
            for (int j = 0; j < m; j++) {
                double[] mj = mom[j];
                double acc = mj[P - 1];
                for (int n = P - 2; n >= 0; n--) {
                    acc = acc * y + mj[n];
                }
                out[j][t] = f * acc;
            }
        }
    }

    /** mom[j][n] += w[j][s] term[n] for every j with w[j][s] != 0. */
    private static void addMoments(double[][] w, int s, double[] term, double[][] mom) {
        for (int j = 0; j < w.length; j++) {
            double ws = w[j][s];
            if (ws == 0) {
                continue;
            }
            double[] mj = mom[j];
            for (int n = 0; n < P; n++) {
                mj[n] += ws * term[n];
            }
        }
    }

    static int lowerBound(double[] a, double x) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    static int upperBound(double[] a, double x) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
