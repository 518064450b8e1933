package org.reprise.estimate.balance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.FDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.reprise.UserError;
import org.reprise.estimate.BinaryChoice;
import org.reprise.estimate.BinaryFit;

/**
 * Covariate balance before and after matching.
 *
 * <p>{@link #pstest} reproduces Stata's {@code pstest varlist, both} (psmatch2 package, pstest 4.2.2 of
 * 25apr2017, Leuven and Sianesi), ATT mode; {@link #smd} gives MatchIt's standardised mean differences. Every
 * formula and the Stata command it mirrors are listed in docs/matching.md, section "Balance".
 */
public final class Balance {
    private Balance() {
    }

    /**
     * Stata's {@code pstest, both} after psmatch2 (ATT).
     *
     * @param x        covariates, column-major x[j][i]; finite
     * @param names    one name per covariate
     * @param treated  treatment indicator per observation
     * @param weight   psmatch2's {@code _weight} per observation: controls' matching weights, 0 or NaN for controls
     *                 not used (psmatch2's missing). As in pstest, the treated's weights are replaced by their
     *                 support flag (1 on support, 0 off). For a "before matching only" table pass all ones.
     * @param support  psmatch2's {@code _support} per observation (null = all on support)
     * @param link     the score model for the joint test and Rubin's B and R; pstest always uses PROBIT
     * @throws UserError for inconsistent lengths, non-finite covariates, negative weights, an empty group or a
     *                   score model that cannot be fitted
     */
    public static BalanceTable pstest(double[][] x, String[] names, boolean[] treated, double[] weight,
                                      boolean[] support, BinaryChoice.Link link) {
        return pstest(x, names, treated, weight, support, link, null);
    }

    /**
     * As {@link #pstest(double[][], String[], boolean[], double[], boolean[], BinaryChoice.Link)}, with the
     * unweighted fit of the treatment on the covariates and {@code _cons} (last) on all rows when the caller already
     * has it (a matching analysis's score model on the same covariates and link): that fit is the one pstest would
     * compute before matching, and is not computed again. Null to compute it.
     */
    public static BalanceTable pstest(double[][] x, String[] names, boolean[] treated, double[] weight,
                                      boolean[] support, BinaryChoice.Link link, BinaryFit before) {
        return pstest(x, names, treated, weight, support, link, before, null);
    }

    /** pstest and MatchIt's SMDs of the same rows: the SMDs of the score (first, MatchIt's "distance") and x. */
    public record Both(BalanceTable pstest, List<SmdRow> smd) {
    }

    /**
     * {@link #pstest(double[][], String[], boolean[], double[], boolean[], BinaryChoice.Link, BinaryFit)} of x and
     * {@link #smd} of the score and x (named {@code scoreName}), computing each column's group moments once for
     * both. Errors as of pstest, then smd.
     */
    public static Both pstestAndSmd(double[] score, String scoreName, double[][] x, String[] names, boolean[] treated,
                                    double[] weight, boolean[] support, BinaryChoice.Link link, BinaryFit before) {
        double[][] all = new double[x.length + 1][];
        all[0] = score;
        System.arraycopy(x, 0, all, 1, x.length);
        String[] allNames = new String[names.length + 1];
        allNames[0] = scoreName;
        System.arraycopy(names, 0, allNames, 1, names.length);
        validate(x, names, treated, weight, support);
        // (a score of another length is left to smd's own check, after pstest's, as when both are called)
        Moments[][] m = score.length != treated.length ? null
                : moments(all, treated, matchedWeights(treated, weight, support));
        BalanceTable t = pstest(x, names, treated, weight, support, link, before,
                m == null ? null : Arrays.copyOfRange(m, 1, m.length));
        return new Both(t, smd(all, allNames, treated, weight, support, m));
    }

    /** psmatch2's weights as pstest uses them: the treated's support flag (1/0), controls' weight if &gt; 0, else 0. */
    private static double[] matchedWeights(boolean[] treated, double[] weight, boolean[] support) {
        double[] wm = new double[treated.length];
        for (int i = 0; i < wm.length; i++) {
            boolean sup = support == null || support[i];
            wm[i] = treated[i] ? (sup ? 1.0 : 0.0) : (sup && weight[i] > 0 ? weight[i] : 0.0);
        }
        return wm;
    }

