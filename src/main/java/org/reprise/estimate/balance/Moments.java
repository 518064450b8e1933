package org.reprise.estimate.balance;

/**
 * Weighted sums, means and variances as Stata's {@code summarize [iw=w]} computes them: W = sum of the weights,
 * mean = sum(w x) / W, variance = sum(w (x - mean)^2) / (W - 1). With all weights 1 this is the ordinary sample
 * mean and variance (n - 1 divisor). Two passes, so the variance does not lose digits to cancellation.
 */
record Moments(double sumW, double mean, double var) {

    /** Moments of x over rows with keep[i] and w[i] &gt; 0; w == null means every weight is 1. */
    static Moments of(double[] x, boolean[] keep, double[] w) {
        double sw = 0;
        double sx = 0;
        for (int i = 0; i < x.length; i++) {
            double wi = weight(w, i);
            if (keep[i] && wi > 0) {
                sw += wi;
                sx += wi * x[i];
            }
        }
        double mean = sx / sw;
        double ss = 0;
        for (int i = 0; i < x.length; i++) {
            double wi = weight(w, i);
            if (keep[i] && wi > 0) {
                double d = x[i] - mean;
                ss += wi * d * d;
            }
        }
        return new Moments(sw, mean, ss / (sw - 1));
    }

    /** The residual sum of squares about the mean, sum(w (x - mean)^2) = var (W - 1). */
    double ss() {
        return var * (sumW - 1);
    }

    private static double weight(double[] w, int i) {
        return w == null ? 1.0 : w[i];
    }
}
