package org.reprise.estimate.match;

import java.util.Arrays;

/**
 * diff's kernel weights at baseline (its loop over the treated, "based on the Kernel option of psmatch2"):
 * for each target treated t, in the order given, K_c = kernel(|s_c - s_t| / bw) for every pool control c (for the
 * compact kernels only where |s_c - s_t| &lt;= bw, inclusive); if sum_c K_c &gt; 0 every c gets K_c / sum_c K_c
 * added to its weight, otherwise t adds nothing (diff divides by a zero sum, which gives missing).
 * With {@code stataFloat}, the difference, each K, each normalised weight and each running total are rounded to
 * float as diff's {@code gen}/{@code replace} store them; sums are in double as {@code summarize} forms them.
 */
final class PsmDidWeights {
    private static final double INV_SQRT_2PI = 0.398942280401432677939946059934;

    /** The summed weights per row (pool rows only; 0 elsewhere) and the number of targets that matched nothing. */
    record Out(double[] weight, int targetsWithoutMatch) {
    }

    private PsmDidWeights() {
    }

    /**
     * @param score  score per row (NaN = none)
     * @param targets treated rows, in diff's visiting order (ascending id)
     * @param pool   control rows with a finite score
     */
    static Out compute(double[] score, int[] targets, int[] pool, PsmDidSpec.Kernel kernel, double bw,
                       boolean flt) {
        double[] acc = new double[score.length];
        int m = pool.length;
        // pool sorted by score so that compact kernels visit only their window
        Integer[] order = new Integer[m];
        for (int c = 0; c < m; c++) {
            order[c] = pool[c];
        }
        Arrays.sort(order, (a, b) -> Double.compare(score[a], score[b]));
        int[] rows = new int[m];
        double[] s = new double[m];
        for (int c = 0; c < m; c++) {
            rows[c] = order[c];
            s[c] = score[rows[c]];
        }
        boolean compact = kernel != PsmDidSpec.Kernel.GAUSSIAN;
        double[] k = new double[m];
        int without = 0;
        for (int t : targets) {
            double p = score[t];
            if (!Double.isFinite(p)) {
                without++;
                continue;
            }
            int lo = 0;
            int hi = m;
            if (compact) {
                // a slightly wider window than bw; the exact test below decides
                double reach = bw * (1 + 1e-6) + 1e-300;
                lo = Gauss.lowerBound(s, p - reach);
                hi = Gauss.upperBound(s, p + reach);
            }
            double sum = 0;
            for (int c = lo; c < hi; c++) {
                double dif = Math.abs(s[c] - p);
                if (flt) {
                    dif = (float) dif;
                }
                double kc;
                if (compact && !(dif <= bw)) {
                    kc = 0;
                } else {
                    kc = value(kernel, dif / bw);
                    if (flt) {
                        kc = (float) kc;
                    }
                }
                k[c] = kc;
                sum += kc;
            }
            if (!(sum > 0) || !Double.isFinite(sum)) {
                without++;
                continue;
            }
            for (int c = lo; c < hi; c++) {
                if (k[c] == 0) {
                    continue;
                }
                double w = k[c] / sum;
                int r = rows[c];
                if (flt) {
                    acc[r] = (float) (acc[r] + (float) w);
                } else {
                    acc[r] += w;
                }
            }
        }
        return new Out(acc, without);
    }

    /** diff's kernel formulas at u = |dif| / bw (u &lt;= 1 for the compact kernels). */
    static double value(PsmDidSpec.Kernel kernel, double u) {
        switch (kernel) {
            case EPANECHNIKOV:
                return 1 - u * u;
            case BIWEIGHT: {
                double a = 1 - u * u;
                return a * a;
            }
            case UNIFORM:
                return 1;
            case TRICUBE:
                return 1 - Math.pow(Math.abs(Math.pow(u, 3)), 3);
            case GAUSSIAN:
                return INV_SQRT_2PI * Math.exp(-0.5 * u * u);
            default:
                throw new IllegalStateException(kernel.toString());
        }
    }
}
