package org.reprise.estimate.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;
import org.reprise.estimate.BinaryChoice;
import org.reprise.estimate.BinaryFit;
import org.reprise.estimate.match.PsmDidResult.Row;
import org.reprise.estimate.match.PsmDidSpec.Kernel;
import org.reprise.estimate.match.PsmDidSpec.Se;

/**
 * PSM-DID against {@link PsmDidBruteForce}, an independent all-pairs computation of diff's rules with the
 * regression done as explicit (X'WX)^-1 X'Wy in Commons Math. Tolerance: 1e-10 relative (1e-10 absolute floor for
 * entries near 0) on every estimate, SE and p; 1e-12 on weights. Also: the plain DID equals the 2x2 difference of
 * means with the pooled-variance SEs, and a hand-worked kernel example.
 */
class PsmDidTest {
    static final double TOL = 1e-10;

    /** A simulated two-period panel with a few units seen in one period only. */
    static final class Panel {
        final List<Double> y = new ArrayList<>();
        final List<Boolean> treated = new ArrayList<>();
        final List<Boolean> post = new ArrayList<>();
        final List<Integer> id = new ArrayList<>();
        final List<double[]> x = new ArrayList<>();
        final List<Double> score = new ArrayList<>();
        final List<Integer> cluster = new ArrayList<>();

        static Panel simulate(long seed, int units) {
            SplittableRandom r = new SplittableRandom(seed);
            NormalDistribution nd = new NormalDistribution(null, 0, 1);
            Panel p = new Panel();
            for (int u = 0; u < units; u++) {
                double x1 = gauss(r);
                double x2 = r.nextDouble() < 0.4 ? 1 : 0;
                double index = -0.2 + 0.7 * x1 - 0.5 * x2;
                boolean t = index + gauss(r) > 0;
                double y0 = 2 + x1 + 0.5 * x2 + 0.7 * (t ? 1 : 0) + gauss(r);
                double y1 = y0 + 0.3 + 1.2 * (t ? 1 : 0) + 0.5 * gauss(r);
                int uid = 1000 + 7 * ((u * 37) % units); // ids not in data order
                boolean dropBase = u % 41 == 3;
                boolean dropFollow = u % 43 == 5;
                double ps = nd.cumulativeProbability(index);
                if (u % 53 == 7) {
                    ps = Double.NaN; // a unit without a score
                }
                if (!dropBase) {
                    p.add(y0, t, false, uid, new double[] {x1, x2}, ps, u % 29);
                }
                if (!dropFollow) {
                    // follow-up covariates differ: diff never reads them with kernel
                    p.add(y1, t, true, uid, new double[] {x1 + 5, 1 - x2}, Double.NaN, u % 29);
                }
            }
            return p;
        }

        static double gauss(SplittableRandom r) {
            return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
        }

        void add(double yy, boolean t, boolean pp, int i, double[] xx, double s, int c) {
            y.add(yy);
            treated.add(t);
            post.add(pp);
            id.add(i);
            x.add(xx);
            score.add(s);
            cluster.add(c);
        }

        double[] y() {
            return y.stream().mapToDouble(Double::doubleValue).toArray();
        }

        boolean[] treated() {
            return bools(treated);
        }

        boolean[] post() {
            return bools(post);
        }

        int[] id() {
            return id.stream().mapToInt(Integer::intValue).toArray();
        }

        int[] cluster() {
            return cluster.stream().mapToInt(Integer::intValue).toArray();
        }

        double[] score() {
            return score.stream().mapToDouble(Double::doubleValue).toArray();
        }

        double[][] cov() {
            double[][] c = new double[2][x.size()];
            for (int i = 0; i < x.size(); i++) {
                c[0][i] = x.get(i)[0];
                c[1][i] = x.get(i)[1];
            }
            return c;
        }

        static boolean[] bools(List<Boolean> l) {
            boolean[] b = new boolean[l.size()];
            for (int i = 0; i < b.length; i++) {
                b[i] = l.get(i);
            }
            return b;
        }
    }

    static void close(double expected, double actual, String what) {
        double tol = TOL * Math.max(1, Math.abs(expected));
        assertEquals(expected, actual, tol, what);
    }

