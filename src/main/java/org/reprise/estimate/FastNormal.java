package org.reprise.estimate;

/**
 * The complementary error function and the standard normal CDF, its logarithm and the inverse Mills ratio,
 * fast (a rational function and at most one exp and one log per call) and accurate to a few units in the last
 * place in both tails.
 *
 * <p>Algorithm: W. J. Cody, "Rational Chebyshev approximations for the error function", Mathematics of
 * Computation 23 (1969) 631-637, in the three ranges and with the coefficients of his later Fortran routine
 * CALERF (SPECFUN, 1990): erf(x) = x P(x^2)/Q(x^2) for |x| &lt;= 0.46875; erfc(x) = exp(-x^2) P(x)/Q(x) for
 * 0.46875 &lt; x &lt;= 4; erfc(x) = exp(-x^2)/x (1/sqrt(pi) - P(1/x^2)/(x^2 Q(1/x^2))) for x &gt; 4 (relative
 * error of each approximation below 1e-17). The code here is our own. Writing erfc(x) = exp(-x^2) R(x) gives
 * log Phi(z) = -z^2/2 + log(R(-z/sqrt2)/2) and the Mills ratio Phi(z)/phi(z) = sqrt(pi/2) R(-z/sqrt2) with no
 * exp at all, so neither underflows in the lower tail; exp(-z^2/2) itself is taken with the rounding error of
 * z*z corrected by a fused multiply-add, so that large |z| lose no digits to it.
 */
public final class FastNormal {
    private static final double SMALL = 0.46875;
    /** |z| below which Phi(z) = 1/2 + erf(z/sqrt2)/2 is used: SMALL * sqrt(2). */
    private static final double SMALL_Z = SMALL * Math.sqrt(2.0);
    private static final double INV_SQRT2 = 0.70710678118654752440;
    private static final double INV_SQRT_PI = 0.56418958354775628695;
    private static final double INV_SQRT_2PI = 0.39894228040143267794;
    private static final double SQRT_HALF_PI = 1.25331413731550025121;

    // erf(x) = x * A(x^2) / B(x^2), |x| <= 0.46875 (A4 is the leading coefficient of the numerator)
    private static final double A0 = 3.16112374387056560e00, A1 = 1.13864154151050156e02,
        A2 = 3.77485237685302021e02, A3 = 3.20937758913846947e03, A4 = 1.85777706184603153e-1;
    private static final double B0 = 2.36012909523441209e01, B1 = 2.44024637934444173e02,
        B2 = 1.28261652607737228e03, B3 = 2.84423683343917062e03;
    // erfc(x) = exp(-x^2) * C(x) / D(x), 0.46875 < x <= 4 (C8 leads)
    private static final double C0 = 5.64188496988670089e-1, C1 = 8.88314979438837594e00,
        C2 = 6.61191906371416295e01, C3 = 2.98635138197400131e02, C4 = 8.81952221241769090e02,
        C5 = 1.71204761263407058e03, C6 = 2.05107837782607147e03, C7 = 1.23033935479799725e03,
        C8 = 2.15311535474403846e-8;
    private static final double D0 = 1.57449261107098347e01, D1 = 1.17693950891312499e02,
        D2 = 5.37181101862009858e02, D3 = 1.62138957456669019e03, D4 = 3.29079923573345963e03,
        D5 = 4.36261909014324716e03, D6 = 3.43936767414372164e03, D7 = 1.23033935480374942e03;
    // erfc(x) = exp(-x^2) / x * (1/sqrt(pi) - s P(s) / Q(s)), s = 1/x^2, x > 4 (P5 leads)
    private static final double P0 = 3.05326634961232344e-1, P1 = 3.60344899949804439e-1,
        P2 = 1.25781726111229246e-1, P3 = 1.60837851487422766e-2, P4 = 6.58749161529837803e-4,
        P5 = 1.63153871373020978e-2;
    private static final double Q0 = 2.56852019228982242e00, Q1 = 1.87295284992346725e00,
        Q2 = 5.27905102951428412e-1, Q3 = 6.05183413124413191e-2, Q4 = 2.33520497626869185e-3;

    // log1p(f) = f - (f^2/2 - s (f^2/2 + R(s^2))), s = f / (2 + f): the polynomial R of the fdlibm algorithm
    private static final double LP1 = 6.666666666666735130e-01, LP2 = 3.999999999940941908e-01,
        LP3 = 2.857142874366239149e-01, LP4 = 2.222219843214978396e-01, LP5 = 1.818357216161805012e-01,
        LP6 = 1.531383769920937332e-01, LP7 = 1.479819860511658591e-01;

    private FastNormal() {
    }