    /** Each column's four group moments ({@link Moments#groups}), columns in parallel on large samples. */
    private static Moments[][] moments(double[][] x, boolean[] treated, double[] wm) {
        Moments[][] m = new Moments[x.length][];
        java.util.stream.IntStream range = java.util.stream.IntStream.range(0, x.length);
        (treated.length >= 1 << 16 ? range.parallel() : range).forEach(j -> m[j] = Moments.groups(x[j], treated, wm));
        return m;
    }

    private static BalanceTable pstest(double[][] x, String[] names, boolean[] treated, double[] weight,
                                       boolean[] support, BinaryChoice.Link link, BinaryFit before,
                                       Moments[][] given) {
        // validated by pstestAndSmd when it passes the moments
        int n = given != null ? treated.length : validate(x, names, treated, weight, support);
        BinaryChoice.Link model = link == null ? BinaryChoice.Link.PROBIT : link;
        boolean[] isT = treated.clone();
        boolean[] isC = new boolean[n];
        double[] wm = new double[n];
        boolean[] inM = new boolean[n];
        int n1 = 0;
        int n1m = 0;
        int n0m = 0;
        double sumWm = 0;
        for (int i = 0; i < n; i++) {
            isC[i] = !treated[i];
            boolean sup = support == null || support[i];
            double w = treated[i] ? (sup ? 1.0 : 0.0) : (sup && weight[i] > 0 ? weight[i] : 0.0);
            wm[i] = w;
            inM[i] = w > 0;
            if (treated[i]) {
                n1++;
            }
            if (inM[i]) {
                sumWm += w;
                if (treated[i]) {
                    n1m++;
                } else {
                    n0m++;
                }
            }
        }
        int n0 = n - n1;
        if (n1 < 2 || n0 < 2) {
            throw new UserError("balance test: the sample has " + n1 + " treated and " + n0 + " control observations;"
                    + " pstest needs at least two of each. Check the treatment variable and the sample filters.");
        }
        if (n1m == 0 || n0m == 0) {
            throw new UserError("balance test: the matched sample has " + n1m + " treated on support and " + n0m
                    + " controls with a positive matching weight; nothing was matched, so balance after matching"
                    + " cannot be assessed. Check the matching options (caliper, common support).");
        }
        double nIw = stataIweightN(sumWm);
        TDistribution tdU = new TDistribution(n - 2);
        TDistribution tdM = nIw > 2 ? new TDistribution(nIw - 2) : null;
        double[] fU = fBounds(n1);
        double[] fM = fBounds(n1m);

        List<BalanceRow> rows = new ArrayList<>();
        double[] absU = new double[x.length];
        double[] absM = new double[x.length];
        int continuous = 0;
        int outsideU = 0;
        int outsideM = 0;
        // each covariate's four group moments (independent sums over the rows in order)
        Moments[][] moments = given != null ? given : moments(x, isT, wm);
        for (int j = 0; j < x.length; j++) {
            double[] v = x[j];
            Moments t1 = moments[j][0];
            Moments c1 = moments[j][1];
            Moments t2 = moments[j][2];
            Moments c2 = moments[j][3];
            double sd = Math.sqrt((t1.var() + c1.var()) / 2);
            double biasU = 100 * (t1.mean() - c1.mean()) / sd;
            double biasM = 100 * (t2.mean() - c2.mean()) / sd;
            double reduction = biasU == 0 ? Double.NaN : 100 * (1 - Math.abs(biasM) / Math.abs(biasU));
            double[] testU = tTest(t1, c1, n - 2, tdU);
            double[] testM = tTest(t2, c2, nIw - 2, tdM);
            boolean binary = isBinary(v);
            double vrU = Double.NaN;
            double vrM = Double.NaN;
            boolean flagU = false;
            boolean flagM = false;
            if (!binary) {
                continuous++;
                vrU = t1.var() / c1.var();
                vrM = t2.var() / c2.var();
                // pstest: ratio > Fhigh | ratio < Flow; a missing ratio (Stata's missing is +inf) is flagged too
                flagU = outside(vrU, fU);
                flagM = outside(vrM, fM);
                outsideU += flagU ? 1 : 0;
                outsideM += flagM ? 1 : 0;
            }
            absU[j] = Math.abs(biasU);
            absM[j] = Math.abs(biasM);
            rows.add(new BalanceRow(names[j], binary, t1.mean(), c1.mean(), biasU, testU[0], testU[1], vrU,
                    t2.mean(), c2.mean(), biasM, reduction, testM[0], testM[1], vrM, flagU, flagM));
        }

        BinaryFit fitU = sameModel(before, model, names, n) ? before
                : fitScore(model, x, names, treated, null, "before matching");
        BalanceJoint u = joint(fitU, isT, isC, null, absU, continuous, outsideU, fU);
        // after matching: the weighted probit on the matched rows only (weight > 0), which is all the weighted fit
        // uses; the sums run over the same rows in the same order as over all rows with zero weights elsewhere
        int[] matched = new int[n1m + n0m];
        for (int i = 0, r = 0; i < n; i++) {
            if (inM[i]) {
                matched[r++] = i;
            }
        }
        double[][] xm = new double[x.length][];
        for (int j = 0; j < x.length; j++) {
            xm[j] = pick(x[j], matched);
        }
        double[] wmm = pick(wm, matched);
        boolean[] tmm = new boolean[matched.length];
        boolean[] cmm = new boolean[matched.length];
        for (int r = 0; r < matched.length; r++) {
            tmm[r] = treated[matched[r]];
            cmm[r] = !tmm[r];
        }
        BinaryFit fitM = fitScore(model, xm, names, tmm, wmm, "after matching");
        BalanceJoint m = joint(fitM, tmm, cmm, wmm, absM, continuous, outsideM, fM);
        return new BalanceTable(List.copyOf(rows), u, m, model, n1, n0, n1m, n0m, sumWm);
    }

