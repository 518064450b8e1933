package org.reprise.estimate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The chunked, parallel passes of {@link BinaryChecks} against plain loops over the rows written here (the loops
 * BinaryChoice ran before them): the same flags and counts, and the same separation decision, on random data of up
 * to three chunks of {@link BinaryLikelihood#CHUNK} rows with rows left out of the sample, non-dummy values placed
 * anywhere (also in rows outside the sample), non-finite values and bad outcomes.
 */
class BinaryChecksTest {
    private static final int MAX_N = 3 * BinaryLikelihood.CHUNK + 17;

    /** Random y (0/1), a dummy, a continuous column, a sample mask; with an optional stray value at a random row. */
    private record Data(double[] y, double[][] x, boolean[] in, double[] w) {
    }

    private static Data data(long seed, int n, int stray) {
        SplittableRandom r = new SplittableRandom(seed);
        double share = r.nextDouble();
        double[] y = new double[n];
        double[] dummy = new double[n];
        double[] cont = new double[n];
        boolean[] in = new boolean[n];
        double[] w = new double[n];
        double drop = r.nextInt(3) == 0 ? 0 : r.nextDouble() * 0.3;
        for (int i = 0; i < n; i++) {
            y[i] = r.nextDouble() < share ? 1 : 0;
            dummy[i] = r.nextDouble() < 0.4 ? 1 : 0;
            cont[i] = r.nextGaussian();
            in[i] = r.nextDouble() >= drop;
            w[i] = in[i] ? 1 + r.nextInt(3) : 0;
        }
        int at = r.nextInt(n);
        switch (stray) {
            case 1 -> dummy[at] = 0.5;
            case 2 -> dummy[at] = Double.NaN;
            case 3 -> cont[at] = Double.POSITIVE_INFINITY;
            case 4 -> y[at] = 2;
            case 5 -> w[at] = -1;
            case 6 -> w[at] = Double.NaN;
            case 7 -> y[at] = -0.0;
            default -> {
            }
        }
        return new Data(y, new double[][] {dummy, cont}, in, w);
    }

    @Property(tries = 60, seed = "20261207", edgeCases = EdgeCasesMode.NONE)
    void validEqualsThePlainLoops(@ForAll long seed, @ForAll @IntRange(min = 1, max = MAX_N) int n,
                                  @ForAll @IntRange(min = 0, max = 7) int stray, @ForAll boolean weighted) {
        Data d = data(seed, n, stray);
        double[] w = weighted ? d.w() : null;
        boolean expected = true;
        for (double[] col : d.x()) {
            for (double v : col) {
                expected &= Double.isFinite(v);
            }
        }
        for (double v : d.y()) {
            expected &= v == 0.0 || v == 1.0;
        }
        if (w != null) {
            for (double v : w) {
                expected &= v >= 0 && Double.isFinite(v);
            }
        }
        assertEquals(expected, BinaryChecks.valid(d.y(), d.x(), w));
    }

    @Property(tries = 60, seed = "20261208", edgeCases = EdgeCasesMode.NONE)
    void countsEqualThePlainLoops(@ForAll long seed, @ForAll @IntRange(min = 1, max = MAX_N) int n,
                                  @ForAll @IntRange(min = 0, max = 1) int stray, @ForAll boolean strayOutside) {
        Data d = data(seed, n, 0);
        if (stray == 1) {
            // a value other than 0 and 1 in a row inside or outside the sample
            int at = new SplittableRandom(seed).nextInt(n);
            d.in()[at] = !strayOutside;
            d.x()[0][at] = 0.5;
        }
        int ones = 0;
        int zeros = 0;
        int[] count = new int[4];
        boolean dummy = true;
        for (int i = 0; i < n; i++) {
            if (!d.in()[i]) {
                continue;
            }
            if (d.y()[i] == 1.0) {
                ones++;
            } else {
                zeros++;
            }
            double v = d.x()[0][i];
            if (v != 0.0 && v != 1.0) {
                dummy = false;
            } else {
                count[(v == 1.0 ? 2 : 0) + (d.y()[i] == 1.0 ? 1 : 0)]++;
            }
        }
        assertArrayEquals(new int[] {zeros, ones}, BinaryChecks.outcomeCounts(d.y(), d.in()));
        assertArrayEquals(dummy ? count : null, BinaryChecks.dummyCounts(d.x()[0], d.y(), d.in()));
        assertArrayEquals(null, BinaryChecks.dummyCounts(d.x()[1], d.y(), d.in()));
    }

    /**
     * The separation test's decision (BinaryChoice.separation returns null unless max |x_i'd| &gt; 1e-3 and no
     * q_i x_i'd &lt; -1e-6 max) from the range of x_i'd equals that of the loops over the rows; directions range
     * from separating (d = the dummy's coefficient, y = the dummy) to ordinary ones, with NaN among them.
     */
    @Property(tries = 60, seed = "20261209", edgeCases = EdgeCasesMode.NONE)
    void separationDecisionEqualsThePlainLoops(@ForAll long seed, @ForAll @IntRange(min = 1, max = MAX_N) int n,
                                               @ForAll @IntRange(min = 0, max = 4) int kind) {
        Data d = data(seed, n, 0);
        boolean[] y = new boolean[n];
        SplittableRandom r = new SplittableRandom(seed + 1);
        for (int i = 0; i < n; i++) {
            y[i] = kind <= 1 ? d.x()[0][i] == 1.0 : d.y()[i] == 1.0;
        }
        if (kind == 1) {
            y[r.nextInt(n)] ^= true; // one row against the direction
        }
        double[] dir = switch (kind) {
            case 0, 1 -> new double[] {1, 0};
            case 2 -> new double[] {r.nextGaussian(), r.nextGaussian()};
            case 3 -> new double[] {1e-5 * r.nextGaussian(), 1e-5 * r.nextGaussian()};
            default -> new double[] {Double.NaN, 1};
        };
        double[][] xk = {d.x()[0], kind <= 1 ? d.x()[0] : d.x()[1]};
        double maxAbs = 0;
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < dir.length; j++) {
                s += xk[j][i] * dir[j];
            }
            a[i] = y[i] ? s : -s;
            maxAbs = Math.max(maxAbs, Math.abs(s));
        }
        boolean expected = maxAbs > 1e-3;
        for (int i = 0; i < n && expected; i++) {
            expected = !(a[i] < -1e-6 * maxAbs);
        }
        double[] range = BinaryChecks.directionRange(y, xk, dir);
        assertEquals(expected, range[0] > 1e-3 && !(range[1] < -1e-6 * range[0]), "kind " + kind);
    }
}
