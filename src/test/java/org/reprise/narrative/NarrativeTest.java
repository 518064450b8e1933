package org.reprise.narrative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reprise.UserError;
import org.reprise.table.RegressionLayout;
import org.reprise.table.StarRule;

/**
 * Hand-written sentences for the paper's cases (seed PAPER.md §6 and Table 4): expected text written out by hand from
 * the paper's printed numbers, with the paper's slips corrected. The z-test numbers were computed by hand
 * (Python: z = (b1 - b2) / sqrt(se1^2 + se2^2), p = erfc(|z| / sqrt(2))).
 */
class NarrativeTest {
    private final Narrative narrative = Fixtures.builtIn();

    @Test
    void attOnAProbabilityIsPercentagePointsAtTheOnePercentLevel() {
        // Table 4, average of the four methods, Vul1: ATT -0.1413 (SE 0.0276); z = -5.12, p = 3.1e-7
        RegressionLayout l = Fixtures.layout(List.of(Fixtures.model("m1", "vulnerability",
                Fixtures.term("T", -0.1413, 0.0276, 3.06e-7))), List.of("Full sample"), "T", "participation", 4);
        List<Sentence> s = narrative.regression(l, List.of("T"), Map.of("m1", Unit.PROBABILITY), StarRule.DEFAULT);
        assertEquals(1, s.size());
        // the finding first, in percentage points, the SE once and in the same unit (0.0276 = 2.76 points)
        assertEquals("In the full sample (column 1), participation reduces vulnerability by 14.13 percentage points"
                + " (SE 2.76), significant at the 1% level.", s.get(0).text());
        assertEquals(List.of(
                new NumberUse("14.13", 14.13, 2, "estimates/m1/terms/T/estimate", NumberUse.Kind.PERCENTAGE_POINTS),
                new NumberUse("2.76", 2.76, 2, "estimates/m1/terms/T/std_error", NumberUse.Kind.PERCENTAGE_POINTS)),
                s.get(0).numbers());
    }

    @Test
    void aOneStarCoefficientIsSignificantAtTheTenPercentLevelOnly() {
        // Table 2, column (1): P x T -0.0223* (SE 0.0123), p = 0.07
        RegressionLayout l = Fixtures.layout(List.of(Fixtures.model("m1", "Vul1",
                Fixtures.term("PxT", -0.0223, 0.0123, 0.07))), List.of("Vul1"), "PxT", "P×T", 4);
        String text = narrative.regression(l, List.of("PxT"), Map.of("m1", Unit.PROBABILITY), StarRule.DEFAULT)
                .get(0).text();
        assertEquals("In column 1 (Vul1), P×T reduces Vul1 by 2.23 percentage points (SE 1.23), significant at the"
                + " 10% level.", text);
        assertFalse(text.contains("1% level"));
        assertFalse(text.contains("5% level"));
    }

    @Test
    void noLevelMetIsSaidPlainly() {
        RegressionLayout l = Fixtures.layout(List.of(Fixtures.model("m1", "Vul1",
                Fixtures.term("PxT", 0.0123, 0.0200, 0.54))), List.of(""), "PxT", "P×T", 4);
        assertEquals("In column 1, P×T increases Vul1 by 1.23 percentage points (SE 2.00), which is not"
                + " statistically distinguishable from zero at the 10% level.",
                narrative.regression(l, List.of("PxT"), Map.of("m1", Unit.PROBABILITY), StarRule.DEFAULT)
                        .get(0).text());
    }

    @Test
    void logAndLevelOutcomes() {
        // log: 100 (exp(0.1236) - 1) = 13.157..., printed with 4 - 2 = 2 decimals
        RegressionLayout l = Fixtures.layout(List.of(Fixtures.model("m1", "lnincome",
                Fixtures.term("T", 0.1236, 0.0400, 0.002)), Fixtures.model("m2", "income",
                Fixtures.term("T", -120.5, 30.25, 0.0001))), List.of("Log", "Level"), "T", "T", 2);
        List<Sentence> s = narrative.regression(l, List.of("T"),
                Map.of("m1", Unit.LOG, "m2", Unit.level("yuan")), StarRule.DEFAULT);
        // a headline first (both columns meet the 1% level, said once there), then one sentence per column
        assertEquals("T reduces the outcome in one of the two columns and increases it in one, and every estimate is"
                + " significant at the 1% level.", s.get(0).text());
        assertEquals("In column 1 (Log), T increases lnincome by 13% (0.12, SE 0.04).", s.get(1).text());
        assertEquals("In column 2 (Level), T reduces income by 120.50 yuan (SE 30.25).", s.get(2).text());
    }

    @Test
    void regionsComparedWithAZTestThatIsNotSignificant() {
        // Table 4 regional columns: east -0.1602, central-west -0.1123; SEs 0.0310 and 0.0290 (illustrative)
        // z = -0.0479 / sqrt(0.0310^2 + 0.0290^2) = -1.128, p = 0.259
        RegressionLayout l = Fixtures.layout(List.of(
                Fixtures.model("east", "Vul1", Fixtures.term("T", -0.1602, 0.0310, 2.4e-7)),
                Fixtures.model("cw", "Vul1", Fixtures.term("T", -0.1123, 0.0290, 1.1e-4))),
                List.of("East", "Central-west"), "T", "participation", 4);
        List<Sentence> s = narrative.regression(l, List.of("T"), Map.of(), StarRule.DEFAULT,
                List.of(new Comparison("east", "cw", true)));
        assertEquals(4, s.size());
        assertEquals("Participation reduces Vul1 in both columns, and every estimate is significant at the 1%"
                + " level.", s.get(0).text());
        assertEquals("The estimate of participation on Vul1 is larger in magnitude in column 1 (East) (-0.1602) than in"
                + " column 2 (Central-west) (-0.1123); the difference is not statistically significant at"
                + " the 10% level (z = -1.13, p = 0.259).", s.get(3).text());
        assertEquals(NumberUse.Kind.Z_DIFFERENCE, s.get(3).numbers().get(2).kind());
        assertEquals(-1.1283871195985518, s.get(3).numbers().get(2).raw(), 1e-12);
        assertEquals(0.25915646507937534, s.get(3).numbers().get(3).raw(), 1e-9);
    }

