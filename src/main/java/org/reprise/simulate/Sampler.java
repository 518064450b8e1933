package org.reprise.simulate;

import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.special.Erf;

/**
 * Random draws for the simulator from one seeded {@link Well19937c} stream. Everything is pure Java
 * arithmetic ({@link StrictMath}, Commons Math's FastMath inside the generator), so the same seed gives the
 * same numbers on every JVM and platform.
 */
final class Sampler {
    private final Well19937c rng;

    Sampler(long seed) {
        this.rng = new Well19937c(seed);
    }

    /** Uniform on [0, 1). */
    double uniform() {
        return rng.nextDouble();
    }

    /** Standard normal. */
    double normal() {
        return rng.nextGaussian();
    }

    /** Index drawn with the given probabilities (which sum to 1; the last index takes any rounding rest). */
    int categorical(double[] probs) {
        double u = rng.nextDouble();
        double cum = 0;
        for (int i = 0; i < probs.length - 1; i++) {
            cum += probs[i];
            if (u < cum) {
                return i;
            }
        }
        return probs.length - 1;
    }

    /** Standard normal distribution function. */
    static double phi(double x) {
        return 0.5 * Erf.erfc(-x / StrictMath.sqrt(2.0));
    }

    /** Standard normal quantile. */
    static double phiInverse(double p) {
        return StrictMath.sqrt(2.0) * Erf.erfInv(2.0 * p - 1.0);
    }
}