    /**
     * MatchIt's standardised mean differences ({@code summary(matchit(...))}, "Std. Mean Diff.", estimand ATT):
     * (mean T - mean C) / s, with s the treated group's standard deviation (n - 1) in the unmatched sample, or
     * sqrt(p_T (1 - p_T)) for a 0/1 covariate; the same s before and after matching. Matched means are weighted
     * by {@code weight} (controls) and the support flag (treated), as in {@link #pstest}.
     *
     * @param weight matching weights (psmatch2's _weight, or MatchIt's weights); 0 or NaN = not matched
     * @param support support flags (null = all on support)
     */
    public static List<SmdRow> smd(double[][] x, String[] names, boolean[] treated, double[] weight,
                                   boolean[] support) {
        return smd(x, names, treated, weight, support, null);
    }

    private static List<SmdRow> smd(double[][] x, String[] names, boolean[] treated, double[] weight,
                                    boolean[] support, Moments[][] given) {
        // pstestAndSmd checked the covariates (all but the score, column 0) before pstest
        int n = given != null ? validate(new double[][] {x[0]}, new String[] {names[0]}, treated, weight, support)
                : validate(x, names, treated, weight, support);
        boolean[] isT = treated.clone();
        boolean[] isC = new boolean[n];
        double[] wm = new double[n];
        boolean[] tM = new boolean[n];
        boolean[] cM = new boolean[n];
        for (int i = 0; i < n; i++) {
            isC[i] = !treated[i];
            boolean sup = support == null || support[i];
            wm[i] = treated[i] ? (sup ? 1.0 : 0.0) : (sup && weight[i] > 0 ? weight[i] : 0.0);
            tM[i] = treated[i] && wm[i] > 0;
            cM[i] = !treated[i] && wm[i] > 0;
        }
        requireGroups(isT, isC, "standardised mean differences");
        boolean matched = any(tM) && any(cM);
        SmdRow[] out = new SmdRow[x.length];
        Moments[][] moments = given != null ? given : moments(x, isT, wm);
        for (int j = 0; j < x.length; j++) {
            Moments[] g = moments[j];
            Moments t = g[0];
            Moments c = g[1];
            boolean binary = isBinary(x[j]);
            double s = binary ? Math.sqrt(t.mean() * (1 - t.mean())) : Math.sqrt(t.var());
            double mt = Double.NaN;
            double mc = Double.NaN;
            if (matched) {
                mt = g[2].mean();
                mc = g[3].mean();
            }
            out[j] = new SmdRow(names[j], binary, t.mean(), c.mean(), (t.mean() - c.mean()) / s, mt, mc,
                    (mt - mc) / s, s);
        }
        return List.of(out);
    }

