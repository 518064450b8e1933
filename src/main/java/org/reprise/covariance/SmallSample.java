package org.reprise.covariance;

/**
 * The small-sample correction of robust and clustered covariances, as a value (the idea of fixest's {@code ssc()}).
 *
 * <p>With G clusters (G = n for heteroskedasticity-robust HC1, every observation its own cluster), n observations,
 * k kept parameters and a absorbed fixed-effect parameters, the sandwich is multiplied by
 * <pre>
 *   [G/(G-1)]        if clusterAdj
 * x [(n-1)/(n-K)]    if dofAdj, with K = k (fixefK NONE) or k + a (fixefK FULL)
 * </pre>
 * Stata's rules are the presets: {@link #stata()} gives regress's HC1 n/(n-k) and its cluster factor
 * G/(G-1)(n-1)/(n-k), and xtreg, fe's cluster factor G/(G-1)(n-1)/(n-k) with k counting the slopes and _cons but not
 * the absorbed group means (xtreg requires the panels to be nested in the clusters, so they cost no cluster
 * degrees of freedom); {@link #areg()} counts the absorbed parameters as areg does; {@link #stataMl()} is probit's
 * and logit's: G/(G-1) only, so {@code vce(robust)} is HC0 times n/(n-1); {@link #none()} applies nothing.
 * HC0, HC2 and HC3 never take a factor; classical covariances use the fit's own residual degrees of freedom.
 *
 * @param clusterAdj multiply by G/(G-1)
 * @param dofAdj     multiply by (n-1)/(n-K)
 * @param fixefK     whether absorbed fixed-effect parameters count in K
 */
public record SmallSample(boolean clusterAdj, boolean dofAdj, FixefK fixefK) {

    /** Whether absorbed fixed effects count as parameters in the (n-1)/(n-K) factor. */
    public enum FixefK {
        /** Not counted (xtreg, fe; reghdfe when the fixed effects are nested in the clusters). */
        NONE,
        /** Counted (areg; dummy-variable regression). */
        FULL
    }

    public SmallSample {
        if (fixefK == null) {
            throw new IllegalArgumentException("fixefK is required");
        }
    }

    /** Stata's least-squares convention (regress, xtreg fe). */
    public static SmallSample stata() {
        return new SmallSample(true, true, FixefK.NONE);
    }

    /** Stata's areg: absorbed parameters counted in K. */
    public static SmallSample areg() {
        return new SmallSample(true, true, FixefK.FULL);
    }

    /** Stata's maximum-likelihood convention (probit, logit): G/(G-1) only. */
    public static SmallSample stataMl() {
        return new SmallSample(true, false, FixefK.NONE);
    }

    /** No correction: HC1 becomes HC0, clusters the plain sum of outer products. */
    public static SmallSample none() {
        return new SmallSample(false, false, FixefK.NONE);
    }

    /** Stata's convention for this kind of fit: {@link #stataMl()} for asymptotic fits, else {@link #stata()}. */
    public static SmallSample defaultFor(Scored fit) {
        return fit.asymptotic() ? stataMl() : stata();
    }

    /** The multiplier for g clusters (g = n for HC1), n observations, k kept and absorbed absorbed parameters. */
    public double factor(int g, int n, int k, int absorbed) {
        double f = 1.0;
        if (clusterAdj) {
            f *= (double) g / (g - 1);
        }
        if (dofAdj) {
            int kk = k + (fixefK == FixefK.FULL ? absorbed : 0);
            f *= (double) (n - 1) / (n - kk);
        }
        return f;
    }

    /** Short text for table notes, e.g. "G/(G-1)(N-1)/(N-K)". */
    public String describe() {
        if (!clusterAdj && !dofAdj) {
            return "no small-sample correction";
        }
        String k = fixefK == FixefK.FULL ? "N-K-A" : "N-K";
        if (clusterAdj && dofAdj) {
            return "G/(G-1)(N-1)/(" + k + ")";
        }
        return clusterAdj ? "G/(G-1)" : "(N-1)/(" + k + ")";
    }
}
