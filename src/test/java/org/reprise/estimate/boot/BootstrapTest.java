package org.reprise.estimate.boot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reprise.UserError;

/** Determinism, the bootstrap SE of a mean against its exact value, the percentile rule, failures and strata. */
class BootstrapTest {
    static final BootOptions QUIET = BootOptions.defaults().withProgress(false);

    static double[] data(int n) {
        SplittableRandom r = new SplittableRandom(7);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 10 + 3 * r.nextGaussian();
        }
        return x;
    }

    static Replicate mean(double[] x) {
        return idx -> {
            double s = 0;
            for (int i : idx) {
                s += x[i];
            }
            return new double[] {s / idx.length, x[idx[0]]};
        };
    }

    @Test
    void sameSeedSameResultsForAnyThreadCount() {
        double[] x = data(60);
        BootstrapResult one = Bootstrap.run(400, 42, 60, mean(x), QUIET.withThreads(1));
        BootstrapResult two = Bootstrap.run(400, 42, 60, mean(x), QUIET.withThreads(2));
        BootstrapResult many = Bootstrap.run(400, 42, 60, mean(x), QUIET.withThreads(7));
        BootstrapResult again = Bootstrap.run(400, 42, 60, mean(x), QUIET.withThreads(7));
        for (BootstrapResult r : new BootstrapResult[] {two, many, again}) {
            assertEquals(one.draws().length, r.draws().length);
            for (int b = 0; b < one.draws().length; b++) {
                assertArrayEquals(one.draws()[b], r.draws()[b], 0.0);
            }
            assertEquals(one.stats(), r.stats());
        }
        BootstrapResult other = Bootstrap.run(400, 43, 60, mean(x), QUIET.withThreads(2));
        assertFalse(Arrays.equals(one.draws()[0], other.draws()[0]));
        // replicate b can be reproduced on its own
        int[] idx = Bootstrap.draw(42, 123, 60, null);
        assertArrayEquals(mean(x).apply(idx), one.draws()[123], 0.0);
    }

    /**
     * The exact bootstrap variance of a sample mean is (1/n) sum (x - xbar)^2 / n, i.e. SE = s/sqrt(n) sqrt((n-1)/n).
     * The Monte Carlo SE from B replicates has relative standard deviation about 1/sqrt(2(B-1)) (the bootstrap mean
     * of n = 50 roughly normal values is close to normal: kurtosis 3 + O(1/n)); with B = 20000 that is 0.50%, so a
     * 2.5% tolerance is 5 standard deviations. The replicate mean is within 5 SE/sqrt(B) of xbar.
     */
    @Test
    void seOfMeanMatchesExactBootstrapVariance() {
        int n = 50;
        double[] x = data(n);
        double xbar = Arrays.stream(x).average().orElseThrow();
        double ss = 0;
        for (double v : x) {
            ss += (v - xbar) * (v - xbar);
        }
        double s = Math.sqrt(ss / (n - 1));
        double exact = s / Math.sqrt(n) * Math.sqrt((n - 1.0) / n);
        int b = 20000;
        BootstrapResult r = Bootstrap.run(b, 2024, n, mean(x), QUIET);
        BootStat st = r.stats().get(0);
        assertEquals(xbar, st.estimate(), 1e-12);
        assertEquals(exact, st.se(), 0.025 * exact);
        double avg = Arrays.stream(r.draws()).mapToDouble(d -> d[0]).average().orElseThrow();
        assertEquals(xbar, avg, 5 * exact / Math.sqrt(b));
        assertEquals(b, st.replicates());
        assertEquals(0, r.failed());
    }

    @Test
    void percentileRuleAndIntervalsByHand() {
        // m = 40: P = 40 * 2.5 / 100 = 1 is an integer -> (x(1) + x(2)) / 2; P = 39 -> (x(39) + x(40)) / 2
        double[] sq = new double[40];
        for (int i = 0; i < 40; i++) {
            sq[i] = (i + 1.0) * (i + 1.0);
        }
        assertEquals(2.5, Bootstrap.centile(sq, 2.5), 0.0);
        assertEquals(1560.5, Bootstrap.centile(sq, 97.5), 0.0);
        assertEquals((400 + 441) / 2.0, Bootstrap.centile(sq, 50), 0.0);
        // m = 10: P = 0.25 -> x(1); P = 9.75 -> x(10); P = 3.3 -> x(4)
        double[] ten = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertEquals(1, Bootstrap.centile(ten, 2.5), 0.0);
        assertEquals(10, Bootstrap.centile(ten, 97.5), 0.0);
        assertEquals(4, Bootstrap.centile(ten, 33), 0.0);
        // summary: unsorted input with a NaN that is skipped
        double[] draws = {3, 1, Double.NaN, 2, 5, 4};
        BootStat st = Bootstrap.summarize(10, draws, 90);
        double se = Math.sqrt((4 + 1 + 0 + 1 + 4) / 4.0); // values 1..5, mean 3
        assertEquals(se, st.se(), 1e-15);
        assertEquals(10 - 1.6448536269514722 * se, st.normalLow(), 1e-12);
        assertEquals(10 + 1.6448536269514722 * se, st.normalHigh(), 1e-12);
        assertEquals(1, st.percentileLow(), 0.0); // P = 5 * 5 / 100 = 0.25 -> x(1)
        assertEquals(5, st.percentileHigh(), 0.0); // P = 4.75 -> x(5)
        assertEquals(5, st.replicates());
    }

    @Test
    void failedReplicatesAreCountedAndReported() {
        int n = 5;
        Replicate needsFirst = idx -> {
            int c = 0;
            for (int i : idx) {
                if (i == 0) {
                    c++;
                }
            }
            if (c == 0) {
                throw new UserError("observation 1 was not drawn");
            }
            return new double[] {c};
        };
        int b = 300;
        BootstrapResult r = Bootstrap.run(b, 5, n, needsFirst, QUIET);
        int expectedFailures = 0;
        for (int k = 0; k < b; k++) {
            int[] idx = Bootstrap.draw(5, k, n, null);
            if (Arrays.stream(idx).noneMatch(i -> i == 0)) {
                expectedFailures++;
            }
        }
        assertTrue(expectedFailures > 50); // (4/5)^5 = 33% of 300
        assertEquals(expectedFailures, r.failed());
        assertEquals(b - expectedFailures, r.succeeded());
        assertEquals(expectedFailures, r.failures().get("observation 1 was not drawn"));
        assertEquals(b - expectedFailures, r.stats().get(0).replicates());
        for (int k = 1; k < r.replicate().length; k++) {
            assertTrue(r.replicate()[k] > r.replicate()[k - 1]);
        }
    }

    @Test
    void strataKeepTheirSizes() {
        int n = 30;
        int[] strata = new int[n];
        for (int i = 0; i < n; i++) {
            strata[i] = i % 3 == 0 ? 1 : 0;
        }
        BootstrapResult r = Bootstrap.run(200, 9, n, idx -> {
            double ones = 0;
            for (int i = 0; i < idx.length; i++) {
                if (strata[idx[i]] != strata[i]) {
                    throw new IllegalStateException("drawn from the wrong stratum");
                }
                ones += strata[idx[i]];
            }
            return new double[] {ones};
        }, QUIET.withStrata(strata));
        assertTrue(r.stratified());
        assertEquals(0.0, r.stats().get(0).se(), 0.0);
        assertEquals(10.0, r.stats().get(0).estimate(), 0.0);
    }

    @Test
    void badOptionsAreUserErrors() {
        assertThrows(UserError.class, () -> Bootstrap.run(1, 1, 10, mean(data(10)), QUIET));
        assertThrows(UserError.class, () -> Bootstrap.run(10, 1, 10, mean(data(10)), QUIET.withLevel(100)));
        assertThrows(UserError.class, () -> Bootstrap.run(10, 1, 10, mean(data(10)), QUIET.withStrata(new int[3])));
    }
}
