package org.reprise.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Step 2 of VEP floors the non-positive fitted variances of its first (OLS) variance regression to form the FGLS
 * weights, under either rule; the count is reported. Checked against a closed-form simple regression of the squared
 * OLS residuals on x (written here, not Reprise's OLS).
 */
class VepWeightsCountTest {
    @Test
    void stepTwoFloorsAreCounted() {
        int n = 200;
        Random rnd = new Random(5);
        double[] x = new double[n];
        double[] income = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = (i + 0.5) / n;
            double sd = x[i] * x[i] * 1.5; // variance x^4: convex, so a straight line through e² goes negative near 0
            income[i] = Math.exp(1 + 0.5 * x[i] + sd * rnd.nextGaussian());
        }
        double[] ones = new double[n];
        java.util.Arrays.fill(ones, 1.0);
        for (boolean drop : new boolean[] {false, true}) {
            Vep.Fit fit = Vep.fit(income, new double[][] {x, ones}, new String[] {"x", "_cons"},
                    new double[] {Math.exp(1.2)}, 0.5, drop);
            int expected = nonPositiveByHand(x, income);
            assertTrue(expected > 0, "the example has non-positive first-stage variances");
            assertEquals(expected, fit.nonPositiveWeights(), "drop = " + drop);
        }
    }

    /** OLS of ln y on x, then of e² on x, both in closed form; counts fitted e² ≤ 0. */
    private static int nonPositiveByHand(double[] x, double[] income) {
        int n = x.length;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = Math.log(income[i]);
        }
        double[] b = line(x, y);
        double[] e2 = new double[n];
        for (int i = 0; i < n; i++) {
            double e = y[i] - b[0] - b[1] * x[i];
            e2[i] = e * e;
        }
        double[] c = line(x, e2);
        int bad = 0;
        for (int i = 0; i < n; i++) {
            bad += c[0] + c[1] * x[i] > 0 ? 0 : 1;
        }
        return bad;
    }

    private static double[] line(double[] x, double[] y) {
        double mx = 0, my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i] / x.length;
            my += y[i] / x.length;
        }
        double sxy = 0, sxx = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        double slope = sxy / sxx;
        return new double[] {my - slope * mx, slope};
    }
}
