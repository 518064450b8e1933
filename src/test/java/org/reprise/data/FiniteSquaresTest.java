package org.reprise.data;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * ModelFrame's overflow check decides from max |v| when it can ({@link ModelFrame#clearlyFiniteSquares}); it must
 * never clear a column whose sum of squares, added in row order as the check's loop adds it, is not finite. Values
 * range over magnitudes up to 1e160 (squares near and beyond the overflow threshold), with NaN and infinities, and
 * columns above one chunk of rows.
 */
class FiniteSquaresTest {
    @Property(tries = 300, seed = "20261207", edgeCases = EdgeCasesMode.NONE)
    void clearedColumnsHaveAFiniteSumOfSquares(@ForAll long seed, @ForAll @IntRange(min = 1, max = 70_000) int n,
                                               @ForAll @IntRange(min = 0, max = 160) int exponent,
                                               @ForAll @IntRange(min = 0, max = 3) int special) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextGaussian() * Math.pow(10, r.nextInt(exponent + 1));
        }
        if (special > 0) {
            v[r.nextInt(n)] = special == 1 ? Double.NaN : special == 2 ? Double.POSITIVE_INFINITY : -1e155;
        }
        double ss = 0;
        for (double x : v) {
            ss += x * x;
        }
        boolean cleared = ModelFrame.clearlyFiniteSquares(v);
        assertTrue(!cleared || Double.isFinite(ss), "cleared a column whose sum of squares is " + ss);
        if (exponent < 130 && special == 0) {
            assertTrue(cleared, "a column below 1e131 must be cleared");
        }
    }
}
