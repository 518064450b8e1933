package org.reprise.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.reprise.UserError;

/**
 * Perfect prediction, separation, bad outcomes, collinearity and step halving, on small constructed data whose
 * maximum-likelihood estimates are known in closed form: with one 0/1 regressor g and a constant the model is
 * saturated, so F(_cons) is the share of ones among g = 0 and F(_cons + b_g) the share among g = 1.
 */
class BinarySeparationTest {
    static final NormalDistribution N01 = new NormalDistribution();

    /** F^-1(share) for the link: the closed-form MLE of a cell's index. */
    static double inverseLink(BinaryChoice.Link link, double share) {
        return link == BinaryChoice.Link.PROBIT ? N01.inverseCumulativeProbability(share)
                : Math.log(share / (1 - share));
    }

    /** Rows of (y, g, d): cells of count with ones successes. */
    static double[][] cells(int[][] spec) {
        int n = 0;
        for (int[] c : spec) {
            n += c[2];
        }
        double[] y = new double[n];
        double[] g = new double[n];
        double[] d = new double[n];
        int i = 0;
        for (int[] c : spec) { // {g, d, count, ones}
            for (int r = 0; r < c[2]; r++, i++) {
                g[i] = c[0];
                d[i] = c[1];
                y[i] = r < c[3] ? 1 : 0;
            }
        }
        return new double[][] {y, g, d};
    }

    /**
     * Stata: "note: d != 0 predicts failure perfectly; d dropped and 7 obs not used". The remaining fit is the
     * saturated model in g on the 18 other rows: F(_cons) = 3/10, F(_cons + b_g) = 6/8.
     */
    @ParameterizedTest
    @EnumSource(BinaryChoice.Link.class)
    void dummyPredictingFailureIsDroppedWithItsObservations(BinaryChoice.Link link) {
        double[][] c = cells(new int[][] {{0, 0, 10, 3}, {1, 0, 8, 6}, {0, 1, 4, 0}, {1, 1, 3, 0}});
        BinaryFit fit = BinaryChoice.fit(link, c[0], new double[][] {c[1], c[2], BinaryTestData.ones(25)},
                new String[] {"g", "d", "_cons"}, null);
        assertEquals(List.of("note: d != 0 predicts failure perfectly; d dropped and 7 obs not used"), fit.notes());
        assertEquals(18, fit.nobs());
        assertTrue(fit.omitted()[1]);
        assertEquals(2, fit.rank());
        double cons = inverseLink(link, 0.3);
        assertEquals(cons, fit.coef()[2], 1e-9);
        assertEquals(inverseLink(link, 0.75) - cons, fit.coef()[0], 1e-9);
        assertEquals(0.0, fit.coef()[1]);
        for (int i = 0; i < 25; i++) {
            assertEquals(c[2][i] == 0, fit.used()[i]);
        }
        // ll0 on the estimation sample: 9 ones among 18
        assertEquals(18 * Math.log(0.5), fit.ll0(), 1e-12);
    }

    /** The other group: all d = 0 rows succeed, so "d != 1 predicts success perfectly". */
    @ParameterizedTest
    @EnumSource(BinaryChoice.Link.class)
    void dummyPredictingSuccessThroughItsZeroGroup(BinaryChoice.Link link) {
        double[][] c = cells(new int[][] {{0, 0, 5, 5}, {0, 1, 10, 4}, {1, 1, 10, 8}});
        BinaryFit fit = BinaryChoice.fit(link, c[0], new double[][] {c[1], c[2], BinaryTestData.ones(25)},
                new String[] {"g", "d", "_cons"}, null);
        assertEquals(List.of("note: d != 1 predicts success perfectly; d dropped and 5 obs not used"), fit.notes());
        assertEquals(20, fit.nobs());
        double cons = inverseLink(link, 0.4);
        assertEquals(cons, fit.coef()[2], 1e-9);
        assertEquals(inverseLink(link, 0.8) - cons, fit.coef()[0], 1e-9);
    }

