package org.reprise.estimate;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.special.Gamma;
import org.reprise.UserError;

/**
 * Probit and logit by maximum likelihood, as Stata's {@code probit} and {@code logit}.
 *
 * <p>Steps: validate; drop collinear regressors (in the order given, {@code _cons} first) and regressors that
 * are 0/1 dummies predicting the outcome perfectly in one of their groups (dropping those observations), repeated
 * until nothing changes; Newton-Raphson ({@link MleNewton}) from zeros with {@code _cons} at the inverse link of
 * the sample mean; then a check for (quasi-)complete separation by other regressors, which stops with a
 * {@link UserError}. See docs/estimators.md, "Probit and logit".
 */
public final class BinaryChoice {
    /** The name that marks the intercept column. */
    public static final String CONS = "_cons";
    /** A column is collinear when its residual on the earlier kept columns has norm below this fraction of its own. */
    public static final double COLLINEARITY_TOLERANCE = 1e-7;
    /**
     * The cross-product check clears the columns only when every residual norm ratio is at least this; nearer the
     * tolerance (or for a column of zeros) the decision is left to Gram-Schmidt. See {@link #clearlyIndependent}.
     */
    static final double CROSS_PRODUCT_GUARD = 1e-3;

    /** The link function F in P(y = 1 | x) = F(x'b). */
    public enum Link {
        /** Standard normal CDF. */
        PROBIT,
        /** Logistic CDF. */
        LOGIT;

        /** "probit" or "logit". */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private BinaryChoice() {
    }

