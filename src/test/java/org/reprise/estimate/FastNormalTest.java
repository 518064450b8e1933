package org.reprise.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;

/**
 * {@link FastNormal} against two independent references.
 *
 * <p>1. Apache Commons Math's {@code Erf.erfc} on a grid from -38 to 38. Commons Math is itself accurate only to
 * about 1e-14 relative for |x| &lt; 8 and to 1e-13 .. 3.3e-13 in the far tails (measured against mpmath at 40
 * digits on the grid k/16: worst 1.1e-13 for erfc near x = 23.6 and 3.3e-13 for Phi near z = -37.4, while
 * FastNormal's worst was 3.5e-16 and 5.7e-16). So the grid comparison uses relative 1e-14 where Commons Math is
 * that good (|x| &lt;= 8) and 4e-13 beyond; results in the subnormal range are compared absolutely, to 1e-14 of
 * the smallest normal double.
 *
 * <p>2. Values computed with mpmath 1.3.0 at 50 digits (Python: {@code mp.mp.dps = 50}; {@code mp.erfc(x)},
 * {@code mp.ncdf(z)}, {@code mp.log(mp.ncdf(z))} or {@code mp.log1p(-mp.ncdf(-z))} for z &gt; 0, and
 * {@code mp.npdf(z) / mp.ncdf(z)}), printed to 20 digits, compared to relative 2e-15; and log Phi in the far lower
 * tail against its asymptotic series.
 */
class FastNormalTest {
    private static final double SQRT2 = Math.sqrt(2.0);

    private static void close(double expected, double actual, double rel, String what) {
        double scale = Math.max(Math.abs(expected), Double.MIN_NORMAL);
        assertTrue(Math.abs(actual - expected) <= rel * scale,
                what + ": expected " + expected + ", got " + actual + " (relative difference "
                        + Math.abs(actual - expected) / scale + ", tolerance " + rel + ")");
    }

    /** erfc on x = k/64 (whose squares are exact doubles, so Commons Math's exp(-x^2) has an exact argument). */
    @Test
    void erfcMatchesCommonsMathFromMinus38To38() {
        for (int k = -38 * 64; k <= 38 * 64; k++) {
            double x = k / 64.0;
            close(Erf.erfc(x), FastNormal.erfc(x), Math.abs(x) <= 8 ? 1e-14 : 4e-13, "erfc(" + x + ")");
        }
    }

    /** Phi(z) = erfc(-z/sqrt2)/2 on z = k/64. */
    @Test
    void cdfMatchesCommonsMathFromMinus38To38() {
        for (int k = -38 * 64; k <= 38 * 64; k++) {
            double z = k / 64.0;
            double commons = 0.5 * Erf.erfc(-z / SQRT2);
            double tol = Math.abs(z) <= 8 ? 1e-14 : 4e-13;
            close(commons, FastNormal.cdf(z), tol, "Phi(" + z + ")");
            // log Phi from Commons Math: log of the lower tail, log1p of minus the upper tail (z > 0)
            double logCommons = z <= 0 ? Math.log(commons) : Math.log1p(-0.5 * Erf.erfc(z / SQRT2));
            if (commons > Double.MIN_NORMAL) {
                close(logCommons, FastNormal.logCdf(z), tol, "log Phi(" + z + ")");
            }
        }
    }

    @Test
    void erfcMatchesMpmath() {
        double[][] ref = {{-3, 1.9999779095030014146}, {0.25, 0.72367360983176306701},
            {0.5, 0.47950012218695346232}, {1, 0.15729920705028513066}, {2.5, 0.00040695201744495893956},
            {4, 1.5417257900280018852e-8}, {4.5, 1.9661604415428874763e-10}, {10, 2.088487583762544757e-45},
            {20, 5.3958656116079009289e-176}, {26, 5.6631924088561428465e-296}};
        for (double[] r : ref) {
            close(r[1], FastNormal.erfc(r[0]), 2e-15, "erfc(" + r[0] + ")");
        }
    }

