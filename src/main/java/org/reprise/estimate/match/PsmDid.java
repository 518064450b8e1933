package org.reprise.estimate.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;
import org.reprise.UserError;
import org.reprise.estimate.BinaryFit;

/**
 * Two-period difference in differences exactly as Stata's user-written {@code diff} 5.0.1 (Villa 2016, Stata
 * Journal 16(1)) computes it, with or without its kernel propensity-score matching ({@code kernel id()}).
 * Every rule, with its source, is in docs/matching.md, "PSM-DID (diff, kernel)". In short: the score is a probit
 * (or logit) of treatment on the covariates at baseline; kernel weights of the baseline controls come from diff's
 * psmatch2-style loop over the treated; a control's follow-up row takes its baseline weight (by id); treated rows
 * weigh 1; then y is regressed on post, treated and post#treated with those analytic weights, rows of weight 0
 * dropped; the table's entries are linear combinations of the coefficients.
 */
public final class PsmDid {
    /** Term names of the DID regression, in regress's order ({@code _cons} last). */
    public static final String POST = "post";
    public static final String TREATED = "treated";
    public static final String DID = "post#treated";

    private PsmDid() {
    }

    /**
     * @param y          outcome per row, finite (drop rows with a missing outcome first: diff's sample excludes them
     *                   the same way)
     * @param treated    treatment group per row, constant within a unit
     * @param post       false = baseline (period 0), true = follow-up (period 1)
     * @param id         unit id code per row, unique within a period; treated units are visited in ascending code
     *                   order (diff's {@code gsort -treated period id})
     * @param covariates covariates[j][i] (column-major) for the score (kernel) or as regressors (no kernel); only
     *                   baseline rows are read with kernel, where NaN means the row has no score
     * @param covNames   one name per covariate column
     * @param spec       the options
     */
    public static PsmDidResult estimate(double[] y, boolean[] treated, boolean[] post, int[] id,
                                        double[][] covariates, String[] covNames, PsmDidSpec spec) {
        return estimate(y, treated, post, id, covariates, covNames, spec, null);
    }

    /** As above, with cluster codes per row for {@link PsmDidSpec.Se#CLUSTER} (null = cluster by id). */
    public static PsmDidResult estimate(double[] y, boolean[] treated, boolean[] post, int[] id,
                                        double[][] covariates, String[] covNames, PsmDidSpec spec, int[] cluster) {
        double[][] cov = covariates == null ? new double[0][] : covariates;
        String[] names = covNames == null ? new String[0] : covNames;
        if (names.length != cov.length) {
            throw new UserError("psm-did: " + cov.length + " covariate columns but " + names.length
                    + " covariate names; give one name per column.");
        }
        return run(y, treated, post, id, cov, names, null, spec, cluster);
    }

    /**
     * diff's {@code pscore()}: the score is supplied, not estimated. Baseline values are matched on; with
     * {@code support}, a follow-up row uses its own value if finite, else its unit's baseline value.
     */
    public static PsmDidResult estimateWithScore(double[] y, boolean[] treated, boolean[] post, int[] id,
                                                 double[] score, PsmDidSpec spec, int[] cluster) {
        if (score == null) {
            throw new UserError("psm-did: no propensity score was supplied.");
        }
        if (spec != null && !spec.kernel()) {
            throw new UserError("psm-did: a supplied propensity score needs kernel matching; set kernel true.");
        }
        return run(y, treated, post, id, new double[0][], new String[0], score, spec, cluster);
    }