    static void assertMatches(PsmDidBruteForce.Out bf, PsmDidResult r, String label) {
        assertEquals(bf.n(), r.n(), label + " N");
        for (int i = 0; i < bf.weight().length; i++) {
            assertEquals(bf.used()[i], r.used()[i], label + " used row " + i);
            assertEquals(bf.weight()[i], r.weight()[i], 1e-12, label + " weight row " + i);
        }
        Row[] rows = {r.before(), r.after(), r.did()};
        for (int b = 0; b < 3; b++) {
            Row row = rows[b];
            double[] est = {row.meanControl(), row.meanTreated(), row.diff()};
            double[] se = {row.seControl(), row.seTreated(), row.se()};
            for (int q = 0; q < 3; q++) {
                close(bf.est()[3 * b + q], est[q], label + " estimate " + (3 * b + q));
                close(bf.se()[3 * b + q], se[q], label + " se " + (3 * b + q));
            }
            close(bf.p()[3 * b + 2], row.p(), label + " p " + b);
            close(bf.est()[3 * b + 2] / bf.se()[3 * b + 2], row.t(), label + " t " + b);
        }
        close(bf.r2(), r.r2(), label + " R2");
    }

    @Test
    void suppliedScoreEveryKernelSupportAndSeTypeMatchesBruteForce() {
        Panel p = Panel.simulate(20240601L, 260);
        Kernel[] kernels = Kernel.values();
        String[] names = {"epan", "gaussian", "biweight", "uniform", "tricube"};
        for (int kk = 0; kk < kernels.length; kk++) {
            for (boolean sup : new boolean[] {false, true}) {
                for (Se se : Se.values()) {
                    double bw = kernels[kk] == Kernel.GAUSSIAN ? 0.03 : 0.06;
                    PsmDidSpec spec = PsmDidSpec.kernelDefaults().withKernel(kernels[kk], bw).withSupport(sup)
                            .withSe(se);
                    PsmDidResult r = PsmDid.estimateWithScore(p.y(), p.treated(), p.post(), p.id(), p.score(),
                            spec, se == Se.CLUSTER ? p.cluster() : null);
                    PsmDidBruteForce.Out bf = PsmDidBruteForce.run(p.y(), p.treated(), p.post(), p.id(), p.score(),
                            names[kk], bw, sup, se.name().toLowerCase(java.util.Locale.ROOT),
                            p.cluster(), false);
                    assertMatches(bf, r, names[kk] + " support=" + sup + " " + se);
                    assertNull(r.scoreFit());
                }
            }
        }
    }

    @Test
    void clusterDefaultsToTheUnitId() {
        Panel p = Panel.simulate(7L, 150);
        PsmDidResult r = PsmDid.estimateWithScore(p.y(), p.treated(), p.post(), p.id(), p.score(),
                PsmDidSpec.kernelDefaults().withCluster("id"), null);
        PsmDidBruteForce.Out bf = PsmDidBruteForce.run(p.y(), p.treated(), p.post(), p.id(), p.score(), "epan",
                0.06, false, "cluster", p.id(), false);
        assertMatches(bf, r, "cluster by id");
    }

