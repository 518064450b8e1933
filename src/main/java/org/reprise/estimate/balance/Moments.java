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

    /**
     * {@link #of} for the four groups of a balance test at once, in two passes over x: treated and controls
     * unweighted; treated and controls with {@code wm > 0}, weighted by wm (matched). Each sum runs over its own
     * rows in index order, as in four separate calls, so the results are the same to the bit.
     */
    static Moments[] groups(double[] x, boolean[] treated, double[] wm) {
        double swT = 0;
        double sxT = 0;
        double swC = 0;
        double sxC = 0;
        double swTm = 0;
        double sxTm = 0;
        double swCm = 0;
        double sxCm = 0;
        for (int i = 0; i < x.length; i++) {
            double xi = x[i];
            double wi = wm[i];
            if (treated[i]) {
                swT += 1.0;
                sxT += xi;
                if (wi > 0) {
                    swTm += wi;
                    sxTm += wi * xi;
                }
            } else {
                swC += 1.0;
                sxC += xi;
                if (wi > 0) {
                    swCm += wi;
                    sxCm += wi * xi;
                }
            }
        }
        double mT = sxT / swT;
        double mC = sxC / swC;
        double mTm = sxTm / swTm;
        double mCm = sxCm / swCm;
        double ssT = 0;
        double ssC = 0;
        double ssTm = 0;
        double ssCm = 0;
        for (int i = 0; i < x.length; i++) {
            double xi = x[i];
            double wi = wm[i];
            if (treated[i]) {
                double d = xi - mT;
                ssT += d * d;
                if (wi > 0) {
                    double e = xi - mTm;
                    ssTm += wi * e * e;
                }
            } else {
                double d = xi - mC;
                ssC += d * d;
                if (wi > 0) {
                    double e = xi - mCm;
                    ssCm += wi * e * e;
                }
            }
        }
        return new Moments[] {new Moments(swT, mT, ssT / (swT - 1)), new Moments(swC, mC, ssC / (swC - 1)),
            new Moments(swTm, mTm, ssTm / (swTm - 1)), new Moments(swCm, mCm, ssCm / (swCm - 1))};
    }

    /** The residual sum of squares about the mean, sum(w (x - mean)^2) = var (W - 1). */
    double ss() {
        return var * (sumW - 1);
    }

    private static double weight(double[] w, int i) {
        return w == null ? 1.0 : w[i];
    }
}
