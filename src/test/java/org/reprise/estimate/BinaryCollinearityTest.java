package org.reprise.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The probit's collinearity rule near its tolerance. A column z = x + eps e, with e orthogonal to x and to the
 * constant and |e| = |x|, has residual norm ratio eps / sqrt(1 + eps^2) after _cons and x (exact by construction), so
 * the rule (omit when the ratio is at most 1e-7) must keep it at eps = 1e-6 and omit it at eps = 1e-8, whichever
 * path decides; and the one-pass cross-product check may clear the columns only far from the tolerance.
 */
class BinaryCollinearityTest {
    private static final int N = 400;

    /** {y, x, e}: y 0/1, x normal, e a second draw made orthogonal to 1 and x and scaled to the norm of x. */
    private static double[][] data() {
        SplittableRandom r = new SplittableRandom(4);
        double[] x = new double[N];
        double[] e = new double[N];
        double[] y = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = r.nextGaussian();
            e[i] = r.nextGaussian();
            y[i] = x[i] + r.nextGaussian() > 0 ? 1 : 0;
        }
        double[] one = new double[N];
        Arrays.fill(one, 1.0);
        double[] centred = x.clone();
        orthogonalise(centred, one);
        orthogonalise(e, one);
        orthogonalise(e, centred);
        double scale = Math.sqrt(dot(x, x) / dot(e, e));
        for (int i = 0; i < N; i++) {
            e[i] *= scale;
        }
        return new double[][] {y, x, e};
    }

    /** v minus its projection on q, twice (for rounding). */
    private static void orthogonalise(double[] v, double[] q) {
        for (int pass = 0; pass < 2; pass++) {
            double c = dot(q, v) / dot(q, q);
            for (int i = 0; i < N; i++) {
                v[i] -= c * q[i];
            }
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static BinaryFit fitWithNearCopy(double eps) {
        double[][] d = data();
        double[] z = new double[N];
        double[] one = new double[N];
        for (int i = 0; i < N; i++) {
            z[i] = d[1][i] + eps * d[2][i];
            one[i] = 1.0;
        }
        return BinaryChoice.fit(BinaryChoice.Link.PROBIT, d[0], new double[][] {d[1], z, one},
                new String[] {"x", "z", BinaryChoice.CONS}, null);
    }

    @Test
    void nearCopyAboveTheToleranceIsKept() {
        BinaryFit fit = fitWithNearCopy(1e-6);
        assertEquals(List.of(), fit.notes());
        assertFalse(fit.omitted()[1]);
    }

    @Test
    void nearCopyBelowTheToleranceIsOmitted() {
        BinaryFit fit = fitWithNearCopy(1e-8);
        assertEquals(List.of("note: z omitted because of collinearity"), fit.notes());
        assertTrue(fit.omitted()[1]);
    }

    /** The cross-product check clears well-separated columns and defers anything within its guard, or zeros. */
    @Test
    void crossProductCheckClearsOnlyFarFromTheTolerance() {
        double[][] d = data();
        boolean[] all = new boolean[N];
        Arrays.fill(all, true);
        double[] one = new double[N];
        Arrays.fill(one, 1.0);
        for (double eps : new double[] {1e-1, 1e-2, 1e-4, 1e-6, 1e-8, 0}) {
            double[] z = new double[N];
            for (int i = 0; i < N; i++) {
                z[i] = d[1][i] + eps * d[2][i];
            }
            double[][] x = {one, d[1], z};
            boolean cleared = BinaryChoice.clearlyIndependent(x, null, all, List.of(0, 1, 2));
            assertEquals(eps >= 1e-2, cleared, "eps = " + eps);
        }
        double[][] withZeros = {one, d[1], new double[N]};
        assertFalse(BinaryChoice.clearlyIndependent(withZeros, null, all, List.of(0, 1, 2)));
        // rows outside the sample and weights: x restricted to the first half is a copy of z there
        double[] z = d[1].clone();
        boolean[] firstHalf = new boolean[N];
        double[] w = new double[N];
        for (int i = 0; i < N; i++) {
            firstHalf[i] = i < N / 2;
            w[i] = 1 + i % 3;
            z[i] = i < N / 2 ? d[1][i] : d[2][i];
        }
        assertTrue(BinaryChoice.clearlyIndependent(new double[][] {one, d[1], z}, w, all, List.of(0, 1, 2)));
        assertFalse(BinaryChoice.clearlyIndependent(new double[][] {one, d[1], z}, w, firstHalf, List.of(0, 1, 2)));
    }
}
