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
        return low + (high - low) * k / share.length;
    }

    double end(int k) {
        return low + (high - low) * (k + 1) / share.length;
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
            int k = (int) Math.floor((x[i] - low) / (high - low) * bins);
            sums[Math.min(Math.max(k, 0), bins - 1)] += wi;
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
