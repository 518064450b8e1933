package org.reprise.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Probit mbsmoke ~ mmarried + mage + mage^2 + fbaby + medu on Stata's cattaneo2 (4642 births).
 * Source: src/test/resources/reference/cattaneo2/SOURCE.txt. Reference values: Stata's own output of the
 * treatment model of {@code teffects ipw (bweight) (mbsmoke mmarried c.mage##c.mage fbaby medu, probit)},
 * stored in statsmodels' tests (statsmodels/treatment/tests/results/results_teffects.py), whose standard errors
 * are the HC0 sandwich (no small-sample factor); default (observed-information) SEs from statsmodels 0.13.5.
 * Both copied from shared/reference/README.md (cattaneo2).
 */
class ProbitCattaneoTest {
    static final String[] NAMES = {"mmarried", "mage", "mage2", "fbaby", "medu", "_cons"};
    // Stata, full precision
    static final double[] STATA_B = {-.64848213804682, .17443269674281, -.00325591262232, -.2175961616731,
        -.08636308703575, -1.5582552629264};
    static final double[] STATA_HC0_SE = {.05541728623223, .03637184725595, .00066777909855, .04956043775733,
        .01001479395511, .46396908940251};
    // statsmodels 0.13.5 default SEs, as printed: (value, decimals printed)
    static final double[] SM_OIM_SE = {.05269911, .03524374, .0006462, .04910661, .00986923, .45115892};
    static final int[] SM_DECIMALS = {8, 8, 7, 8, 8, 8};

    static BinaryFit fit;
    static int n;

    @BeforeAll
    static void fitOnce() {
        BinaryTestData.Table t = BinaryTestData.csv("/reference/cattaneo2/cattaneo2.csv");
        n = t.size();
        double[] y = t.indicator("mbsmoke", "smoker");
        double[] mage = t.numbers("mage");
        double[] mage2 = new double[n];
        for (int i = 0; i < n; i++) {
            mage2[i] = mage[i] * mage[i];
        }
        double[][] x = {t.indicator("mmarried", "married"), mage, mage2, t.indicator("fbaby", "Yes"),
            t.numbers("medu"), BinaryTestData.ones(n)};
        fit = BinaryChoice.fit(BinaryChoice.Link.PROBIT, y, x, NAMES, null);
    }

    @Test
    void sampleAsStata() {
        assertEquals(4642, n);
        assertEquals(4642, fit.nobs());
        assertEquals(6, fit.rank());
        assertEquals(4642 - 6, fit.dfResid());
        assertTrue(fit.notes().isEmpty(), fit.notes().toString());
    }

    /** Coefficients to 1e-6 relative against Stata. */
    @Test
    void coefficientsMatchStata() {
        for (int j = 0; j < NAMES.length; j++) {
            assertEquals(STATA_B[j], fit.coef()[j], 1e-6 * Math.abs(STATA_B[j]), NAMES[j]);
        }
    }

    /** HC0 sandwich bread (sum s_i s_i') bread, from the Scored interface, to 1e-6 relative against Stata. */
    @Test
    void hc0SandwichMatchesStataTeffects() {
        double[] se = BinaryTestData.diagSqrt(BinaryTestData.sandwich(fit, 1.0));
        for (int j = 0; j < NAMES.length; j++) {
            assertEquals(STATA_HC0_SE[j], se[j], 1e-6 * STATA_HC0_SE[j], NAMES[j]);
        }
    }

    /**
     * Stata's {@code probit, vce(robust)} multiplies the HC0 variance by n/(n-1), i.e. the SEs by sqrt(n/(n-1)),
     * n = 4642. The factor belongs to the covariance layer: the fit's scores and bread give HC0, and applying the
     * factor reproduces Stata's teffects HC0 SEs scaled by sqrt(4642/4641).
     */
    @Test
    void stataVceRobustIsHc0TimesSqrtNOverNMinus1() {
        double factor = (double) n / (n - 1);
        double[] robust = BinaryTestData.diagSqrt(BinaryTestData.sandwich(fit, factor));
        for (int j = 0; j < NAMES.length; j++) {
            double expected = STATA_HC0_SE[j] * Math.sqrt(4642.0 / 4641.0);
            assertEquals(expected, robust[j], 1e-6 * expected, NAMES[j]);
        }
    }

    /** Inverse observed information SEs against statsmodels, to the printed digit. */
    @Test
    void observedInformationSesMatchStatsmodels() {
        double[][] bread = fit.bread();
        for (int j = 0; j < NAMES.length; j++) {
            double se = Math.sqrt(bread[j][j]);
            double half = 0.5 * Math.pow(10, -SM_DECIMALS[j]);
            assertEquals(SM_OIM_SE[j], se, half + 1e-15, NAMES[j]);
        }
    }

    /** Scores sum to zero at the maximum, and the fit's summary statistics are consistent. */
    @Test
    void scoresSumToZeroAndStatisticsConsistent() {
        double[] total = new double[fit.rank()];
        double[] s = new double[fit.rank()];
        for (int i = 0; i < fit.nobs(); i++) {
            fit.score(i, s);
            for (int j = 0; j < s.length; j++) {
                total[j] += s[j];
            }
        }
        // scale-free: the scaled gradient g' bread g (the Newton decrement) is below the convergence bound
        double decrement = 0;
        for (int a = 0; a < 6; a++) {
            for (int b = 0; b < 6; b++) {
                decrement += total[a] * fit.bread()[a][b] * total[b];
            }
        }
        assertTrue(decrement < 1e-10, "g'H^-1g = " + decrement);
        assertEquals(2 * (fit.ll() - fit.ll0()), fit.lrChi2(), 1e-9);
        assertEquals(1 - fit.ll() / fit.ll0(), fit.pseudoR2(), 1e-15);
        assertEquals(5, fit.lrDf());
        assertEquals(1.0, fit.scale());
        assertTrue(Double.isNaN(fit.leverage(0)));
        assertTrue(fit.asymptotic());
        for (int i = 0; i < n; i++) {
            assertTrue(fit.used()[i]);
        }
    }
}
