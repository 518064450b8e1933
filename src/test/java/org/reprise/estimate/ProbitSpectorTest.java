package org.reprise.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code probit GRADE GPA TUCE PSI} on the Spector and Mazzeo data, against Stata 11's output as stored in
 * statsmodels' tests (statsmodels/discrete/tests/results/results_discrete.py, class Spector, probit();
 * see src/test/resources/reference/spector/SOURCE.txt). Tolerance: 1e-6 relative for full-precision values;
 * the fitted probabilities were stored with 7 decimals but not consistently rounded (observation 5: the normal CDF
 * of Stata's own linear index .13722851872444 is .55457492, stored as .5545748), so they are compared to 1.5e-7.
 */
class ProbitSpectorTest {
    static final double[] B = {1.62581025407, .051728948442, 1.42633236818, -7.45232041607};
    static final double[] SE = {.693882522754, .083890261293, .595037920474, 2.54247249731};
    static final double[][] COV = {{.481472955383, -.01891350017, .105439226234, -1.1696681354},
        {-.01891350017, .00703757594, .002471864882, -.101172838897},
        {.105439226234, .002471864882, .354070126802, -.594791776765},
        {-1.1696681354, -.101172838897, -.594791776765, 6.46416639958}};
    static final double[] PHAT = {.0181707, .0530805, .1899263, .0185707, .5545748, .0272331, .0185033, .0445714,
        .1088081, .6631207, .0161024, .1935566, .3233282, .1951826, .3563406, .0219654, .0456943, .0308513,
        .5934023, .6571863, .0619288, .9045388, .2731908, .8474501, .8341947, .488726, .6424073, .3286732,
        .8400168, .9522446, .5399595, .123544};
    static final double[] XB = {-2.0930860042572, -1.615691781044, -.87816804647446, -2.0842070579529,
        .13722851872444, -1.9231110811234, -2.0856919288635, -1.6999372243881, -1.2328916788101, .42099541425705,
        -2.1418602466583, -.86486464738846, -.45841211080551, -.85895526409149, -.36825761198997,
        -2.0147502422333, -1.6881184577942, -1.8684275150299, .23630557954311, .40479621291161, -1.538782119751,
        1.3078554868698, -.60319095849991, 1.025558590889, .97087496519089, -.02826354466379, .36490100622177,
        -.44357979297638, .99452745914459, 1.6670187711716, .10033150017262, -1.1574513912201};

    static BinaryFit fit;

    @BeforeAll
    static void fitOnce() {
        fit = BinarySpector.fit(BinaryChoice.Link.PROBIT);
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
        rel(-12.8188033249334, fit.ll(), 1e-9, "ll");
        rel(-20.5917296966173, fit.ll0(), 1e-9, "ll0");
        rel(15.5458527433678, fit.lrChi2(), 1e-8, "LR chi2");
        rel(.00140489496775855, fit.lrP(), 1e-7, "LR p");
        rel(.377478069409622, fit.pseudoR2(), 1e-8, "pseudo R2");
    }

    @Test
    void predictions() {
        for (int i = 0; i < 32; i++) {
            assertEquals(PHAT[i], fit.p()[i], 1.5e-7, "p " + (i + 1));
            rel(XB[i], fit.xb()[i], 1e-6, "xb " + (i + 1));
        }
    }
}