    /**
     * log(1 + x), bit for bit {@link StrictMath#log1p} (and so {@link Math#log1p}, which Java 17 computes by it):
     * for -0.2928 &lt; x &lt; 0.4142 with |x| &gt;= 2^-29 it evaluates the branch of the fdlibm algorithm that
     * StrictMath takes there (no argument reduction: f = x, k = 0; the same operations in the same order) in Java,
     * without the native call; other x go to Math.log1p. FastNormalTest compares the two on every branch.
     */
    public static double log1p(double x) {
        if (x > -0.2928 && x < 0.4142 && Math.abs(x) >= 0x1p-29) {
            double hfsq = 0.5 * x * x;
            double s = x / (2.0 + x);
            double z = s * s;
            double r = z * (LP1 + z * (LP2 + z * (LP3 + z * (LP4 + z * (LP5 + z * (LP6 + z * LP7))))));
            return x - (hfsq - s * (hfsq + r));
        }
        return Math.log1p(x);
    }

    /** erf(x) for |x| &lt;= 0.46875 (Cody's first range). */
    private static double erfSmall(double x) {
        double s = x * x;
        double num = ((((A4 * s + A0) * s + A1) * s + A2) * s) + A3;
        double den = ((((s + B0) * s + B1) * s + B2) * s) + B3;
        return x * num / den;
    }

    /** R(x) = erfc(x) exp(x^2) for x &gt; 0.46875 (Cody's second and third ranges); finite for every such x. */
    static double scaledErfc(double x) {
        if (x <= 4) {
            double num = (((((((C8 * x + C0) * x + C1) * x + C2) * x + C3) * x + C4) * x + C5) * x + C6) * x + C7;
            double den = (((((((x + D0) * x + D1) * x + D2) * x + D3) * x + D4) * x + D5) * x + D6) * x + D7;
            return num / den;
        }
        double s = 1 / (x * x);
        double num = (((((P5 * s + P0) * s + P1) * s + P2) * s + P3) * s) + P4;
        double den = (((((s + Q0) * s + Q1) * s + Q2) * s + Q3) * s) + Q4;
        return (INV_SQRT_PI - s * num / den) / x;
    }

    /** exp(-t^2 / f) for f = 1 or 2 with the rounding error of t*t compensated (0 for |t| beyond underflow). */
    private static double expMinusSquare(double t, double f) {
        if (Math.abs(t) > 40) {
            return 0;
        }
        double hi = t * t;
        double lo = Math.fma(t, t, -hi);
        return Math.exp(-hi / f) * (1 - lo / f);
    }

    /** The complementary error function erfc(x) = 1 - erf(x), relative error a few ulps for every x. */
    public static double erfc(double x) {
        double a = Math.abs(x);
        if (a <= SMALL) {
            return 1 - erfSmall(x);
        }
        if (Double.isNaN(x)) {
            return x;
        }
        double upper = a > 27.3 ? 0 : expMinusSquare(a, 1) * scaledErfc(a);
        return x > 0 ? upper : 2 - upper;
    }

    /** The standard normal CDF Phi(z), relative error a few ulps in both tails. */
    public static double cdf(double z) {
        if (Math.abs(z) <= SMALL_Z) {
            return 0.5 + 0.5 * erfSmall(z * INV_SQRT2);
        }
        if (Double.isNaN(z)) {
            return z;
        }
        double lower = 0.5 * expMinusSquare(z, 2) * scaledErfc(Math.abs(z) * INV_SQRT2); // Phi(-|z|)
        return z < 0 ? lower : 1 - lower;
    }

    /** log Phi(z), accurate for every z (no underflow in the lower tail). */
    public static double logCdf(double z) {
        if (z < -SMALL_Z) {
            return -0.5 * (z * z) + Math.log(0.5 * scaledErfc(-z * INV_SQRT2));
        }
        if (z <= SMALL_Z) {
            return Math.log(0.5 + 0.5 * erfSmall(z * INV_SQRT2));
        }
        return log1p(-0.5 * expMinusSquare(z, 2) * scaledErfc(z * INV_SQRT2));
    }

    /**
     * log Phi(z) into out[0] and the inverse Mills ratio phi(z)/Phi(z) into out[1], accurate in both tails;
     * the ratio tends to -z as z goes to minus infinity and to 0 as z goes to plus infinity.
     */
    public static void logCdfAndMills(double z, double[] out) {
        if (z < -SMALL_Z) {
            double r = scaledErfc(-z * INV_SQRT2);
            out[0] = -0.5 * (z * z) + Math.log(0.5 * r);
            out[1] = 1 / (SQRT_HALF_PI * r);
        } else if (z <= SMALL_Z) {
            double cdf = 0.5 + 0.5 * erfSmall(z * INV_SQRT2);
            out[0] = Math.log(cdf);
            out[1] = INV_SQRT_2PI * Math.exp(-0.5 * (z * z)) / cdf;
        } else {
            double e = expMinusSquare(z, 2);
            double upper = 0.5 * e * scaledErfc(z * INV_SQRT2);
            out[0] = log1p(-upper);
            out[1] = INV_SQRT_2PI * e / (1 - upper);
        }
    }
}