    @Test
    void estimatedProbitAndLogitScoresAreTheBaselineFitAndFeedTheSameComputation() {
        Panel p = Panel.simulate(99L, 300);
        double[][] cov = p.cov();
        for (BinaryChoice.Link link : BinaryChoice.Link.values()) {
            PsmDidResult r = PsmDid.estimate(p.y(), p.treated(), p.post(), p.id(), cov, new String[] {"x1", "x2"},
                    PsmDidSpec.kernelDefaults().withLink(link).withKernel(Kernel.GAUSSIAN, 0.06).withSupport(true));
            // the score: the same link fitted on the baseline rows only, with a constant
            boolean[] post = p.post();
            boolean[] tr = p.treated();
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < post.length; i++) {
                if (!post[i]) {
                    rows.add(i);
                }
            }
            int m = rows.size();
            double[] yb = new double[m];
            double[][] x = new double[3][m];
            for (int q = 0; q < m; q++) {
                int i = rows.get(q);
                yb[q] = tr[i] ? 1 : 0;
                x[0][q] = cov[0][i];
                x[1][q] = cov[1][i];
                x[2][q] = 1;
            }
            BinaryFit f = BinaryChoice.fit(link, yb, x, new String[] {"x1", "x2", "_cons"}, null);
            double[] score = new double[post.length];
            java.util.Arrays.fill(score, Double.NaN);
            for (int q = 0; q < m; q++) {
                score[rows.get(q)] = f.p()[q];
            }
            for (int i = 0; i < post.length; i++) {
                if (post[i]) {
                    assertTrue(Double.isNaN(r.score()[i]), "no score at follow-up");
                } else {
                    assertEquals(score[i], r.score()[i], 1e-13, "score row " + i);
                }
            }
            assertEquals(link, r.scoreFit().link());
            PsmDidBruteForce.Out bf = PsmDidBruteForce.run(p.y(), tr, post, p.id(), score, "gaussian", 0.06, true,
                    "ols", null, false);
            assertMatches(bf, r, link.label());
        }
    }

    @Test
    void stataFloatStorageMatchesFloatBruteForceAndDiffersFromDouble() {
        Panel p = Panel.simulate(5L, 200);
        double[] s = p.score();
        double[] sf = s.clone();
        for (int i = 0; i < sf.length; i++) {
            sf[i] = (float) sf[i]; // predict stores _ps as float
        }
        PsmDidSpec spec = PsmDidSpec.kernelDefaults().withStataFloat(true);
        PsmDidResult r = PsmDid.estimateWithScore(p.y(), p.treated(), p.post(), p.id(), sf, spec, null);
        PsmDidBruteForce.Out bf = PsmDidBruteForce.run(p.y(), p.treated(), p.post(), p.id(), sf, "epan", 0.06,
                false, "ols", null, true);
        boolean differs = false;
        PsmDidResult rd = PsmDid.estimateWithScore(p.y(), p.treated(), p.post(), p.id(), sf,
                PsmDidSpec.kernelDefaults(), null);
        for (int i = 0; i < bf.weight().length; i++) {
            // sums are formed in another order (sorted window vs data order): allow a few float ulps
            assertEquals(bf.weight()[i], r.weight()[i], 4 * Math.ulp((float) Math.max(1, bf.weight()[i])),
                    "float weight row " + i);
            assertEquals((float) r.weight()[i], r.weight()[i], 0, "weights are floats");
            differs |= r.weight()[i] != rd.weight()[i];
        }
        assertTrue(differs, "float storage changes the weights");
        assertEquals(bf.est()[8], r.did().diff(), 1e-6 * Math.abs(bf.est()[8]));
        assertNotEquals(rd.did().diff(), r.did().diff());
    }

    @Test
    void plainDidIsTheTwoByTwoDifferenceOfMeansWithPooledVarianceSes() {
        Panel p = Panel.simulate(11L, 180);
        double[] y = p.y();
        boolean[] t = p.treated();
        boolean[] post = p.post();
        PsmDidResult r = PsmDid.estimate(y, t, post, p.id(), null, null, PsmDidSpec.plain());
        double[] sum = new double[4];
        int[] cnt = new int[4];
        for (int i = 0; i < y.length; i++) {
            int c = (post[i] ? 2 : 0) + (t[i] ? 1 : 0);
            sum[c] += y[i];
            cnt[c]++;
        }
        double[] mean = new double[4];
        for (int c = 0; c < 4; c++) {
            mean[c] = sum[c] / cnt[c];
        }
        double ss = 0;
        for (int i = 0; i < y.length; i++) {
            int c = (post[i] ? 2 : 0) + (t[i] ? 1 : 0);
            ss += (y[i] - mean[c]) * (y[i] - mean[c]);
        }
        double s2 = ss / (y.length - 4);
        close(mean[0], r.before().meanControl(), "c0");
        close(mean[1], r.before().meanTreated(), "t0");
        close(mean[1] - mean[0], r.before().diff(), "d0");
        close(mean[2], r.after().meanControl(), "c1");
        close(mean[3], r.after().meanTreated(), "t1");
        close(mean[3] - mean[2], r.after().diff(), "d1");
        close((mean[3] - mean[2]) - (mean[1] - mean[0]), r.did().diff(), "did");
        close(Math.sqrt(s2 / cnt[0]), r.before().seControl(), "se c0");
        close(Math.sqrt(s2 * (1.0 / cnt[0] + 1.0 / cnt[1])), r.before().se(), "se d0");
        close(Math.sqrt(s2 * (1.0 / cnt[2] + 1.0 / cnt[3])), r.after().se(), "se d1");
        close(Math.sqrt(s2 * (1.0 / cnt[0] + 1.0 / cnt[1] + 1.0 / cnt[2] + 1.0 / cnt[3])), r.did().se(), "se did");
        assertEquals(y.length, r.n());
        assertEquals(cnt[0], r.nControlBefore());
        assertEquals(cnt[3], r.nTreatedAfter());
        for (double w : r.weight()) {
            assertEquals(1.0, w, 0);
        }
        assertNull(r.score());
    }

    /** diff without kernel, with cov(): OLS of y on post, treated, post*treated and the covariates (Commons Math). */
    @Test
    void plainDidWithCovariatesIsTheOlsRegressionWithThem() {
        Panel p = Panel.simulate(13L, 150);
        double[] y = p.y();
        boolean[] t = p.treated();
        boolean[] post = p.post();
        double[][] cov = p.cov();
        PsmDidResult r = PsmDid.estimate(y, t, post, p.id(), cov, new String[] {"x1", "x2"}, PsmDidSpec.plain());
        double[][] x = new double[y.length][5];
        for (int i = 0; i < y.length; i++) {
            x[i] = new double[] {post[i] ? 1 : 0, t[i] ? 1 : 0, post[i] && t[i] ? 1 : 0, cov[0][i], cov[1][i]};
        }
        org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression ols =
                new org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression();
        ols.newSampleData(y, x);
        double[] b = ols.estimateRegressionParameters(); // _cons, post, treated, did, x1, x2
        double[] se = ols.estimateRegressionParametersStandardErrors();
        close(b[0], r.before().meanControl(), "cons");
        close(b[2], r.before().diff(), "treated");
        close(se[2], r.before().se(), "se treated");
        close(b[3], r.did().diff(), "did");
        close(se[3], r.did().se(), "se did");
        close(b[1], r.did().meanControl(), "post");
        close(ols.calculateRSquared(), r.r2(), "R2");
    }

    /**
     * Treated at 0.50 and 0.51, controls at 0.49, 0.53 and 0.70, Epanechnikov, bw 0.06. Treated 0.50: K =
     * 1-(1/6)^2 = 35/36 and 1-(1/2)^2 = 27/36, weights 35/62, 27/62; treated 0.51: both at distance 0.02, K = 8/9,
     * weights 1/2, 1/2; control 0.70 is outside both windows (weight 0, dropped).
     */
    @Test
    void handWorkedKernelWeightsAndCarryToFollowUp() {
        double[] s = {0.50, 0.51, 0.49, 0.53, 0.70, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        boolean[] t = {true, true, false, false, false, true, true, false, false, false};
        boolean[] post = {false, false, false, false, false, true, true, true, true, true};
        int[] id = {1, 2, 3, 4, 5, 1, 2, 3, 4, 5};
        double[] y = {1, 2, 3, 4, 5, 3, 5, 4, 6, 9};
        PsmDidResult r = PsmDid.estimateWithScore(y, t, post, id, s, PsmDidSpec.kernelDefaults(), null);
        double w3 = 35.0 / 62 + 0.5;
        double w4 = 27.0 / 62 + 0.5;
        assertEquals(w3, r.weight()[2], 1e-14);
        assertEquals(w4, r.weight()[3], 1e-14);
        assertEquals(0, r.weight()[4], 0);
        assertEquals(w3, r.weight()[7], 1e-14, "carried by id");
        assertEquals(w4, r.weight()[8], 1e-14, "carried by id");
        assertFalse(r.used()[4]);
        assertFalse(r.used()[9]);
        assertEquals(8, r.n());
        assertEquals(2, r.controlsMatched());
        double c0 = (w3 * 3 + w4 * 4) / (w3 + w4);
        double c1 = (w3 * 4 + w4 * 6) / (w3 + w4);
        assertEquals(c0, r.before().meanControl(), 1e-13);
        assertEquals(1.5, r.before().meanTreated(), 1e-13);
        assertEquals(c1, r.after().meanControl(), 1e-13);
        assertEquals((4 - 1.5) - (c1 - c0), r.did().diff(), 1e-13);
    }

    /**
     * diff with an unbalanced panel: a control seen only at follow-up has no baseline weight (missing) and drops out;
     * a treated unit seen only at follow-up keeps weight 1; with {@code support} it has no score and is off support.
     */
    @Test
    void unitsSeenInOnePeriodFollowDiffsRules() {
        double[] s = {0.50, 0.49, 0.52, 0.51, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        boolean[] t = {true, false, false, false, true, false, true, false, false};
        boolean[] post = {false, false, false, false, true, true, true, true, true};
        int[] id = {1, 2, 3, 4, 1, 2, 9, 8, 4};
        double[] y = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        PsmDidResult r = PsmDid.estimateWithScore(y, t, post, id, s, PsmDidSpec.kernelDefaults(), null);
        assertTrue(r.used()[6], "treated only at follow-up: weight 1");
        assertEquals(1, r.weight()[6], 0);
        assertFalse(r.used()[7], "control only at follow-up: no weight");
        assertTrue(r.used()[2], "control only at baseline: its kernel weight");
        assertTrue(r.used()[5]);
        assertFalse(r.notes().isEmpty());
        PsmDidResult rs = PsmDid.estimateWithScore(y, t, post, id, s, PsmDidSpec.kernelDefaults().withSupport(true),
                null);
        assertFalse(rs.support()[6], "treated only at follow-up: no score, off support");
        assertFalse(rs.used()[6]);
        assertTrue(rs.support()[4], "follow-up row takes its unit's baseline score");
        // support = [min treated 0.50, max control 0.52]: the control at 0.49 is off support in both periods
        assertFalse(rs.support()[1]);
        assertFalse(rs.support()[5]);
        assertTrue(rs.support()[8]);
        assertEquals(1, rs.controlsOffSupport());
    }
}