    @Test
    void cdfLogCdfAndMillsMatchMpmath() {
        double[][] cdf = {{-37, 5.7255712225245768227e-300}, {-30, 4.9067139271481870595e-198},
            {-20, 2.7536241186062336951e-89}, {-10, 7.619853024160526066e-24}, {-5, 2.8665157187919391167e-7},
            {-1, 0.15865525393145705141}, {-0.5, 0.30853753872598689636}, {0.3, 0.61791142218895263731},
            {2, 0.9772498680518207928}, {6, 0.99999999901341235496}, {8, 0.9999999999999993779}};
        for (double[] r : cdf) {
            close(r[1], FastNormal.cdf(r[0]), 2e-15, "Phi(" + r[0] + ")");
        }
        // Phi(-38) = 2.8854283600687843084e-316 is subnormal: only absolute accuracy is possible
        close(2.8854283600687843084e-316, FastNormal.cdf(-38), 1e-14, "Phi(-38)");
        double[][] logCdf = {{-40, -804.60844201375378817}, {-100, -5005.5242086942050886},
            {-1000, -500007.82669481218431}, {-100000, -5000000012.4318639983}, {-3, -6.6077262215103495433},
            {0, -0.69314718055994530942}, {3, -0.0013508099647481937988}, {10, -7.619853024160526066e-24},
            {20, -2.7536241186062336951e-89}};
        double[] out = new double[2];
        for (double[] r : logCdf) {
            close(r[1], FastNormal.logCdf(r[0]), 2e-15, "log Phi(" + r[0] + ")");
            FastNormal.logCdfAndMills(r[0], out);
            close(r[1], out[0], 2e-15, "log Phi(" + r[0] + ") with the Mills ratio");
        }
        double[][] mills = {{-40, 40.024968847207263723}, {-10, 10.098093233962511963},
            {-3, 3.2830986549304365069}, {0, 0.79788456080286535588}, {3, 0.0044378390421256637933},
            {10, 7.6945986267064193463e-23}};
        for (double[] r : mills) {
            FastNormal.logCdfAndMills(r[0], out);
            close(r[1], out[1], 2e-15, "phi/Phi(" + r[0] + ")");
        }
    }

    /**
     * log Phi(z) = log phi(z) - log|z| + log S with S = 1 - 1/z^2 + 3/z^4 - 15/z^6 + 105/z^8 - 945/z^10 + ... for z
     * far below 0; at z &lt;= -40 the first omitted term, 10395/z^12, is below 7e-16 of S. The inverse Mills ratio
     * phi/Phi = |z| / S.
     */
    @Test
    void farLowerTailFollowsTheAsymptoticSeries() {
        double[] out = new double[2];
        for (double z = -40; z >= -1e6; z *= 1.7) {
            double u = 1 / (z * z);
            double series = 1 - u * (1 - 3 * u * (1 - 5 * u * (1 - 7 * u * (1 - 9 * u))));
            double logPhi = -0.5 * z * z - 0.5 * Math.log(2 * Math.PI) - Math.log(-z) + Math.log(series);
            close(logPhi, FastNormal.logCdf(z), 1e-15, "log Phi(" + z + ") vs series");
            FastNormal.logCdfAndMills(z, out);
            close(logPhi, out[0], 1e-15, "log Phi(" + z + ") vs series");
            close(-z / series, out[1], 2e-15, "phi/Phi(" + z + ") vs series");
            assertEquals(0.0, FastNormal.cdf(z), 0.0, "Phi underflows to 0 at " + z);
        }
        FastNormal.logCdfAndMills(Double.NEGATIVE_INFINITY, out);
        assertEquals(Double.NEGATIVE_INFINITY, out[0]);
        FastNormal.logCdfAndMills(60, out);
        assertEquals(0.0, out[0], 0.0);
        assertEquals(0.0, out[1], 0.0);
        assertTrue(Double.isNaN(FastNormal.cdf(Double.NaN)) && Double.isNaN(FastNormal.erfc(Double.NaN)));
    }
}
