package org.reprise.narrative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reprise.estimate.BinaryChoice;
import org.reprise.estimate.balance.BalanceJoint;
import org.reprise.estimate.balance.BalanceRow;
import org.reprise.estimate.balance.BalanceTable;
import org.reprise.results.BalanceResult;
import org.reprise.results.Estimate;
import org.reprise.results.Results;
import org.reprise.results.Term;
import org.reprise.table.RegressionLayout;
import org.reprise.table.StarRule;

/**
 * The sentences that report what failed. Inputs are written by hand (illustrative values chosen so each rule is on
 * one side of its threshold); the expected text is written out by hand from the wording rules in docs/narrative.md.
 */
class CaveatsTest {
    private final Narrative narrative = Fixtures.builtIn();

    private static BalanceRow row(String v, double pM) {
        return new BalanceRow(v, false, 1, 0.5, 20, 4, 0.0001, 1.2, 1, 0.9, 5, 75, 2, pM, 1.1);
    }

    private static BalanceResult balance(List<BalanceRow> rows, double lr, double p, double b, double r) {
        BalanceJoint u = new BalanceJoint(0.3, 1135.16, 12, 0, 29.94, 19.5, 172.2, 2.46, 50, 0.9, 1.1);
        BalanceJoint m = new BalanceJoint(0.05, lr, 12, p, 13.06, 13, b, r, 25, 0.9, 1.1);
        return new BalanceResult("psm", "nn1", new BalanceTable(rows, u, m, BinaryChoice.Link.PROBIT, 100, 50, 95, 40,
                95), List.of());
    }

    @Test
    void unbalancedCovariatesAreNamedAndTheVerdictIsPlain() {
        BalanceResult b = balance(List.of(row("age", 0.000001), row("job", 0.027), row("edu", 0.5)), 277.389, 1e-40,
                51.2, 1.35);
        List<Sentence> s = narrative.balance(b, List.of("Age", "Job", "Education"), "Nearest neighbour 1:1",
                StarRule.DEFAULT);
        assertEquals("After matching (Nearest neighbour 1:1), two of the three covariates still differ between"
                + " participants and their matches at the 10% level (Age and Job), one of them at the 1% level; the"
                + " mean absolute standardised bias goes from 29.9 to 13.1, and the joint test rejects balance"
                + " (LR χ² = 277.39, p < 0.001); Rubin's B is 51.2 and R is 1.35, outside Rubin's (2001) guide of B"
                + " below 25 and R between 0.5 and 2. The matched sample is therefore not balanced on the observed"
                + " covariates, and the effects estimated on it compare participants with households that still differ"
                + " from them.", s.get(0).text());
        assertEquals(List.of("balance/psm/unmatched/mean_bias", "balance/psm/matched/mean_bias",
                "balance/psm/matched/lr_chi2", "balance/psm/matched/p_chi2", "balance/psm/matched/rubin_b",
                "balance/psm/matched/rubin_r"), s.get(0).numbers().stream().map(NumberUse::ref).toList());
        assertEquals(NumberUse.Kind.P_BELOW, s.get(0).numbers().get(3).kind());
    }

    @Test
    void aBalancedSampleIsSaidToBeBalanced() {
        BalanceResult b = balance(List.of(row("age", 0.4), row("job", 0.7)), 3.2, 0.52, 12.3, 1.1);
        String text = narrative.balance(b, List.of("Age", "Job"), "Kernel", StarRule.DEFAULT).get(0).text();
        assertEquals("After matching (Kernel), none of the two covariates differs between participants and their"
                + " matches at the 10% level; the mean absolute standardised bias goes from 29.9 to 13.1, and the joint"
                + " test does not reject balance (LR χ² = 3.20, p = 0.520); Rubin's B is 12.3 and R is 1.10, within"
                + " Rubin's (2001) guide of B below 25 and R between 0.5 and 2. By these criteria the matched sample is"
                + " balanced.", text);
    }

    @Test
    void controlsAbsorbedByFixedEffectsAreNamedWithTheirColumns() {
        Term key = Fixtures.term("PxT", -0.15, 0.01, 1e-9);
        Term omitted = new Term("age", 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, true);
        Term omitted2 = new Term("edu", 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, true);
        Term kept = Fixtures.term("job", -0.3, 0.02, 1e-9);
        RegressionLayout l = Fixtures.layout(List.of(Fixtures.model("m1", "Vul1", key),
                Fixtures.model("m2", "Vul1", key, omitted, kept, omitted2)), List.of("", ""), "PxT", "P × T", 4);
        List<Sentence> s = narrative.omitted(l, List.of("PxT"), List.of(true, true),
                Map.of("age", "Age", "edu", "Education", "job", "Job"));
        assertEquals(1, s.size());
        assertEquals("Age and Education are omitted from column 2: they are collinear with the fixed effects"
                + " (constant within the fixed-effect groups, or changing by the same amount for every unit), so their"
                + " effects are not identified there, and that column estimates one of its three controls.",
                s.get(0).text());
        assertTrue(s.get(0).numbers().isEmpty());
    }

    @Test
    void participantsOffSupportAreCountedAndThinSupportIsSaid() {
        Estimate full = new Estimate("psm.full.nn1.y", "psm_nearest", "y", 300, "", List.of(),
                Map.of("n_treated", 2277.0, "n_treated_off_support", 91.0), List.of());
        Estimate east = new Estimate("psm.East.nn1.y", "psm_nearest", "y", 300, "", List.of(),
                Map.of("n_treated", 688.0, "n_treated_off_support", 95.0), List.of());
        Results r = new Results(null, List.of(full, east), List.of(), List.of(), List.of());
        Sentence s = narrative.support(r, List.of(full.id(), east.id()), List.of("Full sample", "East")).get(0);
        assertEquals("Imposing common support drops 91 of the 2277 participants in the full sample and 95 of the 688"
                + " participants in the East subsample; the estimates describe the participants on the support only,"
                + " and in the East subsample more than a tenth of them are dropped, so the support there is thin and"
                + " the estimate applies to a selected group.", s.text());
        assertEquals(List.of("estimates/psm.full.nn1.y/stats/n_treated_off_support",
                "estimates/psm.full.nn1.y/stats/n_treated", "estimates/psm.East.nn1.y/stats/n_treated_off_support",
                "estimates/psm.East.nn1.y/stats/n_treated"), s.numbers().stream().map(NumberUse::ref).toList());
    }

    @Test
    void oneCovariateAtTheLoosestLevelIsSaidButDoesNotOverturnBalance() {
        BalanceResult b = balance(List.of(row("age", 0.4), row("health", 0.06), row("job", 0.7)), 12.37, 0.417, 10.5,
                0.86);
        String text = narrative.balance(b, List.of("Age", "Health", "Job"), "Nearest neighbour 1:1", StarRule.DEFAULT)
                .get(0).text();
        assertEquals("After matching (Nearest neighbour 1:1), one of the three covariates still differs between"
                + " participants and their matches at the 10% level (Health); the mean absolute standardised bias goes"
                + " from 29.9 to 13.1, and the joint test does not reject balance (LR χ² = 12.37, p = 0.417); Rubin's B"
                + " is 10.5 and R is 0.86, within Rubin's (2001) guide of B below 25 and R between 0.5 and 2. By the"
                + " joint test and Rubin's guide the matched sample is balanced, and no covariate differs at the 1%"
                + " level, though Health still differs at the 10% level.", text);
    }
}
