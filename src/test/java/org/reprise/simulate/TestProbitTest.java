package org.reprise.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/**
 * The calibration check's probit against a closed form: with one binary regressor the probit MLE reproduces
 * the two cell frequencies, Φ(b0) = P(y=1 | x=0) and Φ(b0 + b1) = P(y=1 | x=1), and the log likelihood is the
 * saturated binomial one. Tolerance 1e-8 (Newton converges quadratically).
 */
class TestProbitTest {

    @Test
    void oneBinaryRegressorMatchesCellFrequencies() {
        // x = 0: 30 of 100 have y = 1; x = 1: 80 of 100 have y = 1
        int n = 200;
        double[][] x = new double[1][n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[0][i] = i < 100 ? 0 : 1;
            y[i] = (i < 100 ? i < 30 : i < 180) ? 1 : 0;
        }
        TestProbit fit = TestProbit.fit(x, y);
        NormalDistribution std = new NormalDistribution();
        assertEquals(std.inverseCumulativeProbability(0.3), fit.coef[0], 1e-8);
        assertEquals(std.inverseCumulativeProbability(0.8) - std.inverseCumulativeProbability(0.3), fit.coef[1], 1e-8);
        double ll = 30 * Math.log(0.3) + 70 * Math.log(0.7) + 80 * Math.log(0.8) + 20 * Math.log(0.2);
        double ll0 = 110 * Math.log(0.55) + 90 * Math.log(0.45);
        assertEquals(ll, fit.logLik, 1e-8);
        assertEquals(ll0, fit.logLikNull, 1e-8);
        assertEquals(1 - ll / ll0, fit.pseudoR2(), 1e-10);
    }
}
