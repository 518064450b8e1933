package org.reprise.estimate;

/**
 * A sum of products accumulated in about twice double precision (Ogita, Rump and Oishi's Dot2: error-free
 * TwoSum for the additions, fused multiply-add for the products' rounding errors), rounded once at the end.
 */
final class Dot2 {
    private double sum;
    private double err;

    /** Adds a. */
    void add(double a) {
        double t = sum + a;
        double z = t - sum;
        err += (sum - (t - z)) + (a - z);
        sum = t;
    }

    /** Adds a * b. */
    void add(double a, double b) {
        double p = a * b;
        double pe = Math.fma(a, b, -p);
        double t = sum + p;
        double z = t - sum;
        err += (sum - (t - z)) + (p - z) + pe;
        sum = t;
    }

    double value() {
        return sum + err;
    }
}
