package org.reprise.figure;

import org.reprise.UserError;

/**
 * Weighted shares in equal-width bins on [low, high]: {@code share[k]} = weight in bin k / total weight, so the
 * bars of one group sum to 1 whatever its size. Bin k is [low + k·h, low + (k+1)·h), the last bin also holds
 * {@code high}.
 */
record Histogram(double low, double high, double[] share) {

    int bins() {
        return share.length;
    }

    double start(int k) {
        return edge(low, high, share.length, k);
    }

    double end(int k) {
        return edge(low, high, share.length, k + 1);
    }

    static double edge(double low, double high, int bins, int k) {
        return low + (high - low) * k / bins;
    }

    static Histogram of(String figure, String what, double[] x, double[] w, int bins, double low, double high) {
        double[] sums = new double[bins];
        double total = 0;
        for (int i = 0; i < x.length; i++) {
            double wi = w == null ? 1.0 : w[i];
            if (wi == 0) {
                continue;
            }
            if (x[i] < low || x[i] > high) {
                throw new UserError("Figure '" + figure + "': " + what + " has the score " + x[i]
                        + " outside the histogram range [" + low + ", " + high + "]; widen the range or leave it "
                        + "unset (NaN) so it covers all scores.");
            }
            int k = Math.min(Math.max((int) Math.floor((x[i] - low) / (high - low) * bins), 0), bins - 1);
            // agree with the drawn edges when rounding put a score that sits on an edge one bin off
            while (k + 1 < bins && x[i] >= edge(low, high, bins, k + 1)) {
                k++;
            }
            while (k > 0 && x[i] < edge(low, high, bins, k)) {
                k--;
            }
            sums[k] += wi;
            total += wi;
        }
        if (!(total > 0)) {
            throw new UserError("Figure '" + figure + "': " + what + " has no observation with positive weight; "
                    + "a group must keep at least one observation to be plotted.");
        }
        for (int k = 0; k < bins; k++) {
            sums[k] /= total;
        }
        return new Histogram(low, high, sums);
    }
}
