package org.reprise.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;
import org.reprise.covariance.Vcov;
import org.reprise.covariance.VcovSpec;
import org.reprise.covariance.Vcovs;

/** Three-step FGLS recovers the exact VEP data-generating process (issue 3's accuracy target). */
class VepTest {
    private static final double[] BETA = {0.5, -0.3, 8.0};   // x1, x2, _cons
    private static final double[] THETA = {0.4, 0.1, 0.2};   // variance: x1, x2, _cons (positive on the support)

    @Test
    void recoversBetaThetaAndVulnerability() {
        int n = 200_000;
        SplittableRandom r = new SplittableRandom(20261125L);
        NormalDistribution std = new NormalDistribution(null, 0, 1);
        double[][] x = new double[3][n];
        double[] income = new double[n];
        double[] trueSigma2 = new double[n];
        double[] trueMean = new double[n];
        for (int i = 0; i < n; i++) {
            x[0][i] = r.nextDouble();
            x[1][i] = r.nextDouble() < 0.4 ? 1 : 0;
            x[2][i] = 1;
            trueMean[i] = BETA[0] * x[0][i] + BETA[1] * x[1][i] + BETA[2];
            trueSigma2[i] = THETA[0] * x[0][i] + THETA[1] * x[1][i] + THETA[2];
            double z = gaussian(r);
            income[i] = Math.exp(trueMean[i] + Math.sqrt(trueSigma2[i]) * z);
        }
        double line = Math.exp(8.0);
        Vep.Fit fit = Vep.fit(income, x, new String[] {"x1", "x2", "_cons"}, new double[] {line}, 0.5, false);

        Vcov vb = Vcovs.compute(fit.mean(), VcovSpec.classical(), null);
        Vcov vt = Vcovs.compute(fit.variance(), VcovSpec.classical(), null);
        double[] seB = vb.standardErrors();
        double[] seT = vt.standardErrors();
        for (int j = 0; j < 3; j++) {
            double zb = (fit.mean().coef()[j] - BETA[j]) / seB[j];
            double zt = (fit.variance().coef()[j] - THETA[j]) / seT[j];
            assertTrue(Math.abs(zb) < 3, "beta " + j + " off by " + zb + " SE");
            assertTrue(Math.abs(zt) < 3, "theta " + j + " off by " + zt + " SE");
        }
        double mad = 0;
        for (int i = 0; i < n; i++) {
            double v = std.cumulativeProbability((Math.log(line) - trueMean[i]) / Math.sqrt(trueSigma2[i]));
            mad += Math.abs(fit.vul()[0][i] - v);
        }
        mad /= n;
        assertTrue(mad < 0.01, "mean |Vul - true Vul| = " + mad);
        assertEquals(0, fit.nonPositive());
    }

    @Test
    void floorsNonPositiveVariancesAndCountsThem() {
        double[] v = {0.5, -0.1, 0.0, 0.2};
        assertEquals(2, Vep.floor(v, false));
        assertEquals(0.2, v[1]);
        assertEquals(0.2, v[2]);
        double[] w = {0.5, -0.1};
        assertEquals(1, Vep.floor(w, true));
        assertTrue(Double.isNaN(w[1]));
    }

    private static double gaussian(SplittableRandom r) {
        double u = r.nextDouble();
        double v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }
}
