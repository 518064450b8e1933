package org.reprise.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The committed panel against the paper's published numbers (PaperTargets: Table 1 pooled means and SDs,
 * Table 3 unmatched treated/control means, the probit pseudo R², Table 1 vulnerability means).
 */
class CalibrationTest {

    @Test
    void covariateMeansAndSdsWithinTenPercentOfTable1() throws Exception {
        SimData d = SimData.committed();
        for (int j = 0; j < 12; j++) {
            String name = Params.COVARIATES.get(j);
            double[] v = d.numbers(name);
            double m = SimData.mean(v);
            double sd = SimData.sd(v);
            assertEquals(PaperTargets.MEAN[j], m, 0.10 * PaperTargets.MEAN[j], name + " mean");
            assertEquals(PaperTargets.SD[j], sd, 0.10 * PaperTargets.SD[j], name + " SD");
        }
    }

    @Test
    void treatedShare() throws Exception {
        double share = SimData.mean(SimData.committed().numbers("T"));
        assertEquals(PaperTargets.T_SHARE, share, 0.02);
    }

    /** Sign of every Table 3 unmatched difference; size within half to double where the paper's |t| > 5. */
    @Test
    void treatedControlDifferencesHaveTable3Signs() throws Exception {
        SimData d = SimData.committed();
        double[] t = d.numbers("T");
        for (int j = 0; j < 12; j++) {
            String name = Params.COVARIATES.get(j);
            double[] v = d.numbers(name);
            double[] sum = new double[2];
            int[] n = new int[2];
            for (int i = 0; i < v.length; i++) {
                int g = t[i] == 1 ? 0 : 1;
                sum[g] += v[i];
                n[g]++;
            }
            double diff = sum[0] / n[0] - sum[1] / n[1];
            double paper = PaperTargets.SELECTION_TREATED[j] - PaperTargets.SELECTION_CONTROL[j];
            assertEquals(Math.signum(paper), Math.signum(diff), name + " sign of treated − control");
            if (!name.equals("famsize") && !name.equals("twork") && !name.equals("edu") && !name.equals("ability")) {
                double ratio = diff / paper;
                assertTrue(ratio > 0.5 && ratio < 2.0,
                        String.format(Locale.ROOT, "%s difference %.4f vs paper %.4f", name, diff, paper));
            }
        }
    }

    /**
     * Pooled probit of T on the 12 covariates (as the paper's pstest). The paper's 0.362 goes with its printed
     * subsidy means (0.7056 / 0.0724, a 171% standardised bias), which leave almost no comparable controls; the
     * simulator follows its printed 70.8% instead (data/README.md), which puts the pseudo R² near 0.14. Checked:
     * clearly positive selection, and clearly below the near-separation of the printed means.
     */
    @Test
    void probitPseudoR2BelowThePrintedSubsidyMeans() throws Exception {
        SimData d = SimData.committed();
        double[][] x = new double[12][];
        for (int j = 0; j < 12; j++) {
            x[j] = d.numbers(Params.COVARIATES.get(j));
        }
        double[] tv = d.numbers("T");
        int[] y = new int[tv.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = (int) tv[i];
        }
        TestProbit fit = TestProbit.fit(x, y);
        assertTrue(fit.pseudoR2() > 0.10 && fit.pseudoR2() < PaperTargets.PSEUDO_R2 - 0.1, "pseudo R2 " + fit.pseudoR2());
    }

    /** Every covariate changes within some households between the waves (a FE DID can estimate all 12). */
    @Test
    void everyCovariateVariesWithinHouseholds() throws Exception {
        SimData d = SimData.committed();
        for (String c : Params.COVARIATES) {
            double[] v = d.numbers(c);
            int changed = 0;
            for (int i = 0; i + 1 < v.length; i += 2) {
                changed += v[i] != v[i + 1] ? 1 : 0;
            }
            assertTrue(changed >= 50, c + " changes in " + changed + " households");
        }
        double[] age = d.numbers("age");
        int[] gaps = new int[4];
        for (int i = 0; i + 1 < age.length; i += 2) {
            int g = (int) (age[i + 1] - age[i]);
            assertTrue(g >= 0 && g <= 3, "age gap " + g);
            gaps[g]++;
        }
        assertTrue(gaps[1] > 0 && gaps[2] > gaps[1] && gaps[3] > 0, java.util.Arrays.toString(gaps));
    }

    /** True vulnerability (from the DGP) against Table 1: means within 0.04, SDs within 10%. */
    @Test
    void trueVulnerabilityNearTable1() {
        var rows = Simulator.generate(Simulator.DEFAULT_SEED);
        double[] lines = Params.DEFAULT.lines().lines();
        for (int k = 0; k < 3; k++) {
            double[] v = new double[rows.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = rows.get(i).vulnerability(lines[k]);
            }
            assertEquals(PaperTargets.VUL_MEAN[k], SimData.mean(v), 0.04, "Vul" + (k + 1) + " mean");
            assertEquals(PaperTargets.VUL_SD[k], SimData.sd(v), 0.10 * PaperTargets.VUL_SD[k], "Vul" + (k + 1) + " SD");
        }
    }
}
