package org.reprise.estimate.balance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.FDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;
import org.reprise.UserError;
import org.reprise.estimate.BinaryChoice;

/**
 * Stata's pstest (4.2.2, read from pstest.ado) on a 14-row example, every number recomputed here by plain loops:
 * means and variances by definition, the t-tests by solving the weighted normal equations of
 * regress x treat [iw=w] (df = floor(sum of weights) - 2, Stata's iweight rule), and the joint test from the
 * closed form of a probit on one dummy (fitted probabilities = weighted cell shares). Tolerance: 1e-10 relative for
 * the moment-based numbers, 1e-7 relative for the probit-based ones (Newton converges to ~1e-10 in the coefficients).
 */
class PstestHandTest {
    // rows 0-5 treated (row 5 off support), rows 6-13 controls
    static final boolean[] T = {true, true, true, true, true, true, false, false, false, false, false, false, false,
        false};
    static final double[] D = {1, 0, 1, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 0};
    static final double[] Z = {3.2, 1.5, 4.1, 2.7, 5.0, 9.9, 1.1, 2.0, 0.7, 3.9, 2.2, 1.8, 0.4, 4.4};
    static final boolean[] SUP = {true, true, true, true, true, false, true, true, true, true, true, true, true,
        true};
    static final double[] W = {1, 1, 1, 1, 1, 1, 2, 1, 0, 0.5, 0.5, 1, Double.NaN, 0};

    @Test
    void rowsMatchHandComputation() {
        BalanceTable r = Balance.pstest(new double[][] {D, Z}, new String[] {"d", "z"}, T, W, SUP,
                BinaryChoice.Link.PROBIT);
        double[] wm = matchedWeights(W);
        for (int j = 0; j < 2; j++) {
            double[] v = j == 0 ? D : Z;
            BalanceRow row = r.rows().get(j);
            double m1 = mean(v, T, true, null);
            double m0 = mean(v, T, false, null);
            double s1 = var(v, T, true, null);
            double s0 = var(v, T, false, null);
            double sd = Math.sqrt((s1 + s0) / 2);
            close(m1, row.meanTreatedU(), 1e-12);
            close(m0, row.meanControlU(), 1e-12);
            close(100 * (m1 - m0) / sd, row.biasU(), 1e-10);
            double mm1 = mean(v, T, true, wm);
            double mm0 = mean(v, T, false, wm);
            close(mm1, row.meanTreatedM(), 1e-12);
            close(mm0, row.meanControlM(), 1e-12);
            close(100 * (mm1 - mm0) / sd, row.biasM(), 1e-10);
            close(100 * (1 - Math.abs(mm1 - mm0) / Math.abs(m1 - m0)), row.reductionPct(), 1e-10);
            double[] tu = regressT(v, null, 14 - 2);
            close(tu[0], row.tU(), 1e-10);
            close(tu[1], row.pU(), 1e-9);
            double[] tm = regressT(v, wm, 10 - 2); // sum of matched weights = 5 treated + 5 = 10
            close(tm[0], row.tM(), 1e-10);
            close(tm[1], row.pM(), 1e-9);
            if (j == 0) {
                assertTrue(row.binary());
                assertTrue(Double.isNaN(row.varRatioU()));
            } else {
                assertFalse(row.binary());
                close(s1 / s0, row.varRatioU(), 1e-10);
                close(var(v, T, true, wm) / var(v, T, false, wm), row.varRatioM(), 1e-10);
            }
        }
        BalanceJoint u = r.unmatched();
        double b0 = Math.abs(r.rows().get(0).biasU());
        double b1 = Math.abs(r.rows().get(1).biasU());
        close((b0 + b1) / 2, u.meanBias(), 1e-12);
        close((b0 + b1) / 2, u.medianBias(), 1e-12); // two covariates: median = mean of both
        assertEquals(5, r.nTreatedMatched());
        assertEquals(5, r.nControlsMatched());
        close(10, r.sumWeightsMatched(), 1e-15);
        // F bounds: 6 treated before, 5 on support
        close(new FDistribution(5, 5).inverseCumulativeProbability(0.025), u.varRatioLow(), 1e-12);
        close(new FDistribution(4, 4).inverseCumulativeProbability(0.975), r.matched().varRatioHigh(), 1e-12);
    }

    @Test
    void nonIntegerWeightSumUsesStataIweightN() {
        double[] w = W.clone();
        w[10] = 0.25; // sum of matched weights 9.75: Stata's regress posts N = 9, df_r = 7
        BalanceTable r = Balance.pstest(new double[][] {Z}, new String[] {"z"}, T, w, SUP, BinaryChoice.Link.PROBIT);
        double[] tm = regressT(Z, matchedWeights(w), 9 - 2);
        close(tm[0], r.rows().get(0).tM(), 1e-10);
        close(tm[1], r.rows().get(0).pM(), 1e-9);
    }

    @Test
    void jointTestMatchesClosedFormProbitOnOneDummy() {
        BalanceTable r = Balance.pstest(new double[][] {D}, new String[] {"d"}, T, W, SUP, BinaryChoice.Link.PROBIT);
        checkJoint(r.unmatched(), null);
        checkJoint(r.matched(), matchedWeights(W));
        // one covariate: Rubin's B is the covariate's own bias before matching (the index is affine in d)
        double slopeSign = Math.signum(r.unmatched().rubinB()) * Math.signum(r.rows().get(0).biasU());
        assertEquals(1.0, slopeSign);
        close(Math.abs(r.rows().get(0).biasU()), Math.abs(r.unmatched().rubinB()), 1e-7);
    }

