package org.reprise.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link FastNormal#log1p} must give the same bits as the JDK's {@link StrictMath#log1p} (the fdlibm results that
 * the Java specification prescribes) and {@link Math#log1p}, on every branch: the interval it computes itself
 * (-0.2928, 0.4142) with |x| &gt;= 2^-29, both of its edges, the tiny arguments and everything outside, which it
 * hands to Math.log1p. The likelihood's outputs (numbers.csv prints full precision) depend on this.
 */
class Log1pTest {
    private static void same(double x) {
        long expected = Double.doubleToRawLongBits(StrictMath.log1p(x));
        assertEquals(expected, Double.doubleToRawLongBits(FastNormal.log1p(x)), "log1p(" + x + ")");
        assertEquals(Double.doubleToRawLongBits(Math.log1p(x)), Double.doubleToRawLongBits(FastNormal.log1p(x)),
                "Math.log1p(" + x + ")");
    }

    @Test
    void randomArgumentsInAndAroundTheInterval() {
        SplittableRandom r = new SplittableRandom(20261207);
        for (int i = 0; i < 400_000; i++) {
            same(-0.3 + 0.72 * r.nextDouble());
            // negative and positive arguments down to 2^-60, the scale of -Phi(-z) in the probit's upper tail
            double t = Math.scalb(r.nextDouble(), -r.nextInt(60));
            same(-t);
            same(t);
        }
    }

    @Test
    void edgesAndSpecialValues() {
        double[] edges = {-0.2928, 0.4142, 0x1p-29, -0x1p-29, 0x1p-54, -1, -0.5, 0.5, 1, 1e300, -1e-300, 0.0, -0.0,
            Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, -2};
        for (double e : edges) {
            same(e);
            double up = e;
            double down = e;
            for (int k = 0; k < 64; k++) {
                up = Math.nextUp(up);
                down = Math.nextDown(down);
                same(up);
                same(down);
            }
        }
    }
}