    /** A dummy equal to the outcome leaves nothing to estimate: Stata stops ("predicts data perfectly"). */
    @ParameterizedTest
    @EnumSource(BinaryChoice.Link.class)
    void dummyEqualToOutcomeIsAnError(BinaryChoice.Link link) {
        double[] y = {0, 0, 1, 1, 0, 1};
        UserError e = assertThrows(UserError.class, () -> BinaryChoice.fit(link, y,
                new double[][] {y.clone(), BinaryTestData.ones(6)}, new String[] {"copy", "_cons"}, null));
        assertTrue(e.getMessage().contains("copy"), e.getMessage());
    }

    /** x separates the outcome completely (y = 1 exactly when x &gt; 0); z is balanced and must not be named. */
    @ParameterizedTest
    @EnumSource(BinaryChoice.Link.class)
    void continuousCompleteSeparationNamesTheVariable(BinaryChoice.Link link) {
        int n = 40;
        double[] y = new double[n];
        double[] x = new double[n];
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            double v = (i / 2 - 9.5) * 0.37;  // pairs of equal x, z = +1 and -1 within each pair
            x[i] = v;
            z[i] = i % 2 == 0 ? 1 : -1;
            y[i] = v > 0 ? 1 : 0;
        }
        UserError e = assertThrows(UserError.class, () -> BinaryChoice.fit(link, y,
                new double[][] {x, z, BinaryTestData.ones(n)}, new String[] {"x", "z", "_cons"}, null));
        assertTrue(e.getMessage().contains("regressor x "), e.getMessage());
        assertFalse(e.getMessage().contains(" z"), e.getMessage());
    }

    /**
     * Quasi-complete separation: y = 0 for x &lt; 0, y = 1 for x &gt; 0, both outcomes at x = 0. The likelihood rises
     * for ever along b_x while the rest converges; the error names x and the 30 determined observations.
     */
    @ParameterizedTest
    @EnumSource(BinaryChoice.Link.class)
    void continuousQuasiCompleteSeparationNamesTheVariable(BinaryChoice.Link link) {
        int n = 40;
        double[] y = new double[n];
        double[] x = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            if (i < 15) {
                x[i] = -1 - 0.3 * i;
                y[i] = 0;
            } else if (i < 30) {
                x[i] = 0.5 + 0.2 * (i - 15);
                y[i] = 1;
            } else {
                x[i] = 0;
                y[i] = i % 3 == 0 ? 1 : 0;
            }
            w[i] = Math.sin(i * 1.7); // a regressor with no separating role
        }
        UserError e = assertThrows(UserError.class, () -> BinaryChoice.fit(link, y,
                new double[][] {w, x, BinaryTestData.ones(n)}, new String[] {"w", "x", "_cons"}, null));
        assertTrue(e.getMessage().contains("regressor x "), e.getMessage());
        assertTrue(e.getMessage().contains("15 failures and 15 successes"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(BinaryChoice.Link.class)
    void outcomeNotZeroOneIsAnError(BinaryChoice.Link link) {
        UserError e = assertThrows(UserError.class, () -> BinaryChoice.fit(link, new double[] {0, 1, 2, 1},
                new double[][] {BinaryTestData.ones(4)}, new String[] {"_cons"}, null));
        assertTrue(e.getMessage().contains("0/1") && e.getMessage().contains("row 3"), e.getMessage());
        UserError missing = assertThrows(UserError.class, () -> BinaryChoice.fit(link,
                new double[] {0, Double.NaN, 1}, new double[][] {BinaryTestData.ones(3)}, new String[] {"_cons"},
                null));
        assertTrue(missing.getMessage().contains("missing"), missing.getMessage());
    }

    @ParameterizedTest
    @EnumSource(BinaryChoice.Link.class)
    void constantOutcomeIsAnError(BinaryChoice.Link link) {
        UserError e = assertThrows(UserError.class, () -> BinaryChoice.fit(link, new double[] {1, 1, 1},
                new double[][] {{1, 2, 3}, BinaryTestData.ones(3)}, new String[] {"x", "_cons"}, null));
        assertTrue(e.getMessage().contains("does not vary"), e.getMessage());
    }

    /** x3 = x1 + 2 x2 and a constant regressor: both omitted with Stata's note; the rest equals the fit without them. */
    @ParameterizedTest
    @EnumSource(BinaryChoice.Link.class)
    void collinearColumnsAreOmitted(BinaryChoice.Link link) {
        double[] y = BinarySpector.y();
        double[][] x = BinarySpector.x();
        int n = y.length;
        double[] x3 = new double[n];
        double[] five = new double[n];
        for (int i = 0; i < n; i++) {
            x3[i] = x[0][i] + 2 * x[1][i];
            five[i] = 5;
        }
        BinaryFit full = BinaryChoice.fit(link, y, new double[][] {x[0], x[1], x3, five, x[2], x[3]},
                new String[] {"GPA", "TUCE", "x3", "five", "PSI", "_cons"}, null);
        BinaryFit plain = BinarySpector.fit(link);
        assertEquals(List.of("note: x3 omitted because of collinearity", "note: five omitted because of collinearity"),
                full.notes());
        assertTrue(full.omitted()[2] && full.omitted()[3]);
        assertEquals(4, full.rank());
        int[] map = {0, 1, 4, 5};
        for (int j = 0; j < 4; j++) {
            assertEquals(plain.coef()[j], full.coef()[map[j]], 1e-9 * (1 + Math.abs(plain.coef()[j])));
            assertEquals(plain.bread()[j][j], full.bread()[j][j], 1e-9 * plain.bread()[j][j]);
        }
        assertEquals(3, full.lrDf());
    }

    /**
     * Starting from _cons = F^-1(mean) = F^-1(9999/10010), the full Newton step for the small group (9 of 10 ones)
     * overshoots (to about -0.14 for the probit, -88 for the logit, where F^-1(0.9) is 1.28 or 2.20) and lowers
     * the likelihood, so it must be halved. The answer is still the closed form: F(_cons) = 0.9, F(_cons + b) = 0.999.
     */
    @ParameterizedTest
    @EnumSource(BinaryChoice.Link.class)
    void stepHalvingRescuesAnOvershootingStep(BinaryChoice.Link link) {
        double[][] c = cells(new int[][] {{0, 0, 10, 9}, {1, 0, 10000, 9990}});
        BinaryFit fit = BinaryChoice.fit(link, c[0], new double[][] {c[1], BinaryTestData.ones(c[0].length)},
                new String[] {"g", "_cons"}, null);
        assertTrue(fit.halvings() > 0, "halvings " + fit.halvings());
        double cons = inverseLink(link, 0.9);
        assertEquals(cons, fit.coef()[1], 1e-9);
        assertEquals(inverseLink(link, 0.999) - cons, fit.coef()[0], 1e-9);
    }

    /** Frequency weights give the same estimates as repeating rows. */
    @ParameterizedTest
    @EnumSource(BinaryChoice.Link.class)
    void weightsActAsRepeatedRows(BinaryChoice.Link link) {
        double[] y = BinarySpector.y();
        double[][] x = BinarySpector.x();
        int n = y.length;
        double[] w = new double[n];
        int total = 0;
        for (int i = 0; i < n; i++) {
            w[i] = 1 + i % 3;
            total += (int) w[i];
        }
        double[] yr = new double[total];
        double[][] xr = new double[4][total];
        int r = 0;
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < w[i]; c++, r++) {
                yr[r] = y[i];
                for (int j = 0; j < 4; j++) {
                    xr[j][r] = x[j][i];
                }
            }
        }
        BinaryFit weighted = BinaryChoice.fit(link, y, x, BinarySpector.NAMES, w);
        BinaryFit repeated = BinaryChoice.fit(link, yr, xr, BinarySpector.NAMES, null);
        assertEquals(n, weighted.nobs());
        assertEquals(total, weighted.sumWeights(), 0);
        assertEquals(repeated.ll(), weighted.ll(), 1e-9);
        for (int j = 0; j < 4; j++) {
            assertEquals(repeated.coef()[j], weighted.coef()[j], 1e-8 * (1 + Math.abs(repeated.coef()[j])));
            assertEquals(repeated.bread()[j][j], weighted.bread()[j][j], 1e-8 * repeated.bread()[j][j]);
        }
    }
}
