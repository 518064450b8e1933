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
 *
 * <p>Speed without changing a bit: a box takes its sources in blocks of {@link #B}; each step of the series
 * term[n] = term[n-1] * x / n runs over the whole block (C2 vectorises the multiplications and divisions, which are
 * elementwise, so each term has the bits of a source-at-a-time loop), then eight moments at a time add the block's
 * sources in source order, as a loop over sources would. The divisions are what is left of the cost: about 19 per
 * source and box (docs/bench.md).
 */
final class Gauss {
    /** Series terms per source; a multiple of 8 ({@code addWeighted} takes eight at a time). */
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
        boolean[] ones = new boolean[m];
        for (int j = 0; j < m; j++) {
            ones[j] = allOnes(w[j]);
        }
        IntStream.range(0, boxes.size()).parallel().forEach(b -> {
            double[] box = boxes.get(b);
            box(src, w, ones, tgt, h, (int) box[0], (int) box[1], box[2], out);
        });
        return out;
    }

    private static void box(double[] src, double[][] w, boolean[] ones, double[] tgt, double h, int t0, int t1,
                            double umax, double[][] out) {
        int m = w.length;
        double lo = tgt[t0];
        double hi = tgt[t1 - 1];
        double a = lo + (hi - lo) / 2;
        double reach = (hi - lo) / 2 + umax * h;
        reach = reach * (1 + 1e-12) + Math.ulp(Math.abs(a)) * 4;
        int s0 = lowerBound(src, a - reach);
        int s1 = upperBound(src, a + reach);
        double[][] mom = new double[m][P];
        Block blk = SCRATCH.get().sized(m);
        for (int s = s0; s < s1; s += B) {
            int len = Math.min(B, s1 - s);
            int c = blk.terms(src, s, len, a, h);
            for (int j = 0; j < m; j++) {
                if (ones[j]) {
                    addWeighted(blk.t, null, 0, c, mom[j]);
                } else if (c < len) {
                    addWeighted(blk.t, blk.gather(w[j], s, j), 0, c, mom[j]);
                } else {
                    addWeighted(blk.t, w[j], s, c, mom[j]);
                }
            }
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

    /** Sources per block: a block's series terms, t[n][k] for n &lt; P, fit in the first-level cache. */
    static final int B = 64;
    private static final ThreadLocal<Block> SCRATCH = ThreadLocal.withInitial(Block::new);

    /** One block of sources of a box: their x and series terms t[n][k] (scratch, one per thread). */
    private static final class Block {
        final double[] x = new double[B];
        final double[][] t = new double[P][B];
        final int[] keep = new int[B];
        int kept;
        double[][] w = new double[0][B];

        Block sized(int m) {
            if (w.length < m) {
                w = new double[m][B];
            }
            return this;
        }

        /**
         * Terms of the sources s .. s + len - 1 that have exp(-x^2/2) &gt; 0, in source order; returns their count.
         * The others add nothing and are dropped, as a loop over sources skips them; when there are any,
         * {@link #gather} gives the weights of the kept ones. Each term is computed by the same operations as
         * term[n] = term[n-1] * x / n one source at a time, but a step runs over the whole block, so C2
         * vectorises its multiplications and divisions (elementwise, hence the same bits). Dividing by
         * n = 1, 2, 4, 8 or 16 is done as multiplying by the exact 1/n: both are the correctly rounded value of
         * the same real number.
         */
        int terms(double[] src, int s, int len, double a, double h) {
            for (int k = 0; k < len; k++) {
                x[k] = (src[s + k] - a) / h;
            }
            double[] e = t[0];
            boolean zero = false;
            for (int k = 0; k < len; k++) {
                double xk = x[k];
                e[k] = Math.exp(-0.5 * xk * xk);
                zero |= e[k] == 0;
            }
            kept = len;
            if (zero) {
                kept = 0;
                for (int k = 0; k < len; k++) {
                    if (e[k] != 0) {
                        keep[kept] = k;
                        x[kept] = x[k];
                        e[kept++] = e[k];
                    }
                }
            }
            for (int n = 1; n < P; n++) {
                double[] prev = t[n - 1];
                double[] cur = t[n];
                if ((n & (n - 1)) == 0) {
                    double inv = 1.0 / n;
                    for (int k = 0; k < kept; k++) {
                        cur[k] = prev[k] * x[k] * inv;
                    }
                } else {
                    for (int k = 0; k < kept; k++) {
                        cur[k] = prev[k] * x[k] / n;
                    }
                }
            }
            return kept;
        }

        /** The weights wj[s + k] of the sources {@link #terms} kept, in order (scratch row j). */
        double[] gather(double[] wj, int s, int j) {
            double[] g = w[j];
            for (int i = 0; i < kept; i++) {
                g[i] = wj[s + keep[i]];
            }
            return g;
        }
    }

    /**
     * mom[n] += w[off + k] t[n][k] for k = 0 .. c-1 in order, eight moments side by side so that their eight chains
     * of additions overlap (each still adds the sources in order). w = null: weights all 1, added without the
     * multiplication (1.0 * t == t; C2 compiles the loop once for each case). A source with w = 0 adds w t = +-0, which leaves
     * mom unchanged, as skipping it would: t is finite (exp(-x^2/2) &gt; 0 needs |x| &lt; 38.6, so |t| &lt; 1e15) and
     * mom is never -0 (it starts at +0; a sum of doubles is -0 only when both addends are).
     */
    private static void addWeighted(double[][] t, double[] w, int off, int c, double[] mom) {
        boolean unit = w == null;
        for (int n = 0; n < P; n += 8) {
            double[] r0 = t[n];
            double[] r1 = t[n + 1];
            double[] r2 = t[n + 2];
            double[] r3 = t[n + 3];
            double[] r4 = t[n + 4];
            double[] r5 = t[n + 5];
            double[] r6 = t[n + 6];
            double[] r7 = t[n + 7];
            double a0 = mom[n];
            double a1 = mom[n + 1];
            double a2 = mom[n + 2];
            double a3 = mom[n + 3];
            double a4 = mom[n + 4];
            double a5 = mom[n + 5];
            double a6 = mom[n + 6];
            double a7 = mom[n + 7];
            for (int k = 0; k < c; k++) {
                double v = unit ? 1 : w[off + k];
                a0 = add(a0, v, r0[k], unit);
                a1 = add(a1, v, r1[k], unit);
                a2 = add(a2, v, r2[k], unit);
                a3 = add(a3, v, r3[k], unit);
                a4 = add(a4, v, r4[k], unit);
                a5 = add(a5, v, r5[k], unit);
                a6 = add(a6, v, r6[k], unit);
                a7 = add(a7, v, r7[k], unit);
            }
            mom[n] = a0;
            mom[n + 1] = a1;
            mom[n + 2] = a2;
            mom[n + 3] = a3;
            mom[n + 4] = a4;
            mom[n + 5] = a5;
            mom[n + 6] = a6;
            mom[n + 7] = a7;
        }
    }

    private static double add(double acc, double v, double t, boolean unit) {
        return unit ? acc + t : acc + v * t;
    }

    private static boolean allOnes(double[] v) {
        for (double d : v) {
            if (d != 1.0) {
                return false;
            }
        }
        return true;
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
