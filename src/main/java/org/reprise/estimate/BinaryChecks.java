package org.reprise.estimate;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

/**
 * The data passes of {@link BinaryChoice#fit} outside the likelihood, each one pass over the rows in chunks of
 * {@link BinaryLikelihood#CHUNK} on all cores. They return only flags, integer counts, maxima and minima, which do
 * not depend on the order in which the rows are visited, so every decision taken from them is the one a plain
 * loop over the rows takes (BinaryChecksTest compares them with such loops on random designs). Where a check
 * fails, the caller runs its original loop again, which finds the first offending row and words the message.
 */
final class BinaryChecks {
    /** Rows per block within a chunk (the columns' slices of a block stay in the cache between passes over it). */
    static final int BLOCK = 1024;

    private BinaryChecks() {
    }

    /** One chunk's work: rows [from, to) of chunk number c. */
    interface Chunk {
        void run(int c, int from, int to);
    }

    /** Number of chunks of n rows. */
    static int chunks(int n) {
        return (n + BinaryLikelihood.CHUNK - 1) / BinaryLikelihood.CHUNK;
    }

    /** Runs every chunk of n rows, in parallel when there is more than one. */
    static void forEachChunk(int n, Chunk work) {
        int chunks = chunks(n);
        IntStream range = IntStream.range(0, chunks);
        (chunks > 1 ? range.parallel() : range).forEach(c -> work.run(c, c * BinaryLikelihood.CHUNK,
                Math.min(n, (c + 1) * BinaryLikelihood.CHUNK)));
    }

    /**
     * True when every x value is finite, every y is 0 or 1 and every weight (if any) is finite and non-negative:
     * exactly when the loops of BinaryChoice.validate find nothing to report.
     */
    static boolean valid(double[] y, double[][] x, double[] weights) {
        AtomicBoolean bad = new AtomicBoolean();
        forEachChunk(y.length, (c, from, to) -> {
            boolean ok = true;
            for (double[] col : x) {
                for (int i = from; i < to && ok; i++) {
                    ok = Double.isFinite(col[i]);
                }
            }
            for (int i = from; i < to && ok; i++) {
                ok = y[i] == 0.0 || y[i] == 1.0;
            }
            if (weights != null) {
                for (int i = from; i < to && ok; i++) {
                    ok = weights[i] >= 0 && Double.isFinite(weights[i]);
                }
            }
            if (!ok) {
                bad.set(true);
            }
        });
        return !bad.get();
    }

    /** {zeros, ones}: the rows in the sample whose y is not 1, and those whose y is 1. */
    static int[] outcomeCounts(double[] y, boolean[] inSample) {
        int[][] part = new int[chunks(y.length)][2];
        forEachChunk(y.length, (c, from, to) -> {
            int ones = 0;
            int in = 0;
            for (int i = from; i < to; i++) {
                if (inSample[i]) {
                    in++;
                    ones += y[i] == 1.0 ? 1 : 0;
                }
            }
            part[c][0] = in - ones;
            part[c][1] = ones;
        });
        int[] out = new int[2];
        for (int[] p : part) {
            out[0] += p[0];
            out[1] += p[1];
        }
        return out;
    }

    /**
     * The 2 x 2 counts {[x=0,y=0], [x=0,y=1], [x=1,y=0], [x=1,y=1]} of column v against y (1 or not) over the rows
     * in the sample, or null when v takes a value other than 0 and 1 there (it is not a dummy).
     */
    static int[] dummyCounts(double[] v, double[] y, boolean[] inSample) {
        int chunks = chunks(v.length);
        int[][] part = new int[chunks][];
        AtomicBoolean notDummy = new AtomicBoolean();
        forEachChunk(v.length, (c, from, to) -> {
            if (notDummy.get()) {
                return;
            }
            int in = 0;
            int x1 = 0;
            int y1 = 0;
            int both = 0;
            // without branches per row: every value is finite and every y is 0 or 1 (validated), so the casts are
            // safe; a value other than 0 and 1 in the sample is noted, and the chunk stops after its stretch of rows
            for (int s0 = from; s0 < to; s0 += BLOCK) {
                int end = Math.min(to, s0 + BLOCK);
                boolean other = false;
                for (int i = s0; i < end; i++) {
                    int use = inSample[i] ? 1 : 0;
                    double value = v[i];
                    other |= use == 1 & value != 0.0 & value != 1.0;
                    int one = (int) value & use;
                    int success = (int) y[i] & use;
                    in += use;
                    x1 += one;
                    y1 += success;
                    both += one & success;
                }
                if (other) {
                    notDummy.set(true);
                    return;
                }
                if (notDummy.get()) {
                    return;
                }
            }
            part[c] = new int[] {in - x1 - y1 + both, y1 - both, x1 - both, both};
        });
        if (notDummy.get()) {
            return null;
        }
        int[] count = new int[4];
        for (int[] p : part) {
            for (int q = 0; q < 4; q++) {
                count[q] += p[q];
            }
        }
        return count;
    }

    /**
     * {max_i |x_i'd|, min_i q_i x_i'd} over the rows of xk (q_i = 1 for y_i, else -1), with x_i'd summed over the
     * columns in order as {@link BinaryLikelihood#index} does; NaN propagates to the maximum as in a plain loop.
     */
    static double[] directionRange(boolean[] y, double[][] xk, double[] d) {
        int m = y.length;
        double[][] part = new double[chunks(m)][];
        forEachChunk(m, (c, from, to) -> {
            double[] idx = new double[BLOCK];
            part[c] = new double[] {0, Double.POSITIVE_INFINITY};
            for (int b0 = from; b0 < to; b0 += BLOCK) {
                int b1 = Math.min(to, b0 + BLOCK);
                indexInto(xk, d, null, b0, b1, idx);
                range(y, b0, b1, idx, part[c]);
            }
        });
        return combine(part);
    }

    /**
     * Widens range = {max, min} by max |idx[r]| and min q idx[r] over the indexes idx[r] of rows from + r &lt; to.
     */
    static void range(boolean[] y, int from, int to, double[] idx, double[] range) {
        double max = range[0];
        double min = range[1];
        for (int r = 0; r < to - from; r++) {
            double s = idx[r];
            max = Math.max(max, Math.abs(s));
            min = Math.min(min, y[from + r] ? s : -s);
        }
        range[0] = max;
        range[1] = min;
    }

    /** The range of all chunks from those of each. */
    static double[] combine(double[][] part) {
        double max = 0;
        double min = Double.POSITIVE_INFINITY;
        for (double[] p : part) {
            max = Math.max(max, p[0]);
            min = Math.min(min, p[1]);
        }
        return new double[] {max, min};
    }

    /**
     * idx[i - from] = sum_j x[j][i] b[j] for rows [from, to), over the columns j in order that are not skipped
     * (skip may be null), each sum starting from 0 as a plain loop over j does; a column at a time.
     */
    static void indexInto(double[][] x, double[] b, boolean[] skip, int from, int to, double[] idx) {
        int m = to - from;
        java.util.Arrays.fill(idx, 0, m, 0.0);
        for (int j = 0; j < b.length; j++) {
            if (skip != null && skip[j]) {
                continue;
            }
            double[] xj = x[j];
            double bj = b[j];
            for (int r = 0; r < m; r++) {
                idx[r] += bj * xj[from + r];
            }
        }
    }
}
