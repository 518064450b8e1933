package org.reprise.estimate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Equivalences: probit and logit run through the one optimiser {@link MleNewton} on the one likelihood class, the
 * analytic gradient and Hessian agree with numerical derivatives, and the probit tails agree with independent
 * formulas.
 */
class BinaryNewtonTest {

    static BinaryLikelihood spector(BinaryChoice.Link link) {
        double[] y = BinarySpector.y();
        boolean[] yb = new boolean[y.length];
        for (int i = 0; i < y.length; i++) {
            yb[i] = y[i] == 1;
        }
        return new BinaryLikelihood(link, yb, BinarySpector.x(), null);
    }

    /**
     * BinaryChoice.fit is MleNewton.maximize on a BinaryLikelihood from F^-1(mean) for _cons, for either link:
     * calling the shared optimiser directly gives bit-identical estimates, log likelihood and bread.
     */
    @ParameterizedTest
    @EnumSource(BinaryChoice.Link.class)
    void bothLinksShareTheNewtonPath(BinaryChoice.Link link) {
        BinaryFit fit = BinarySpector.fit(link);
        double mean = 11.0 / 32.0;  // 11 of 32 students improved
        double cons = link == BinaryChoice.Link.PROBIT
                ? new org.apache.commons.math3.distribution.NormalDistribution().inverseCumulativeProbability(mean)
                : Math.log(mean / (1 - mean));
        MleResult direct = MleNewton.maximize(spector(link), new double[] {0, 0, 0, cons});
        assertTrue(direct.converged());
        assertArrayEquals(direct.beta(), fit.coef(), 0.0);
        assertEquals(direct.loglik(), fit.ll(), 0.0);
        assertEquals(direct.iterations(), fit.iterations());
        for (int j = 0; j < 4; j++) {
            assertArrayEquals(direct.infoInverse()[j], fit.bread()[j], 0.0);
        }
    }

    /** Central differences of the log-likelihood (step 1e-5 scaled to each regressor) match the analytic gradient. */
    @ParameterizedTest
    @EnumSource(BinaryChoice.Link.class)
    void gradientAndHessianMatchNumericalDerivatives(BinaryChoice.Link link) {
        BinaryLikelihood f = spector(link);
        double[] beta = {1.1, -0.03, 0.7, -3.5};  // an arbitrary point away from the optimum
        double[] grad = new double[4];
        double[][] info = new double[4][4];
        f.derivatives(beta, grad, info);
        double[] scale = {3, 22, 1, 1};
        for (int j = 0; j < 4; j++) {
            double h = 1e-5 / scale[j];
            double[] up = beta.clone();
            double[] down = beta.clone();
            up[j] += h;
            down[j] -= h;
            double numeric = (f.value(up) - f.value(down)) / (2 * h);
            assertEquals(numeric, grad[j], 1e-6 * (1 + Math.abs(grad[j])), "gradient " + j);
            double[] gu = new double[4];
            double[] gd = new double[4];
            f.derivatives(up, gu, new double[4][4]);
            f.derivatives(down, gd, new double[4][4]);
            for (int a = 0; a < 4; a++) {
                double numericHess = -(gu[a] - gd[a]) / (2 * h);
                assertEquals(numericHess, info[a][j], 1e-6 * (1 + Math.abs(info[a][j])), "info " + a + "," + j);
            }
        }
        // scores add up to the gradient
        double[][] s = f.scores(beta);
        for (int j = 0; j < 4; j++) {
            double sum = 0;
            for (double v : s[j]) {
                sum += v;
            }
            assertEquals(grad[j], sum, 1e-12 * (1 + Math.abs(grad[j])));
        }
    }

    /** Per-observation derivatives in the far tails stay finite and match their limits. */
    @Test
    void probitTailsDoNotUnderflow() {
        // log Phi(-40) by the asymptotic series log phi(z) - log|z| + log(1 - 1/z^2 + 3/z^4 - 15/z^6)
        double z = -40;
        double series = -0.5 * z * z - 0.5 * Math.log(2 * Math.PI) - Math.log(40)
                + Math.log(1 - 1 / 1600.0 + 3 / (1600.0 * 1600) - 15 / (1600.0 * 1600 * 1600));
        double[] lm = BinaryLikelihood.logPhiAndMills(z);
        assertEquals(series, lm[0], 1e-12 * Math.abs(series));
        // phi/Phi ~ t + 1/t - 2/t^3 + 10/t^5 (next term 74/t^7 = 4.5e-10) for t = |z| large
        assertEquals(40 + 1 / 40.0 - 2 / 64000.0 + 10 / 102400000.0, lm[1], 1e-9);
        // the continued fraction and the erfc branch agree near the switch at -8
        for (double t : new double[] {8, 9.5, 12}) {
            double viaErfc = 0.5 * org.apache.commons.math3.special.Erf.erfc(t / Math.sqrt(2))
                    / Math.exp(-0.5 * t * t - 0.5 * Math.log(2 * Math.PI));
            assertEquals(viaErfc, BinaryLikelihood.millsRatio(t), 1e-12 * viaErfc, "Mills ratio at " + t);
        }
        double[] at8 = BinaryLikelihood.logPhiAndMills(-8);
        double[] justAbove = BinaryLikelihood.logPhiAndMills(Math.nextUp(-8.0));
        assertEquals(at8[0], justAbove[0], 1e-12 * Math.abs(at8[0]));
        assertEquals(at8[1], justAbove[1], 1e-12 * at8[1]);
        // second derivative -lambda (z + lambda) tends to -1 on the wrong side, 0 on the right side
        double[] c = new double[3];
        BinaryLikelihood.contribution(BinaryChoice.Link.PROBIT, -60, true, c);
        assertEquals(-1.0, c[2], 1e-3);
        assertTrue(Double.isFinite(c[0]) && c[0] < -1800);
        BinaryLikelihood.contribution(BinaryChoice.Link.PROBIT, 60, true, c);
        assertEquals(0.0, c[0], 1e-300);
        assertEquals(0.0, c[2], 1e-300);
        BinaryLikelihood.contribution(BinaryChoice.Link.LOGIT, -800, true, c);
        assertEquals(-800, c[0], 1e-12);
        assertEquals(1.0, c[1], 0);
    }

    /**
     * The optimiser is not specific to binary models: the Poisson log-likelihood sum(y log m - m) in log m has its
     * maximum at log(mean y), reached from a poor start with halving.
     */
    @Test
    void newtonMaximisesAnyConcaveObjective() {
        double[] y = {0, 3, 1, 4, 2, 0, 7};
        double mean = 17.0 / 7;
        MleObjective poisson = new MleObjective() {
            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public double value(double[] b) {
                double s = 0;
                for (double v : y) {
                    s += v * b[0] - Math.exp(b[0]);
                }
                return s;
            }

            @Override
            public double derivatives(double[] b, double[] g, double[][] info) {
                g[0] = 17 - 7 * Math.exp(b[0]);
                info[0][0] = 7 * Math.exp(b[0]);
                return value(b);
            }
        };
        MleResult r = MleNewton.maximize(poisson, new double[] {-6});
        assertTrue(r.converged());
        assertEquals(Math.log(mean), r.beta()[0], 1e-14);
        assertEquals(1 / (7 * mean), r.infoInverse()[0][0], 1e-14);
    }
}