    @Test
    void unitWeightsGiveIdenticalRowsBeforeAndAfter() {
        double[] ones = new double[14];
        java.util.Arrays.fill(ones, 1.0);
        BalanceTable r = Balance.pstest(new double[][] {D, Z}, new String[] {"d", "z"}, T, ones, null,
                BinaryChoice.Link.LOGIT);
        for (BalanceRow row : r.rows()) {
            close(row.biasU(), row.biasM(), 1e-12);
            close(row.tU(), row.tM(), 1e-12);
            close(row.pU(), row.pM(), 1e-12);
        }
        close(r.unmatched().lrChi2(), r.matched().lrChi2(), 1e-9);
        close(r.unmatched().rubinB(), r.matched().rubinB(), 1e-9);
    }

    @Test
    void badInputIsAUserError() {
        double[] z = Z.clone();
        z[3] = Double.NaN;
        UserError e = assertThrows(UserError.class, () -> Balance.pstest(new double[][] {z}, new String[] {"z"}, T, W,
                SUP, null));
        assertTrue(e.getMessage().contains("covariate z") && e.getMessage().contains("observation 4"));
        double[] none = new double[14];
        for (int i = 0; i < 6; i++) {
            none[i] = 1;
        }
        assertThrows(UserError.class, () -> Balance.pstest(new double[][] {Z}, new String[] {"z"}, T, none, SUP,
                null));
    }

    private static void checkJoint(BalanceJoint j, double[] w) {
        double[][] cell = new double[2][2]; // [d][treated] summed weights
        for (int i = 0; i < 14; i++) {
            double wi = w == null ? 1 : w[i];
            cell[(int) D[i]][T[i] ? 1 : 0] += wi;
        }
        double ll = 0;
        double w1 = 0;
        double w0 = 0;
        double[] p = new double[2];
        for (int d = 0; d < 2; d++) {
            p[d] = cell[d][1] / (cell[d][0] + cell[d][1]);
            ll += cell[d][1] * Math.log(p[d]) + cell[d][0] * Math.log(1 - p[d]);
            w1 += cell[d][1];
            w0 += cell[d][0];
        }
        double pbar = w1 / (w1 + w0);
        double ll0 = w1 * Math.log(pbar) + w0 * Math.log(1 - pbar);
        double lr = 2 * (ll - ll0);
        close(lr, j.lrChi2(), 1e-7);
        close(1 - ll / ll0, j.pseudoR2(), 1e-7);
        close(1 - new ChiSquaredDistribution(1).cumulativeProbability(lr), j.pChi2(), 1e-7);
        assertEquals(1, j.lrDf());
        NormalDistribution nd = new NormalDistribution();
        double[] index = new double[14];
        for (int i = 0; i < 14; i++) {
            index[i] = nd.inverseCumulativeProbability(p[(int) D[i]]);
        }
        double[] ww = w;
        double m1 = mean(index, T, true, ww);
        double m0 = mean(index, T, false, ww);
        double v1 = var(index, T, true, ww);
        double v0 = var(index, T, false, ww);
        close(100 * (m1 - m0) / Math.sqrt((v1 + v0) / 2), j.rubinB(), 1e-7);
        close(v1 / v0, j.rubinR(), 1e-7);
    }

    /** pstest's weights: treated = support flag, controls = _weight (missing = 0). */
    static double[] matchedWeights(double[] w) {
        double[] out = new double[14];
        for (int i = 0; i < 14; i++) {
            out[i] = T[i] ? (SUP[i] ? 1 : 0) : (Double.isNaN(w[i]) ? 0 : w[i]);
        }
        return out;
    }

    static double mean(double[] v, boolean[] t, boolean g, double[] w) {
        double s = 0;
        double sw = 0;
        for (int i = 0; i < v.length; i++) {
            double wi = w == null ? 1 : w[i];
            if (t[i] == g) {
                s += wi * v[i];
                sw += wi;
            }
        }
        return s / sw;
    }

    /** summarize [iw=w]: sum w (x - mean)^2 / (sum w - 1). */
    static double var(double[] v, boolean[] t, boolean g, double[] w) {
        double m = mean(v, t, g, w);
        double s = 0;
        double sw = 0;
        for (int i = 0; i < v.length; i++) {
            double wi = w == null ? 1 : w[i];
            if (t[i] == g) {
                s += wi * (v[i] - m) * (v[i] - m);
                sw += wi;
            }
        }
        return s / (sw - 1);
    }

    /** Weighted least squares of v on (1, treat) by the 2x2 normal equations; returns {t, p}. */
    static double[] regressT(double[] v, double[] w, int df) {
        double a = 0;
        double b = 0;
        double c = 0;
        double y0 = 0;
        double y1 = 0;
        for (int i = 0; i < v.length; i++) {
            double wi = w == null ? 1 : w[i];
            double t = T[i] ? 1 : 0;
            a += wi;
            b += wi * t;
            c += wi * t * t;
            y0 += wi * v[i];
            y1 += wi * t * v[i];
        }
        double det = a * c - b * b;
        double b0 = (c * y0 - b * y1) / det;
        double b1 = (a * y1 - b * y0) / det;
        double rss = 0;
        for (int i = 0; i < v.length; i++) {
            double wi = w == null ? 1 : w[i];
            double e = v[i] - b0 - b1 * (T[i] ? 1 : 0);
            rss += wi * e * e;
        }
        double s2 = rss / df;
        double se = Math.sqrt(s2 * a / det);
        double t = b1 / se;
        return new double[] {t, 2 * new TDistribution(df).cumulativeProbability(-Math.abs(t))};
    }

    static void close(double expected, double actual, double rel) {
        assertEquals(expected, actual, rel * Math.max(1, Math.abs(expected)));
    }
}