    @Test
    void significantlyLargerOnlyWhenTheTestMeetsALevel() {
        // SEs 0.0150 and 0.0140: z = -2.335, p = 0.0196 -> 5% level
        RegressionLayout l = Fixtures.layout(List.of(
                Fixtures.model("east", "Vul1", Fixtures.term("T", -0.1602, 0.0150, 1e-9)),
                Fixtures.model("cw", "Vul1", Fixtures.term("T", -0.1123, 0.0140, 1e-9))),
                List.of("East", "Central-west"), "T", "participation", 4);
        List<Sentence> s = narrative.regression(l, List.of("T"), Map.of(), StarRule.DEFAULT,
                List.of(new Comparison("cw", "east", true)));
        assertEquals("The estimate of participation on Vul1 is significantly smaller in magnitude in column 2"
                + " (Central-west) (-0.1123) than in column 1 (East) (-0.1602); the difference is statistically"
                + " significant at the 5% level (z = 2.33, p = 0.020).", s.get(3).text());
    }

    @Test
    void sameSampleColumnsAreNotTested() {
        RegressionLayout l = Fixtures.layout(List.of(
                Fixtures.model("m1", "Vul1", Fixtures.term("PxT", -0.0223, 0.0123, 0.07)),
                Fixtures.model("m2", "Vul1", Fixtures.term("PxT", -0.1697, 0.0900, 0.06))),
                List.of("No controls", "Controls"), "PxT", "P×T", 4);
        List<Sentence> s = narrative.regression(l, List.of("PxT"), Map.of(), StarRule.DEFAULT,
                List.of(new Comparison("m2", "m1", false)));
        assertEquals("The estimate of P×T on Vul1 is larger in magnitude in column 2 (Controls) (-0.1697) than in"
                + " column 1 (No controls) (-0.0223); both columns use the same sample, so the difference is not"
                + " tested.", s.get(3).text());
        assertFalse(s.get(3).text().contains("significantly"));
    }

    @Test
    void oppositeSignsAreNamedAsSuch() {
        RegressionLayout l = Fixtures.layout(List.of(
                Fixtures.model("a", "y", Fixtures.term("x", -0.25, 0.1, 0.012)),
                Fixtures.model("b", "y", Fixtures.term("x", 0.5, 0.1, 1e-6))), List.of("A", "B"), "x", "x", 2);
        Sentence s = narrative.regression(l, List.of("x"), Map.of(), StarRule.DEFAULT,
                List.of(new Comparison("a", "b", true))).get(3);
        // z = -0.75 / sqrt(0.02) = -5.303, p = 1.1e-7
        assertEquals("The estimates of x on y have opposite signs: -0.25 in column 1 (A) and 0.50 in column 2 (B); the"
                + " difference is statistically significant at the 1% level (z = -5.30, p < 0.001).", s.text());
        assertEquals(NumberUse.Kind.P_BELOW, s.numbers().get(3).kind());
    }

    @Test
    void anEstimateThatPrintsAsZeroHasNoDirection() {
        RegressionLayout l = Fixtures.layout(List.of(Fixtures.model("m1", "y",
                Fixtures.term("x", -0.00004, 0.0002, 0.84))), List.of(""), "x", "x", 4);
        assertEquals("In column 1, x has an estimated effect on y of 0.0000 (SE 0.0002), which is not statistically"
                + " distinguishable from zero at the 10% level.",
                narrative.regression(l, List.of("x"), Map.of("m1", Unit.PROBABILITY), StarRule.DEFAULT)
                        .get(0).text());
    }

    @Test
    void omittedTermsAreSkippedAndUnknownNamesAreUserErrors() {
        RegressionLayout l = Fixtures.layout(List.of(Fixtures.model("m1", "y",
                new org.reprise.results.Term("x", 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                        true))), List.of(""), "x", "x", 4);
        assertTrue(narrative.regression(l, List.of("x"), Map.of(), StarRule.DEFAULT).isEmpty());
        UserError e = assertThrows(UserError.class,
                () -> narrative.regression(l, List.of("z"), Map.of(), StarRule.DEFAULT));
        assertTrue(e.getMessage().contains("\"z\" is not a row"), e.getMessage());
        UserError c = assertThrows(UserError.class, () -> narrative.regression(l, List.of("x"), Map.of(),
                StarRule.DEFAULT, List.of(new Comparison("m1", "m9", true))));
        assertTrue(c.getMessage().contains("\"m9\" is not a column"), c.getMessage());
    }

    @Test
    void anExactFitIsNotCalledSignificant() {
        // y = 3 + 2x exactly: SE 0 and p = 0; the table prints no stars (StarRule), so the text claims no level
        RegressionLayout l = Fixtures.layout(List.of(Fixtures.model("m1", "y", Fixtures.term("x", 2.0, 0.0, 0.0))),
                List.of(""), "x", "x", 4);
        String text = narrative.regression(l, List.of("x"), Map.of(), StarRule.DEFAULT).get(0).text();
        assertEquals("In column 1, x increases y by 2.0000 (SE 0.0000).", text);
        assertFalse(text.contains("significant"));
    }
}
