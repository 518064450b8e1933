package org.reprise.estimate.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reprise.covariance.VcovSpec;
import org.reprise.covariance.Vcovs;
import org.reprise.data.Dataset;
import org.reprise.data.DtaReader;
import org.reprise.data.NumericColumn;
import org.reprise.estimate.BinaryChoice;
import org.reprise.estimate.BinaryFit;

/**
 * Stata's diff on its own help-file data (Card and Krueger 1994, CardKrueger1994.dta; see
 * src/test/resources/reference/cardkrueger/SOURCE.txt). The kernel form is checked against a published log at the
 * printed digits; the forms without a published log (plain DID, cov(), robust, cluster(), test, report) against the
 * independent brute force {@link DidBruteForce}. The data hold store id 407 twice per period (a control and a treated
 * store): diff keeps them apart, and the published counts (78 controls and 326 treated at baseline) include both.
 */
class CardKruegerDiffTest {
    static final Path DATA = Path.of("src/test/resources/reference/cardkrueger/CardKrueger1994.dta");

    /** diff's sample: rows with fte present (marksample on the outcome). */
    record Ck(double[] y, boolean[] treated, boolean[] post, int[] id, double[][] cov, String[] names) {
    }

    static Ck load(String... covariates) {
        Dataset d = DtaReader.read(DATA, org.reprise.data.DtaOptions.noValueLabels());
        double[] fte = col(d, "fte");
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < fte.length; i++) {
            if (!Double.isNaN(fte[i])) {
                rows.add(i);
            }
        }
        int n = rows.size();
        double[] y = new double[n];
        boolean[] t = new boolean[n];
        boolean[] p = new boolean[n];
        int[] id = new int[n];
        double[][] cov = new double[covariates.length][n];
        for (int r = 0; r < n; r++) {
            int i = rows.get(r);
            y[r] = fte[i];
            t[r] = col(d, "treated")[i] == 1;
            p[r] = col(d, "t")[i] == 1;
            id[r] = (int) col(d, "id")[i];
            for (int j = 0; j < covariates.length; j++) {
                cov[j][r] = col(d, covariates[j])[i];
            }
        }
        return new Ck(y, t, p, id, cov, covariates);
    }

    static double[] col(Dataset d, String name) {
        return ((NumericColumn) d.column(name)).values();
    }

    /** |ours − printed| ≤ half a unit in the printed number's last digit. */
    static void printed(String text, double ours) {
        BigDecimal b = new BigDecimal(text);
        double half = 0.5 * Math.pow(10, -b.scale()) * (1 + 1e-9);
        assertTrue(Math.abs(ours - b.doubleValue()) <= half, "printed " + text + " but computed " + ours);
    }

    @Test
    void kernelLogitSupportMatchesThePublishedLog() {
        Ck ck = load("bk", "kfc", "roys");
        PsmDidSpec spec = PsmDidSpec.kernelDefaults().withLink(BinaryChoice.Link.LOGIT).withSupport(true)
                .withStataFloat(true);
        PsmDidResult r = PsmDid.estimate(ck.y(), ck.treated(), ck.post(), ck.id(), ck.cov(), ck.names(), spec);

        // report: the logit at baseline
        BinaryFit s = r.scoreFit();
        assertEquals(404, s.nobs());
        printed("2.91", s.lrChi2());
        printed("0.4053", s.lrP());
        printed("-196.7636", s.ll());
        printed("0.0073", s.pseudoR2());
        double[][] v = Vcovs.compute(s, VcovSpec.classical(), null).matrix();
        String[][] coef = {{".3108387", ".3561643", "0.87", "0.383"}, {".6814511", ".4335455", "1.57", "0.116"},
            {".520356", ".4011747", "1.30", "0.195"}, {"1.05315", ".2998708", "3.51", "0.000"}};
        for (int j = 0; j < 4; j++) {
            double se = Math.sqrt(v[j][j]);
            printed(coef[j][0], s.coef()[j]);
            printed(coef[j][1], se);
            printed(coef[j][2], s.coef()[j] / se);
            printed(coef[j][3], 2 * new org.apache.commons.math3.distribution.NormalDistribution(null, 0, 1)
                    .cumulativeProbability(-Math.abs(s.coef()[j] / se)));
        }

        // the DID table and its counts
        assertEquals(795, r.n());
        assertEquals(78, r.nControlBefore());
        assertEquals(326, r.nTreatedBefore());
        assertEquals(76, r.nControlAfter());
        assertEquals(315, r.nTreatedAfter());
        printed("20.040", r.before().meanControl());
        printed("17.065", r.before().meanTreated());
        printed("-2.975", r.before().diff());
        printed("0.943", r.before().se());
        printed("-3.16", r.before().t());
        printed("0.002", r.before().p());
        printed("17.449", r.after().meanControl());
        printed("17.499", r.after().meanTreated());
        printed("0.050", r.after().diff());
        printed("0.955", r.after().se());
        printed("0.05", Math.abs(r.after().t()));
        printed("0.958", r.after().p());
        printed("3.026", r.did().diff());
        printed("1.342", r.did().se());
        printed("2.25", Math.abs(r.did().t()));
        printed("0.024", r.did().p());
        assertTrue(r.notes().stream().anyMatch(x -> x.contains("hold a control and a treated unit")
                && x.contains("407")), r.notes().toString());
    }

    @Test
    void anIdHoldingTwoUnitsGivesWhatSeparateIdsGive() {
        Ck ck = load("bk", "kfc", "roys");
        int[] apart = ck.id().clone();
        int moved = 0;
        for (int i = 0; i < apart.length; i++) {
            if (apart[i] == 407 && ck.treated()[i]) {
                apart[i] = 100407; // the New Jersey store gets an id of its own (sorting last, as 407's treated rows do)
                moved++;
            }
        }
        assertEquals(2, moved);
        for (boolean support : new boolean[] {false, true}) {
            PsmDidSpec spec = PsmDidSpec.kernelDefaults().withLink(BinaryChoice.Link.LOGIT).withSupport(support)
                    .withStataFloat(true).withCluster("id");
            PsmDidResult shared = PsmDid.estimate(ck.y(), ck.treated(), ck.post(), ck.id(), ck.cov(), ck.names(), spec,
                    ck.id());
            PsmDidResult separate = PsmDid.estimate(ck.y(), ck.treated(), ck.post(), apart, ck.cov(), ck.names(), spec,
                    ck.id());
            assertEquals(separate.did().diff(), shared.did().diff(), 1e-12);
            assertEquals(separate.did().se(), shared.did().se(), 1e-12);
            assertEquals(separate.n(), shared.n());
            for (int i = 0; i < apart.length; i++) {
                assertEquals(separate.weight()[i], shared.weight()[i], 1e-15, "row " + i);
            }
            assertTrue(separate.notes().stream().noneMatch(x -> x.contains("hold a control and a treated unit")));
        }
    }

    @Test
    void plainDidEqualsTheInteractionRegression() {
        for (String[] covs : new String[][] {{}, {"bk", "kfc", "roys"}}) {
            Ck ck = load(covs);
            for (String se : new String[] {"ols", "robust", "cluster"}) {
                PsmDidSpec spec = PsmDidSpec.plain();
                spec = se.equals("robust") ? spec.withSe(PsmDidSpec.Se.ROBUST)
                        : se.equals("cluster") ? spec.withCluster("id") : spec;
                PsmDidResult r = PsmDid.estimate(ck.y(), ck.treated(), ck.post(), ck.id(), ck.cov(), ck.names(),
                        spec);
                DidBruteForce.Fit b = DidBruteForce.did(ck.y(), ck.treated(), ck.post(), ck.cov(), null, se, ck.id());
                String what = covs.length + " covariates, " + se;
                assertEquals(801, r.n(), what);
                PsmDidResult.Row[] rows = {r.before(), r.after(), r.did()};
                for (int q = 0; q < 3; q++) {
                    close(b.est()[3 * q + 2], rows[q].diff(), what);
                    close(b.se()[3 * q + 2], rows[q].se(), what);
                    close(b.p()[3 * q + 2], rows[q].p(), what);
                }
                close(b.est()[0], r.before().meanControl(), what);
                close(b.est()[1], r.before().meanTreated(), what);
                close(b.est()[3], r.after().meanControl(), what);
                close(b.est()[4], r.after().meanTreated(), what);
                close(b.se()[0], r.before().seControl(), what);
                close(b.se()[4], r.after().seTreated(), what);
                close(b.r2(), r.r2(), what);
                // report: the covariates' coefficients, SEs and p as regress prints them
                for (int j = 0; j < covs.length; j++) {
                    int k = java.util.Arrays.asList(r.fit().keptNames()).indexOf(covs[j]);
                    close(b.beta()[3 + j], r.fit().keptCoef()[k], what);
                    close(b.betaSe()[3 + j], Math.sqrt(r.vcov().matrix()[k][k]), what);
                }
            }
        }
    }

    @Test
    void kernelRobustAndClusterOnTheSameWeights() {
        Ck ck = load("bk", "kfc", "roys");
        for (String se : new String[] {"robust", "cluster"}) {
            PsmDidSpec spec = PsmDidSpec.kernelDefaults().withLink(BinaryChoice.Link.LOGIT).withSupport(true)
                    .withStataFloat(true);
            spec = se.equals("robust") ? spec.withSe(PsmDidSpec.Se.ROBUST) : spec.withCluster("id");
            PsmDidResult r = PsmDid.estimate(ck.y(), ck.treated(), ck.post(), ck.id(), ck.cov(), ck.names(), spec);
            // the published point estimates do not depend on the SE option
            printed("3.026", r.did().diff());
            assertEquals(795, r.n());
            double[] w = new double[ck.y().length];
            for (int i = 0; i < w.length; i++) {
                w[i] = r.used()[i] ? r.weight()[i] : 0;
            }
            DidBruteForce.Fit b = DidBruteForce.did(ck.y(), ck.treated(), ck.post(), new double[0][], w, se, ck.id());
            close(b.se()[8], r.did().se(), se);
            close(b.p()[8], r.did().p(), se);
            close(b.se()[2], r.before().se(), se);
            close(b.se()[5], r.after().se(), se);
        }
    }

    @Test
    void balanceTestEqualsBaselineRegressions() {
        Ck ck = load("bk", "kfc", "roys", "wendys");
        double[][] vars = {ck.y(), ck.cov()[0], ck.cov()[1], ck.cov()[2], ck.cov()[3]};
        String[] names = {"fte", "bk", "kfc", "roys", "wendys"};
        for (String se : new String[] {"ols", "robust", "cluster"}) {
            PsmDidSpec spec = se.equals("robust") ? PsmDidSpec.plain().withSe(PsmDidSpec.Se.ROBUST)
                    : se.equals("cluster") ? PsmDidSpec.plain().withCluster("id") : PsmDidSpec.plain();
            List<DidBalance.Row> rows = DidBalance.test(vars, names, ck.treated(), ck.post(), ck.id(), null, spec,
                    null);
            for (int j = 0; j < vars.length; j++) {
                DidBruteForce.Fit b = DidBruteForce.twoGroups(vars[j], ck.treated(), ck.post(), null, se, ck.id());
                DidBalance.Row row = rows.get(j);
                close(b.est()[0], row.meanControl(), names[j] + " " + se);
                close(b.est()[1], row.meanTreated(), names[j] + " " + se);
                close(b.se()[2], row.se(), names[j] + " " + se);
                close(b.p()[2], row.p(), names[j] + " " + se);
                assertEquals(404, row.n());
            }
        }
        // kernel: weighted by diff's _weights at baseline
        Ck k = load("bk", "kfc", "roys");
        PsmDidSpec spec = PsmDidSpec.kernelDefaults().withLink(BinaryChoice.Link.LOGIT).withSupport(true)
                .withStataFloat(true);
        PsmDidResult r = PsmDid.estimate(k.y(), k.treated(), k.post(), k.id(), k.cov(), k.names(), spec);
        double[][] kv = {k.y(), k.cov()[0], k.cov()[1], k.cov()[2]};
        List<DidBalance.Row> rows = DidBalance.test(kv, new String[] {"fte", "bk", "kfc", "roys"}, k.treated(),
                k.post(), k.id(), r.weight(), spec, null);
        for (int j = 0; j < kv.length; j++) {
            DidBruteForce.Fit b = DidBruteForce.twoGroups(kv[j], k.treated(), k.post(), r.weight(), "ols", k.id());
            close(b.est()[0], rows.get(j).meanControl(), "kernel " + j);
            close(b.est()[1], rows.get(j).meanTreated(), "kernel " + j);
            close(b.se()[2], rows.get(j).se(), "kernel " + j);
        }
        // the weighted outcome means at baseline are the DID table's before means
        close(r.before().meanControl(), rows.get(0).meanControl(), "kernel fte");
        close(r.before().meanTreated(), rows.get(0).meanTreated(), "kernel fte");
    }

    static void close(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-9 * Math.max(1, Math.abs(expected)), what);
    }
}