    /**
     * Stata's {@code regress x treat [iw=w]} t-test in closed form. The slope is the difference of the weighted
     * group means; the residual sum of squares is the within-group weighted sum of squares; s2 = RSS / df and
     * SE = sqrt(s2 (1/W_T + 1/W_C)). Returns {t, two-sided p}.
     */
    static double[] tTest(Moments t, Moments c, double df, TDistribution dist) {
        double diff = t.mean() - c.mean();
        if (!(df > 0) || dist == null) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double s2 = (t.ss() + c.ss()) / df;
        double se = Math.sqrt(s2 * (1 / t.sumW() + 1 / c.sumW()));
        double tt = diff / se;
        double p = Double.isFinite(tt) ? 2 * dist.cumulativeProbability(-Math.abs(tt)) : Double.NaN;
        return new double[] {tt, p};
    }

    /**
     * Stata's {@code regress} with iweights uses N = the sum of the weights rounded down to an integer (posted
     * as e(N), and used for the residual degrees of freedom). Sums within 1e-9 (relative) of an integer are taken
     * as that integer, so that floating-point summation of fractional psmatch2 weights (exactly 2 N1 in theory)
     * does not lose a whole degree of freedom.
     */
    static double stataIweightN(double sumW) {
        double r = Math.rint(sumW);
        if (Math.abs(sumW - r) <= 1e-9 * Math.max(1, Math.abs(sumW))) {
            return r;
        }
        return Math.floor(sumW);
    }

    /** Stata's median (summarize, detail p50): the middle value, or the mean of the two middle values. */
    static double median(double[] values) {
        double[] v = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        int m = v.length;
        if (m == 0) {
            return Double.NaN;
        }
        return m % 2 == 1 ? v[m / 2] : (v[m / 2 - 1] + v[m / 2]) / 2;
    }

    private static BalanceJoint joint(BinaryFit fit, boolean[] t, boolean[] c, double[] w, double[] absBias,
                                      int continuous, int outside, double[] f) {
        boolean[] tu = and(t, fit.used());
        boolean[] cu = and(c, fit.used());
        Moments it = Moments.of(fit.xb(), tu, w);
        Moments ic = Moments.of(fit.xb(), cu, w);
        double b = 100 * (it.mean() - ic.mean()) / Math.sqrt((it.var() + ic.var()) / 2);
        double r = it.var() / ic.var();
        double mean = Arrays.stream(absBias).filter(Double::isFinite).average().orElse(Double.NaN);
        double pct = continuous == 0 ? Double.NaN : 100.0 * outside / continuous;
        return new BalanceJoint(fit.pseudoR2(), fit.lrChi2(), fit.lrDf(), fit.lrP(), mean, median(absBias), b, r,
                pct, f[0], f[1]);
    }