    private static PsmDidResult run(double[] y, boolean[] treated, boolean[] post, int[] id, double[][] cov,
                                    String[] covNames, double[] supplied, PsmDidSpec spec, int[] cluster) {
        if (spec == null) {
            throw new UserError("psm-did: no options were given.");
        }
        spec.validate();
        int n = checkShapes(y, treated, post, id, cov, supplied, cluster);
        // the plain DID (diff without kernel) never reads the id: diff's regression is on the pooled rows
        PsmDidPanel panel = spec.kernel() ? PsmDidPanel.of(treated, post, id) : null;
        List<String> notes = new ArrayList<>(panel == null ? List.of() : panel.notes());
        double[] weight = new double[n];
        boolean[] support = new boolean[n];
        Arrays.fill(support, true);
        double[] score = null;
        BinaryFit scoreFit = null;
        int tOff = 0;
        int cOff = 0;
        int tNoMatch = 0;
        int cMatched = 0;
        if (!spec.kernel()) {
            Arrays.fill(weight, 1.0);
        } else {
            if (supplied == null && cov.length == 0) {
                throw new UserError("psm-did: kernel matching needs covariates for the propensity score (diff's "
                        + "cov()) or a supplied score; none were given.");
            }
            score = new double[n];
            Arrays.fill(score, Double.NaN);
            if (supplied != null) {
                System.arraycopy(supplied, 0, score, 0, n);
            } else {
                scoreFit = PsmDidScore.fit(treated, post, cov, covNames, spec, score, notes);
            }
            if (spec.support()) {
                PsmDidScore.commonSupport(score, treated, post, panel, support);
            }
            List<Integer> targets = new ArrayList<>();
            List<Integer> pool = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (post[i] || !support[i]) {
                    if (!post[i] && !support[i]) {
                        if (treated[i]) {
                            tOff++;
                        } else {
                            cOff++;
                        }
                    }
                    continue;
                }
                if (treated[i]) {
                    targets.add(i);
                } else if (Double.isFinite(score[i])) {
                    pool.add(i);
                }
            }
            if (targets.isEmpty() || pool.isEmpty()) {
                throw new UserError("psm-did: at baseline there are " + targets.size() + " treated and "
                        + pool.size() + " control rows with a propensity score" + (spec.support() ? " on the "
                        + "common support" : "") + "; kernel matching needs at least one of each. Check the "
                        + "treatment and period variables, the covariates and the sample restriction.");
            }
            targets.sort((a, b) -> Integer.compare(id[a], id[b]));
            PsmDidWeights.Out w = PsmDidWeights.compute(score, toArray(targets), toArray(pool),
                    spec.kernelType(), spec.bandwidth(), spec.stataFloat());
            tNoMatch = w.targetsWithoutMatch();
            for (int i = 0; i < n; i++) {
                if (treated[i]) {
                    weight[i] = support[i] ? 1.0 : 0.0;
                } else if (!post[i]) {
                    weight[i] = w.weight()[i];
                    if (weight[i] > 0) {
                        cMatched++;
                    }
                } else {
                    int b = panel.baselineRow(i);
                    weight[i] = b >= 0 ? w.weight()[b] : Double.NaN;
                }
            }
            if (tNoMatch > 0) {
                notes.add(tNoMatch + " treated unit(s) found no control inside the kernel bandwidth (or have no "
                        + "score); as in diff they stay in the regression with weight 1.");
            }
        }
        boolean[] used = new boolean[n];
        for (int i = 0; i < n; i++) {
            used[i] = support[i] && weight[i] > 0;
            if (!used[i]) {
                weight[i] = 0;
            }
        }
        PsmDidRegression.Out r = PsmDidRegression.fit(y, treated, post, id, spec.kernel() ? new double[0][] : cov,
                spec.kernel() ? new String[0] : covNames, weight, used, spec, cluster);
        int[] c = r.cells();
        return new PsmDidResult(r.before(), r.after(), r.did(), r.n(), c[0], c[1], c[2], c[3], r.r2(), r.df(),
                weight, used, score, support, scoreFit, tOff, cOff, tNoMatch, cMatched, r.fit(), r.vcov(),
                List.copyOf(notes));
    }

    private static int[] toArray(List<Integer> l) {
        int[] a = new int[l.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = l.get(i);
        }
        return a;
    }

    private static int checkShapes(double[] y, boolean[] treated, boolean[] post, int[] id, double[][] cov,
                                   double[] supplied, int[] cluster) {
        if (y == null || treated == null || post == null || id == null) {
            throw new UserError("psm-did: the outcome, treatment, period and id variables are all required.");
        }
        int n = y.length;
        if (treated.length != n || post.length != n || id.length != n) {
            throw new UserError("psm-did: the outcome has " + n + " rows but treatment, period and id have "
                    + treated.length + ", " + post.length + " and " + id.length + "; all must come from the same rows.");
        }
        for (int j = 0; j < cov.length; j++) {
            if (cov[j] == null || cov[j].length != n) {
                throw new UserError("psm-did: covariate column " + (j + 1) + " does not have " + n + " rows.");
            }
        }
        if (supplied != null && supplied.length != n) {
            throw new UserError("psm-did: the supplied score has " + supplied.length + " rows, not " + n + ".");
        }
        if (cluster != null && cluster.length != n) {
            throw new UserError("psm-did: the cluster variable has " + cluster.length + " rows, not " + n + ".");
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(y[i])) {
                throw new UserError("psm-did: the outcome is missing or not finite at observation " + (i + 1)
                        + "; drop rows with a missing outcome first (diff leaves them out the same way).");
            }
        }
        return n;
    }

    /** Student-t two-sided p-value; df infinite = normal. */
    static double pValue(double t, double df) {
        if (!Double.isFinite(t)) {
            return Double.NaN;
        }
        if (Double.isInfinite(df)) {
            return 2 * new org.apache.commons.math3.distribution.NormalDistribution(null, 0, 1)
                    .cumulativeProbability(-Math.abs(t));
        }
        if (!(df > 0)) {
            return Double.NaN;
        }
        return 2 * new TDistribution(null, df).cumulativeProbability(-Math.abs(t));
    }
}