    /**
     * Fits P(y = 1 | x) = F(x'b).
     *
     * @param link    PROBIT or LOGIT
     * @param y       outcome, each value 0 or 1
     * @param x       regressors, column-major (x[j][i]); include the intercept explicitly as a column named _cons
     * @param names   one name per column of x
     * @param weights null, or one non-negative weight per observation. Each observation's log-likelihood is
     *                multiplied by its weight (frequency or importance weights: the model-based covariance from
     *                bread() is then Stata's fweight/iweight one); score(i) is the weighted contribution, so the
     *                sandwich built from the scores is Stata's pweight robust form. Rows with weight 0 are left out
     *                of the estimation sample. nobs() counts rows, not the sum of weights (see sumWeights()).
     * @throws UserError for an outcome that is not 0/1 or is constant, bad shapes or values, separation, or no
     *                   convergence
     */
    public static BinaryFit fit(Link link, double[] y, double[][] x, String[] names, double[] weights) {
        validate(link, y, x, names, weights);
        int n = y.length;
        int k = x.length;
        String model = link.label();
        boolean[] inSample = new boolean[n];
        for (int i = 0; i < n; i++) {
            inSample[i] = weights == null || weights[i] > 0;
        }
        boolean[] omitted = new boolean[k];
        List<String> notes = new ArrayList<>();
        int cons = -1;
        for (int j = 0; j < k; j++) {
            if (CONS.equals(names[j])) {
                cons = j;
            }
        }
        requireVarying(y, inSample, model, "");
        boolean changed = true;
        while (changed) {
            dropCollinear(x, names, weights, inSample, omitted, cons, notes);
            changed = dropPerfectDummies(y, x, names, inSample, omitted, cons, notes, model);
            requireVarying(y, inSample, model, " after dropping the observations that were predicted perfectly");
        }

        int[] rows = indices(inSample);
        int[] cols = indices(not(omitted));
        int m = rows.length;
        int kk = cols.length;
        // the estimation sample's design; the caller's own arrays when that is all of them (read only)
        boolean whole = m == n && kk == k;
        boolean[] yb = new boolean[m];
        double[][] xk = whole ? x : new double[kk][m];
        double[] wk = weights == null || whole ? weights : new double[m];
        double sumW = 0;
        double sumWy = 0;
        if (weights == null) {
            // the loop below adds 1.0 per row and 1.0 per success: exact counts (m < 2^53), taken in chunks here
            int[] ones = new int[BinaryChecks.chunks(m)];
            BinaryChecks.forEachChunk(m, (c, from, to) -> {
                int count = 0;
                for (int r = from; r < to; r++) {
                    yb[r] = y[rows[r]] == 1.0;
                    count += yb[r] ? 1 : 0;
                }
                ones[c] = count;
            });
            sumW = m;
            for (int count : ones) {
                sumWy += count;
            }
        } else {
            for (int r = 0; r < m; r++) {
                int i = rows[r];
                yb[r] = y[i] == 1.0;
                double wi = weights[i];
                if (!whole) {
                    wk[r] = wi;
                }
                sumW += wi;
                sumWy += yb[r] ? wi : 0;
            }
        }
        if (!whole) {
            IntStream.range(0, kk).parallel().forEach(c -> {
                double[] from = x[cols[c]];
                double[] to = xk[c];
                for (int r = 0; r < m; r++) {
                    to[r] = from[rows[r]];
                }
            });
        }
        double ybar = sumWy / sumW;
        int consPos = -1;
        for (int c = 0; c < kk; c++) {
            if (cols[c] == cons) {
                consPos = c;
            }
        }
        double[] start = new double[kk];
        if (consPos >= 0) {
            start[consPos] = link == Link.PROBIT
                    ? new NormalDistribution().inverseCumulativeProbability(ybar)
                    : Math.log(ybar / (1 - ybar));
        }

        BinaryLikelihood lik = new BinaryLikelihood(link, yb, xk, wk);
        MleResult res = MleNewton.maximize(lik, start);
        double[] beta = res.beta();
        double[] coef = new double[k];
        for (int c = 0; c < kk; c++) {
            coef[cols[c]] = beta[c];
        }
        double[] xb = new double[n];
        double[] p = new double[n];
        double[] d = res.direction();
        // every row on its own (chunks in parallel, the same sums in the same order); when the estimation sample
        // is every row and column, the separation check's x_i'd in the same pass
        double[][] range = new double[BinaryChecks.chunks(n)][];
        boolean fused = whole && d != null;
        BinaryChecks.forEachChunk(n, (ch, from, to) -> {
            double[] idx = new double[BinaryChecks.BLOCK];
            range[ch] = new double[] {0, Double.POSITIVE_INFINITY};
            for (int b0 = from; b0 < to; b0 += BinaryChecks.BLOCK) {
                int b1 = Math.min(to, b0 + BinaryChecks.BLOCK);
                BinaryChecks.indexInto(x, coef, omitted, b0, b1, idx);
                for (int r = 0; r < b1 - b0; r++) {
                    xb[b0 + r] = idx[r];
                    p[b0 + r] = BinaryLikelihood.probability(link, idx[r]);
                }
                if (fused) {
                    BinaryChecks.indexInto(x, d, null, b0, b1, idx);
                    BinaryChecks.range(yb, b0, b1, idx, range[ch]);
                }
            }
        });
        if (d != null) {
            // separation() returns null unless max |x_i'd| > 1e-3 and no q_i x_i'd < -1e-6 max: decided from the
            // range first, so that its loops run only when it may find separation
            double[] dr = fused ? BinaryChecks.combine(range) : BinaryChecks.directionRange(yb, xk, d);
            if (dr[0] > 1e-3 && !(dr[1] < -1e-6 * dr[0])) {
                String separation = separation(lik, yb, xk, d, cols, cons, names, model);
                if (separation != null) {
                    throw new UserError(separation);
                }
            }
        }
        if (!res.converged()) {
            throw new UserError("The " + model + " did not converge: " + res.problem() + " (after " + res.iterations()
                    + " iterations, log likelihood " + res.loglik() + "). Check for regressors on extreme scales"
                    + " (rescale them, e.g. income in thousands), nearly collinear regressors, or an outcome with"
                    + " very few observations of one value.");
        }

        double ll = res.loglik();
        double ll0 = consPos >= 0
                ? sumWy * Math.log(ybar) + (sumW - sumWy) * Math.log1p(-ybar)
                : sumW * Math.log(0.5);
        int lrDf = kk - (consPos >= 0 ? 1 : 0);
        double lr = 2 * (ll - ll0);
        // upper tail as Q(df/2, lr/2) directly, so that tiny p-values keep their digits
        double lrP = lrDf > 0 ? Gamma.regularizedGammaQ(lrDf / 2.0, Math.max(lr, 0) / 2.0) : Double.NaN;
        return new BinaryFit(link, names.clone(), coef, omitted, res.infoInverse(),
                new LazyScores(() -> lik.scores(beta)), ll, ll0, lr,
                lrDf, lrP, 1 - ll / ll0, xb, p, inSample, rows, m, sumW, res.iterations(), res.halvings(),
                List.copyOf(notes));
    }

