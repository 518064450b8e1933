package org.reprise.estimate.match;

import java.util.ArrayList;
import java.util.List;
import org.reprise.UserError;
import org.reprise.estimate.BinaryChoice;
import org.reprise.estimate.BinaryFit;

/**
 * diff's propensity score and common support.
 * <ul>
 * <li>Score: {@code probit treated cov if period == 0} (or {@code logit}), then {@code predict _ps, p} on the
 *     baseline rows, including rows a perfect-prediction rule left out of the fit (Stata's predict covers them).
 *     Follow-up rows get no score. Baseline rows with a missing covariate get none either.</li>
 * <li>Support ({@code support}): each row's score, a follow-up row without one taking its unit's baseline score;
 *     on support when min(score of treated rows) &lt;= score &lt;= max(score of control rows), both periods pooled;
 *     rows without a score are off support.</li>
 * </ul>
 */
final class PsmDidScore {
    private PsmDidScore() {
    }

    /** Fits the score at baseline and writes it into {@code score} (baseline rows); returns the fit. */
    static BinaryFit fit(boolean[] treated, boolean[] post, double[][] cov, String[] names, PsmDidSpec spec,
                         double[] score, List<String> notes) {
        int n = treated.length;
        int k = cov.length;
        List<Integer> rows = new ArrayList<>();
        int missing = 0;
        int n1 = 0;
        for (int i = 0; i < n; i++) {
            if (post[i]) {
                continue;
            }
            boolean ok = true;
            for (double[] c : cov) {
                ok &= Double.isFinite(c[i]);
            }
            if (ok) {
                rows.add(i);
                if (treated[i]) {
                    n1++;
                }
            } else {
                missing++;
            }
        }
        int m = rows.size();
        if (n1 == 0 || n1 == m) {
            throw new UserError("psm-did: at baseline the propensity-score sample has " + n1 + " treated and "
                    + (m - n1) + " control rows (rows with a missing covariate left out); the " + spec.link().label()
                    + " needs both groups. Check the treatment and period variables and the covariates.");
        }
        double[] y = new double[m];
        double[][] x = new double[k + 1][m];
        String[] xn = new String[k + 1];
        for (int j = 0; j < k; j++) {
            xn[j] = names[j];
        }
        xn[k] = BinaryChoice.CONS;
        for (int r = 0; r < m; r++) {
            int i = rows.get(r);
            y[r] = treated[i] ? 1 : 0;
            for (int j = 0; j < k; j++) {
                x[j][r] = cov[j][i];
            }
            x[k][r] = 1;
        }
        BinaryFit fit = BinaryChoice.fit(spec.link(), y, x, xn, null);
        for (int r = 0; r < m; r++) {
            double p = fit.p()[r];
            score[rows.get(r)] = spec.stataFloat() ? (float) p : p;
        }
        if (missing > 0) {
            notes.add(missing + " baseline row(s) have a missing covariate and so no propensity score: as in diff, "
                    + "such controls get no weight and such treated rows keep weight 1.");
        }
        return fit;
    }

    /** diff's {@code _support}. */
    static void commonSupport(double[] score, boolean[] treated, boolean[] post, PsmDidPanel panel,
                              boolean[] support) {
        int n = score.length;
        double[] common = new double[n];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double c = score[i];
            if (!Double.isFinite(c) && post[i]) {
                int b = panel.baselineRow(i);
                c = b >= 0 ? score[b] : Double.NaN;
            }
            common[i] = c;
            if (Double.isFinite(c)) {
                if (treated[i]) {
                    min = Math.min(min, c);
                } else {
                    max = Math.max(max, c);
                }
            }
        }
        for (int i = 0; i < n; i++) {
            double c = common[i];
            support[i] = Double.isFinite(c) && c >= min && c <= max;
        }
    }
}
