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
     * unweighted; treated and controls with {@code wm > 0}, weighted by wm (matched). x and wm must be finite and
     * wm &gt;= 0. Each sum runs over its own rows in index order, as in four separate calls, so the results are the
     * same to the bit: a row outside a group adds a zero (a 0/1 mask times a finite value), which leaves a sum that
     * starts at +0.0 unchanged, and the masked loop has no unpredictable branches. The masked terms are finite when
     * every |x| &lt;= 1e300 and no group is empty; otherwise the four separate calls are made.
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
        double big = 0;
        for (int i = 0; i < x.length; i++) {
            double xi = x[i];
            big = Math.max(big, Math.abs(xi));
            double t = treated[i] ? 1.0 : 0.0;
            double c = 1.0 - t;
            // wm >= 0: wm * t is wm for a treated row with wm > 0 and a zero otherwise
            double wt = wm[i] * t;
            double wc = wm[i] * c;
            swT += t;
            sxT += t * xi;
            swC += c;
            sxC += c * xi;
            swTm += wt;
            sxTm += wt * xi;
            swCm += wc;
            sxCm += wc * xi;
        }
        if (!(big <= 1e300) || swT == 0 || swC == 0 || swTm == 0 || swCm == 0) {
            boolean[] c = new boolean[x.length];
            boolean[] tm = new boolean[x.length];
            boolean[] cm = new boolean[x.length];
            for (int i = 0; i < x.length; i++) {
                c[i] = !treated[i];
                tm[i] = treated[i] && wm[i] > 0;
                cm[i] = c[i] && wm[i] > 0;
            }
            return new Moments[] {of(x, treated, null), of(x, c, null), of(x, tm, wm), of(x, cm, wm)};
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
            double t = treated[i] ? 1.0 : 0.0;
            double c = 1.0 - t;
            double wt = wm[i] * t;
            double wc = wm[i] * c;
            double dT = xi - mT;
            double dC = xi - mC;
            double eT = xi - mTm;
            double eC = xi - mCm;
            ssT += t * dT * dT;
            ssC += c * dC * dC;
            ssTm += wt * eT * eT;
            ssCm += wc * eC * eC;
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