    private static void validate(Link link, double[] y, double[][] x, String[] names, double[] weights) {
        if (link == null || y == null || x == null || names == null) {
            throw new IllegalArgumentException("link, y, x and names are required");
        }
        if (names.length != x.length) {
            throw new IllegalArgumentException(names.length + " names for " + x.length + " columns");
        }
        int n = y.length;
        if (n == 0) {
            throw new UserError("The " + link.label() + " has no observations: check the sample filters and missing"
                    + " values of the outcome and regressors.");
        }
        boolean shapes = weights == null || weights.length == n;
        for (double[] col : x) {
            shapes &= col.length == n;
        }
        if (shapes && BinaryChecks.valid(y, x, weights)) {
            return; // nothing for the loops below to report
        }
        for (int j = 0; j < x.length; j++) {
            if (x[j].length != n) {
                throw new IllegalArgumentException("column " + names[j] + " has " + x[j].length + " rows, not " + n);
            }
            for (int i = 0; i < n; i++) {
                if (!Double.isFinite(x[j][i])) {
                    throw new UserError("Regressor " + names[j] + " has a missing or non-finite value (" + x[j][i]
                            + ") in row " + (i + 1) + " of the estimation sample. Drop such rows or recode the"
                            + " variable before fitting the " + link.label() + ".");
                }
            }
        }
        for (int i = 0; i < n; i++) {
            if (!(y[i] == 0.0 || y[i] == 1.0)) {
                throw new UserError("The outcome of a " + link.label() + " must be coded 0/1, but row " + (i + 1)
                        + " has " + (Double.isNaN(y[i]) ? "a missing value" : "the value " + y[i]) + ". Recode it"
                        + " to 0/1 (e.g. derive a variable equal to 1 for the event of interest and 0 otherwise)"
                        + " or drop the rows where it is missing.");
            }
        }
        if (weights != null) {
            if (weights.length != n) {
                throw new IllegalArgumentException(weights.length + " weights for " + n + " observations");
            }
            for (int i = 0; i < n; i++) {
                if (!(weights[i] >= 0) || !Double.isFinite(weights[i])) {
                    throw new UserError("Weights must be finite and non-negative, but row " + (i + 1) + " has "
                            + weights[i] + ". Fix or drop that row's weight.");
                }
            }
        }
    }

    private static void requireVarying(double[] y, boolean[] inSample, String model, String when) {
        int[] counts = BinaryChecks.outcomeCounts(y, inSample);
        int zeros = counts[0];
        int ones = counts[1];
        if (ones == 0 || zeros == 0) {
            throw new UserError("The outcome of the " + model + " does not vary" + when + ": all " + (ones + zeros)
                    + " observations are " + (ones == 0 ? "0" : "1") + ". A binary model needs both outcomes;"
                    + " check the outcome's coding and the sample restrictions.");
        }
    }

    /**
     * Omits each column whose residual on the earlier kept ones (_cons first, then the given order), weighted by
     * sqrt(w) over the sample, has norm at most {@link #COLLINEARITY_TOLERANCE} times its own. Decided by one pass of
     * cross products when that clearly keeps every column, otherwise by Gram-Schmidt over the data.
     */
    private static void dropCollinear(double[][] x, String[] names, double[] weights, boolean[] inSample,
                                      boolean[] omitted, int cons, List<String> notes) {
        List<Integer> order = new ArrayList<>();
        if (cons >= 0 && !omitted[cons]) {
            order.add(cons);
        }
        for (int j = 0; j < x.length; j++) {
            if (j != cons && !omitted[j]) {
                order.add(j);
            }
        }
        if (!clearlyIndependent(x, weights, inSample, order)) {
            gramSchmidt(x, names, weights, inSample, omitted, order, notes);
        }
    }

