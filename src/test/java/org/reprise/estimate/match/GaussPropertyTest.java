package org.reprise.estimate.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/**
 * {@link Gauss#sum} against a brute-force pair sum on random inputs. Gauss's contract: out[j][t] is the sum over
 * sources s with |t - s| &lt;= max(U_t, srcU) h of w[j][s] exp(-((t - s)/h)^2/2), some pairs beyond that radius may
 * be included, and the error is below 1e-13 of sum |w| K. So, per target and weight row, with E = the pair sum
 * over the radius, O = the sum of |w| K over the pairs beyond it and A = sum |w| K over all pairs:
 * |out - E| &lt;= O + 1e-13 A. Inputs: clustered and tied positions, blocks longer than Gauss.B, weight rows of
 * ones, zeros, negatives; per-target radii up to 45 bandwidths (targets alone in their box, sources whose
 * exp(-x^2/2) underflows to 0).
 */
class GaussPropertyTest {
    @Property(tries = 300)
    void sumAgreesWithPairSum(@ForAll @LongRange(min = 1, max = Long.MAX_VALUE / 2) long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double h = 0.005 + r.nextDouble() * 0.3;
        double[] src = positions(r, 1 + r.nextInt(r.nextBoolean() ? 40 : 400));
        double[] tgt = positions(r, 1 + r.nextInt(r.nextBoolean() ? 30 : 300));
        int m = 1 + r.nextInt(3);
        double[][] w = new double[m][src.length];
        for (int j = 0; j < m; j++) {
            int kind = r.nextInt(3);
            for (int s = 0; s < src.length; s++) {
                w[j][s] = kind == 0 ? 1.0 : r.nextDouble() < 0.2 ? 0 : (kind == 1 ? 1 : 1000) * r.nextGaussian();
            }
        }
        double[] u = null;
        if (r.nextBoolean()) {
            u = new double[tgt.length];
            for (int t = 0; t < tgt.length; t++) {
                u[t] = r.nextDouble() < 0.1 ? 30 + 15 * r.nextDouble() : 3 + 9 * r.nextDouble();
            }
        }
        double srcU = u != null && r.nextBoolean() ? 0 : 3 + 9 * r.nextDouble();
        double[][] out = Gauss.sum(src, w, tgt, h, u, srcU);
        assertEquals(m, out.length);
        for (int t = 0; t < tgt.length; t++) {
            double radius = Math.max(u == null ? 0 : u[t], srcU) * h;
            for (int j = 0; j < m; j++) {
                double exact = 0;
                double outside = 0;
                double all = 0;
                for (int s = 0; s < src.length; s++) {
                    double z = (tgt[t] - src[s]) / h;
                    double k = Math.exp(-0.5 * z * z);
                    all += Math.abs(w[j][s]) * k;
                    if (Math.abs(tgt[t] - src[s]) <= radius) {
                        exact += w[j][s] * k;
                    } else {
                        outside += Math.abs(w[j][s]) * k;
                    }
                }
                double err = Math.abs(out[j][t] - exact);
                String msg = "seed " + seed + ": |" + out[j][t] + " - " + exact + "| = " + err + " > " + outside
                        + " + 1e-13 * " + all;
                assertTrue(err <= outside + 1e-13 * all, msg);
            }
        }
    }

    /** Sorted positions in [0, 1]: uniform, a tight cluster, or a coarse grid (ties). */
    private static double[] positions(SplittableRandom r, int n) {
        double[] p = new double[n];
        int kind = r.nextInt(3);
        double c = r.nextDouble();
        for (int i = 0; i < n; i++) {
            double v = r.nextDouble();
            p[i] = kind == 0 ? v : kind == 1 ? c + 0.01 * r.nextGaussian() : Math.floor(v * 20) / 20;
        }
        Arrays.sort(p);
        return p;
    }
}
