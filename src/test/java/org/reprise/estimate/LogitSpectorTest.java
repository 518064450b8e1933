package org.reprise.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code logit GRADE GPA TUCE PSI} on the Spector and Mazzeo data, against Stata 11's output as stored in
 * statsmodels' tests (statsmodels/discrete/tests/results/results_discrete.py, class Spector, logit();
 * see src/test/resources/reference/spector/SOURCE.txt). Tolerance: 1e-6 relative for the full-precision
 * values; the per-observation predictions were stored by Stata in single precision, compared to 1e-6 relative.
 */
class LogitSpectorTest {
    static final double[] B = {2.82611297201, .0951576702557, 2.37868772835, -13.0213483201};
    static final double[] SE = {1.26294114526, .141554207662, 1.06456430165, 4.93132462871};
    static final double[][] COV = {{1.59502033639, -.036920566629, .427615725153, -4.57347950298},
        {-.036920566629, .0200375937069, .0149126464275, -.346255757562},
        {.427615725153, .0149126464275, 1.13329715236, -2.35916128427},
        {-4.57347950298, -.346255757562, -2.35916128427, 24.3179625937}};
    static final double[] PHAT = {.02657799236476, .05950126051903, .18725991249084, .02590163610876,
        .56989300251007, .03485824912786, .02650404907763, .05155897513032, .11112663894892, .69351142644882,
        .02447037212551, .18999740481377, .32223951816559, .1932111531496, .36098992824554, .03018374741077,
        .05362640321255, .03858831897378, .58987241983414, .66078591346741, .06137581542134, .90484726428986,
        .24177247285843, .85209089517593, .8382905125618, .48113295435905, .63542068004608, .30721867084503,
        .84170418977737, .94534027576447, .52911710739136, .1110308393836};
    static final double[] XB = {-3.6007342338562, -2.7604126930237, -1.4679137468338, -3.6272060871124,
        .28141465783119, -3.3209850788116, -3.6035962104797, -2.9120934009552, -2.0792844295502, .81658720970154,
        -3.6855175495148, -1.4500269889832, -.74349880218506, -1.429278254509, -.57107019424438, -3.4698030948639,
        -2.8705959320068, -3.2154531478882, .36343798041344, .66679841279984, -2.7273993492126, 2.2522828578949,
        -1.1429864168167, 1.7510952949524, 1.6455633640289, -.07550399750471, .55554306507111, -.81315463781357,
        1.6709630489349, 2.8504176139832, .11660042405128, -2.0802545547485};

    static BinaryFit fit;

    @BeforeAll
    static void fitOnce() {
        fit = BinarySpector.fit(BinaryChoice.Link.LOGIT);
    }

    static void rel(double expected, double actual, double tol, String what) {
        assertEquals(expected, actual, tol * Math.abs(expected), what);
    }

    @Test
    void coefficientsAndCovariance() {
        for (int j = 0; j < 4; j++) {
            rel(B[j], fit.coef()[j], 1e-6, "b " + BinarySpector.NAMES[j]);
            rel(SE[j], Math.sqrt(fit.bread()[j][j]), 1e-6, "se " + BinarySpector.NAMES[j]);
            for (int k = 0; k < 4; k++) {
                rel(COV[j][k], fit.bread()[j][k], 1e-6, "V " + j + "," + k);
            }
        }
    }

    @Test
    void likelihoodStatistics() {
        assertEquals(32, fit.nobs());
        rel(-12.8896334653335, fit.ll(), 1e-9, "ll");
        rel(-20.5917296966173, fit.ll0(), 1e-9, "ll0");
        rel(15.4041924625676, fit.lrChi2(), 1e-8, "LR chi2");
        assertEquals(3, fit.lrDf());
        rel(.00150187761112892, fit.lrP(), 1e-7, "LR p");
        rel(.374038332124624, fit.pseudoR2(), 1e-8, "pseudo R2");
    }

    @Test
    void predictions() {
        for (int i = 0; i < 32; i++) {
            rel(PHAT[i], fit.p()[i], 1e-6, "p " + (i + 1));
            rel(XB[i], fit.xb()[i], 1e-6, "xb " + (i + 1));
        }
    }
}