    /**
     * True when the columns in order are all kept by the collinearity rule with a wide margin, decided from
     * G = X'WX over the sample: the Cholesky factor of G, built in the same order, gives each column's squared
     * residual norm d_j = G_jj - sum_l R_lj^2, so the ratio of norms is sqrt(d_j / G_jj). Rounding in forming G and
     * in the subtraction makes d_j uncertain by about 1e-15 G_jj (times the growth from earlier nearly collinear
     * columns), so a ratio below {@link #CROSS_PRODUCT_GUARD} (four orders of magnitude above the tolerance) or a
     * column of zeros returns false and Gram-Schmidt decides, exactly as before this check existed.
     */
    static boolean clearlyIndependent(double[][] x, double[] weights, boolean[] inSample, List<Integer> order) {
        int k = order.size();
        if (k == 0) {
            return true;
        }
        double[] w = null;
        boolean all = true;
        for (boolean b : inSample) {
            all &= b;
        }
        if (weights != null || !all) {
            w = new double[inSample.length];
            for (int i = 0; i < w.length; i++) {
                w[i] = inSample[i] ? (weights == null ? 1.0 : weights[i]) : 0.0;
            }
        }
        double[][] cols = new double[k][];
        for (int c = 0; c < k; c++) {
            cols[c] = x[order.get(c)];
        }
        double[][] g = BinaryLikelihood.crossProducts(cols, w);
        double[][] r = new double[k][k]; // upper triangle: G = R'R
        double guard2 = CROSS_PRODUCT_GUARD * CROSS_PRODUCT_GUARD;
        for (int j = 0; j < k; j++) {
            double d = g[j][j];
            if (!(d > 0) || !Double.isFinite(d)) {
                return false;
            }
            for (int l = 0; l < j; l++) {
                double s = g[l][j];
                for (int m = 0; m < l; m++) {
                    s -= r[m][l] * r[m][j];
                }
                r[l][j] = s / r[l][l];
                d -= r[l][j] * r[l][j];
            }
            if (!(d >= guard2 * g[j][j])) {
                return false;
            }
            r[j][j] = Math.sqrt(d);
        }
        return true;
    }

    /** Modified Gram-Schmidt (twice) on sqrt(w) x over the sample, in the given order. */
    private static void gramSchmidt(double[][] x, String[] names, double[] weights, boolean[] inSample,
                                    boolean[] omitted, List<Integer> order, List<String> notes) {
        int[] rows = indices(inSample);
        int m = rows.length;
        List<double[]> basis = new ArrayList<>();
        for (int j : order) {
            if (omitted[j]) {
                continue;
            }
            double[] v = new double[m];
            for (int r = 0; r < m; r++) {
                double sw = weights == null ? 1.0 : Math.sqrt(weights[rows[r]]);
                v[r] = sw * x[j][rows[r]];
            }
            double norm0 = Math.sqrt(MleNewton.dot(v, v));
            for (int pass = 0; pass < 2; pass++) {
                for (double[] q : basis) {
                    double c = MleNewton.dot(q, v);
                    for (int r = 0; r < m; r++) {
                        v[r] -= c * q[r];
                    }
                }
            }
            double norm = Math.sqrt(MleNewton.dot(v, v));
            if (norm0 == 0 || norm <= COLLINEARITY_TOLERANCE * norm0) {
                omitted[j] = true;
                notes.add("note: " + names[j] + " omitted because of collinearity");
            } else {
                for (int r = 0; r < m; r++) {
                    v[r] /= norm;
                }
                basis.add(v);
            }
        }
    }