    private static BinaryFit fitScore(BinaryChoice.Link link, double[][] x, String[] names, boolean[] treated,
                                      double[] w, String when) {
        int n = treated.length;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = treated[i] ? 1 : 0;
        }
        double[][] design = Arrays.copyOf(x, x.length + 1);
        double[] ones = new double[n];
        Arrays.fill(ones, 1.0);
        design[x.length] = ones;
        String[] dn = Arrays.copyOf(names, names.length + 1);
        dn[names.length] = BinaryChoice.CONS;
        try {
            return BinaryChoice.fit(link, y, design, dn, w);
        } catch (UserError e) {
            throw new UserError("balance test: the " + link.label() + " of the treatment on the covariates "
                    + when + " (pstest's joint test) cannot be estimated: " + e.getMessage(), e);
        }
    }

    /** Whether fit is the unweighted link fit of the treatment on exactly these covariates and _cons over n rows. */
    private static boolean sameModel(BinaryFit fit, BinaryChoice.Link link, String[] names, int n) {
        if (fit == null || fit.link() != link || fit.names().length != names.length + 1 || fit.used().length != n
                || fit.sumWeights() != fit.nobs() || !BinaryChoice.CONS.equals(fit.names()[names.length])) {
            return false;
        }
        return Arrays.equals(Arrays.copyOf(fit.names(), names.length), names);
    }

    private static double[] pick(double[] v, int[] rows) {
        double[] out = new double[rows.length];
        for (int r = 0; r < rows.length; r++) {
            out[r] = v[rows[r]];
        }
        return out;
    }

    /** pstest's flag: the variance ratio is outside [F 2.5%, F 97.5%] (or missing, which Stata compares as +inf). */
    static boolean outside(double ratio, double[] f) {
        return !(ratio >= f[0] && ratio <= f[1]);
    }

    /** F(n1 - 1, n1 - 1) quantiles at 2.5% and 97.5% (pstest's variance-ratio bounds); NaN for n1 &lt; 2. */
    private static double[] fBounds(int n1) {
        if (n1 < 2) {
            return new double[] {Double.NaN, Double.NaN};
        }
        FDistribution f = new FDistribution(n1 - 1, n1 - 1);
        return new double[] {f.inverseCumulativeProbability(0.025), f.inverseCumulativeProbability(0.975)};
    }

    static boolean isBinary(double[] v) {
        for (double d : v) {
            if (d != 0.0 && d != 1.0) {
                return false;
            }
        }
        return true;
    }

    private static boolean[] and(boolean[] a, boolean[] b) {
        boolean[] r = new boolean[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[i] && b[i];
        }
        return r;
    }

    private static boolean any(boolean[] a) {
        for (boolean b : a) {
            if (b) {
                return true;
            }
        }
        return false;
    }

    private static void requireGroups(boolean[] t, boolean[] c, String what) {
        if (!any(t) || !any(c)) {
            throw new UserError(what + ": the sample needs treated and control observations, but one group is"
                    + " empty. Check the treatment variable and the sample filters.");
        }
    }

    private static int validate(double[][] x, String[] names, boolean[] treated, double[] weight,
                                boolean[] support) {
        if (x == null || names == null || treated == null || weight == null) {
            throw new IllegalArgumentException("x, names, treated and weight are required");
        }
        if (names.length != x.length) {
            throw new IllegalArgumentException(names.length + " names for " + x.length + " covariates");
        }
        if (x.length == 0) {
            throw new UserError("balance test: no covariates were given; list the covariates of the score model.");
        }
        int n = treated.length;
        if (weight.length != n || (support != null && support.length != n)) {
            throw new UserError("balance test: treatment, weights and support must have one value per observation"
                    + " (" + n + " treatment values, " + weight.length + " weights"
                    + (support == null ? "" : ", " + support.length + " support flags") + ").");
        }
        for (int j = 0; j < x.length; j++) {
            if (x[j].length != n) {
                throw new UserError("balance test: covariate " + names[j] + " has " + x[j].length + " values for "
                        + n + " observations; every covariate needs one value per observation.");
            }
            for (int i = 0; i < n; i++) {
                if (!Double.isFinite(x[j][i])) {
                    throw new UserError("balance test: covariate " + names[j] + " is missing or not finite ("
                            + x[j][i] + ") at observation " + (i + 1) + "; drop rows with missing covariates"
                            + " before matching.");
                }
            }
        }
        for (int i = 0; i < n; i++) {
            if (weight[i] < 0 || Double.isInfinite(weight[i])) {
                throw new UserError("balance test: the matching weight of observation " + (i + 1) + " is "
                        + weight[i] + "; weights must be non-negative and finite (0 or missing = not matched).");
            }
        }
        return n;
    }
}
