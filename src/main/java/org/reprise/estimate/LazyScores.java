package org.reprise.estimate;

import java.util.function.Supplier;

/**
 * A fit's per-observation scores (k x N doubles), computed the first time they are asked for: most fits never need
 * them (classical standard errors, matching scores), and at 10 million rows they are a gigabyte.
 */
public final class LazyScores {
    private Supplier<double[][]> source;
    private volatile double[][] scores;

    public LazyScores(Supplier<double[][]> source) {
        this.source = source;
    }

    /** The scores, scores[j][i]. */
    public double[][] get() {
        double[][] s = scores;
        if (s != null) {
            return s;
        }
        synchronized (this) {
            if (scores == null) {
                scores = source.get();
                source = null;
            }
            return scores;
        }
    }
}