    /**
     * Stata's rule for 0/1 regressors: if all observations in one group of a dummy have the same outcome, the dummy
     * is dropped with that group's observations. Returns true when something was dropped (at most one per call).
     */
    private static boolean dropPerfectDummies(double[] y, double[][] x, String[] names, boolean[] inSample,
                                              boolean[] omitted, int cons, List<String> notes, String model) {
        for (int j = 0; j < x.length; j++) {
            if (j == cons || omitted[j]) {
                continue;
            }
            int[] count = BinaryChecks.dummyCounts(x[j], y, inSample); // [x=0,y=0], [x=0,y=1], [x=1,y=0], [x=1,y=1]
            if (count == null || count[0] + count[1] == 0 || count[2] + count[3] == 0) {
                continue; // not a dummy, or one of its groups is empty
            }
            boolean oneConstant = count[2] == 0 || count[3] == 0;
            boolean zeroConstant = count[0] == 0 || count[1] == 0;
            if (oneConstant && zeroConstant) {
                throw new UserError("Regressor " + names[j] + " predicts the outcome of the " + model
                        + " perfectly (the outcome equals " + (count[3] > 0 ? names[j] : "1 - " + names[j])
                        + " in every observation), so the model cannot be estimated. Remove " + names[j]
                        + " from the regressors; it is the outcome in disguise.");
            }
            if (!oneConstant && !zeroConstant) {
                continue;
            }
            double group = oneConstant ? 1.0 : 0.0;
            boolean success = oneConstant ? count[3] > 0 : count[1] > 0;
            int dropped = 0;
            for (int i = 0; i < y.length; i++) {
                if (inSample[i] && x[j][i] == group) {
                    inSample[i] = false;
                    dropped++;
                }
            }
            omitted[j] = true;
            notes.add("note: " + names[j] + " != " + (oneConstant ? "0" : "1") + " predicts "
                    + (success ? "success" : "failure") + " perfectly; " + names[j] + " dropped and " + dropped
                    + " obs not used");
            return true;
        }
        return false;
    }

    /**
     * Detects (quasi-)complete separation from the direction the optimiser was still moving in: if x_i'd has the
     * sign of the outcome (q_i x_i'd &gt;= 0) for every observation and is clearly positive for some, the
     * log-likelihood keeps rising along d for ever and the estimates do not exist. Returns the message, or null.
     */
    static String separation(BinaryLikelihood lik, boolean[] y, double[][] xk, double[] d, int[] cols, int cons,
                             String[] names, String model) {
        int m = y.length;
        double[] a = new double[m];
        double maxAbs = 0;
        for (int i = 0; i < m; i++) {
            double s = lik.index(i, d);
            a[i] = y[i] ? s : -s;
            maxAbs = Math.max(maxAbs, Math.abs(s));
        }
        if (!(maxAbs > 1e-3)) {
            return null;
        }
        int failures = 0;
        int successes = 0;
        for (int i = 0; i < m; i++) {
            if (a[i] < -1e-6 * maxAbs) {
                return null;
            }
            if (a[i] > 1e-3 * maxAbs) {
                if (y[i]) {
                    successes++;
                } else {
                    failures++;
                }
            }
        }
        double[] size = new double[cols.length];
        double biggest = 0;
        for (int c = 0; c < cols.length; c++) {
            if (cols[c] == cons) {
                continue;
            }
            double range = 0;
            for (int i = 0; i < m; i++) {
                range = Math.max(range, Math.abs(xk[c][i]));
            }
            size[c] = Math.abs(d[c]) * range;
            biggest = Math.max(biggest, size[c]);
        }
        List<String> culprits = new ArrayList<>();
        for (int c = 0; c < cols.length; c++) {
            if (cols[c] != cons && size[c] >= 1e-3 * biggest && biggest > 0) {
                culprits.add(names[cols[c]]);
            }
        }
        return "The outcome of the " + model + " is perfectly predicted by " + (culprits.size() == 1
                ? "regressor " + culprits.get(0) : "a combination of regressors " + String.join(", ", culprits))
                + " (" + (culprits.size() == 1 ? "its" : "their") + " coefficients diverge; " + failures
                + " failures and " + successes + " successes are completely determined), so maximum-likelihood"
                + " estimates do not exist. Remove or coarsen " + (culprits.size() == 1 ? "it" : "them")
                + ", restrict the sample to where the outcome is not determined by " + (culprits.size() == 1
                ? "it" : "them") + ", or use a penalized (Firth) or exact method.";
    }

    private static int[] indices(boolean[] mask) {
        int c = 0;
        for (boolean b : mask) {
            c += b ? 1 : 0;
        }
        int[] out = new int[c];
        c = 0;
        for (int i = 0; i < mask.length; i++) {
            if (mask[i]) {
                out[c++] = i;
            }
        }
        return out;
    }

    private static boolean[] not(boolean[] mask) {
        boolean[] out = new boolean[mask.length];
        for (int i = 0; i < mask.length; i++) {
            out[i] = !mask[i];
        }
        return out;
    }
}
