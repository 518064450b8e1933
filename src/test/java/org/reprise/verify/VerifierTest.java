package org.reprise.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reprise.results.Estimate;
import org.reprise.results.Provenance;
import org.reprise.results.Results;
import org.reprise.results.Term;

/**
 * The comparison rule on hand-made results: the computed value is rounded half-up on its decimal value to the
 * published decimals (2.675 at two decimals is 2.68, as a reader expects, although the double is a little below
 * 2.675), a rounded zero has no sign, and the escaping of the written reports.
 */
class VerifierTest {
    static Results results() {
        Map<String, Double> stats = new LinkedHashMap<>();
        stats.put("f", 2.675);
        stats.put("ll", -0.00004);
        stats.put("big", 123456.0);
        stats.put("one", 1.01);
        stats.put("edge", 1.0101);
        Estimate e = new Estimate("m", "ols", "y", 5000, "Classical", List.of(
                new Term("x", 1.03483344, 0.0505957, 20.45, 0.0, 0.9, 1.1, false),
                new Term("z", 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, true),
                new Term("w", 0.5, 0.1, 5, 0.0, 0.3, 0.7, false)), stats, List.of());
        Provenance p = new Provenance(new Provenance.FileHash("a.yaml", "0"), List.of(),
                new Provenance.FileHash("templates", "0"), "0", "17", 1, null);
        return new Results(p, List.of(e), List.of(), List.of(), List.of());
    }

    private static Check check(String ref, String published) {
        return check(ref, published, Tolerance.DEFAULT);
    }

    private static Check check(String ref, String published, Tolerance tol) {
        Manuscript m = ManuscriptLoader.parse("m.yaml", "numbers:\n  - {ref: " + ref + ", published: \"" + published
                + "\"}\n");
        return Verifier.check(m, results(), "a.yaml", tol).checks().get(0);
    }

    private static Check.Status status(String ref, String published) {
        return check(ref, published).status();
    }

    @Test
    void roundsTheComputedValueToThePublishedDecimals() {
        assertEquals(Check.Status.REPRODUCED, check("estimates/m/terms/x/estimate", "1.034833").status());
        assertEquals(Check.Status.REPRODUCED, check("estimates/m/terms/x/estimate", "1.03").status());
        assertEquals(Check.Status.REPRODUCED, check("estimates/m/terms/x/estimate", "1.0348***").status());
        assertEquals(Check.Status.REPRODUCED, check("estimates/m/terms/x/std_error", "(.0506)").status());
        assertEquals(Check.Status.REPRODUCED, check("estimates/m/stats/f", "2.68").status());
        assertEquals(Check.Status.REPRODUCED, check("estimates/m/stats/ll", "0.0000").status());
        assertEquals(Check.Status.REPRODUCED, check("estimates/m/stats/ll", "\u22120.0000").status());
        assertEquals(Check.Status.REPRODUCED, check("estimates/m/nobs", "5,000").status());
        assertEquals(Check.Status.REPRODUCED, check("estimates/m/stats/big", "1.23e5").status());
        Check d = check("estimates/m/stats/f", "2.67");
        assertEquals(Check.Status.LAST_DIGIT, d.status());
        assertEquals("2.68", d.computed());
        assertEquals(2.675, d.raw());
        assertEquals("1.0348", check("estimates/m/terms/x/estimate", "1.0349").computed());
        assertEquals("123000", check("estimates/m/stats/big", "1.24e5").computed());
    }

    @Test
    void lastDigitIsExactlyOneUnitInTheLastPrintedDigit() {
        assertEquals(Check.Status.LAST_DIGIT, status("estimates/m/terms/x/estimate", "1.0349"), "computed 1.0348");
        assertEquals(Check.Status.LAST_DIGIT, status("estimates/m/terms/x/estimate", "1.0347"), "one unit below");
        assertEquals(Check.Status.LAST_DIGIT, status("estimates/m/terms/x/estimate", "1.04"), "computed 1.03");
        assertEquals(Check.Status.LAST_DIGIT, status("estimates/m/stats/big", "1.24e5"), "one unit of 1000");
        assertEquals(Check.Status.LAST_DIGIT, status("estimates/m/stats/ll", "0.0001"), "computed 0.0000");
        assertEquals(Check.Status.LAST_DIGIT, status("estimates/m/nobs", "4,999"));
        // two units is not the last digit, whatever the size: 1.0350 is 0.016% away, so close
        assertEquals(Check.Status.CLOSE, status("estimates/m/terms/x/estimate", "1.0350"));
        assertEquals(Check.Status.DIFFERS, status("estimates/m/stats/ll", "0.0002"), "two units, 120% off");
        assertEquals(Check.Status.CLOSE, status("estimates/m/nobs", "5,002"), "two units, 0.04% off");
        assertEquals(Check.Status.DIFFERS, status("estimates/m/nobs", "5,100"), "1.96% off, no SE");
    }

    @Test
    void closeIsWithinTheRelativeToleranceInclusive() {
        // one = 1.01: 1.000 is exactly 1% below it (ten units of the last digit)
        Check c = check("estimates/m/stats/one", "1.000");
        assertEquals(Check.Status.CLOSE, c.status());
        assertEquals(0.01, c.relative(), 1e-15);
        assertTrue(Double.isNaN(c.inSe()), "a statistic has no standard error");
        assertEquals(Check.Status.DIFFERS, status("estimates/m/stats/edge", "1.000"), "1.0101 is 1.01% off");
        assertEquals(Check.Status.DIFFERS, status("estimates/m/stats/one", "1.06"));
        Tolerance five = new Tolerance(new java.math.BigDecimal("0.05"), Check.Status.REPRODUCED);
        assertEquals(Check.Status.CLOSE, check("estimates/m/stats/one", "1.06", five).status(), "4.7% within 5%");
        Tolerance none = new Tolerance(java.math.BigDecimal.ZERO, Check.Status.REPRODUCED);
        assertEquals(Check.Status.DIFFERS, check("estimates/m/stats/one", "1.000", none).status());
        assertEquals(Check.Status.LAST_DIGIT, check("estimates/m/stats/one", "1.00", none).status(),
                "the last digit does not depend on the tolerance");
    }

    @Test
    void closeIsWithinOneStandardErrorWhereItIsKnown() {
        // w = 0.5 (SE 0.1): 0.40 is exactly one SE away (20% relative), 0.39 is 1.1 SE away
        Check one = check("estimates/m/terms/w/estimate", "0.40");
        assertEquals(Check.Status.CLOSE, one.status());
        assertEquals(0.1, one.stdError());
        assertEquals(1.0, one.inSe(), 1e-15);
        assertEquals(0.25, one.relative(), 1e-15);
        Check out = check("estimates/m/terms/w/estimate", "0.39");
        assertEquals(Check.Status.DIFFERS, out.status());
        assertEquals(1.1, out.inSe(), 1e-15);
        assertEquals(Check.Status.CLOSE, status("estimates/m/terms/w/conf_low", "0.21"), "a bound uses the term's SE");
        // x = 1.03483344 (SE 0.0505957): 1.08 is 4.2% off but 0.89 SE away; 1.09 is 1.09 SE away
        Check x = check("estimates/m/terms/x/estimate", "1.08");
        assertEquals(Check.Status.CLOSE, x.status());
        assertEquals((1.03483344 - 1.08) / 1.08, x.relative(), 1e-12);
        assertEquals((1.03483344 - 1.08) / 0.0505957, x.inSe(), 1e-12);
        assertEquals(Check.Status.DIFFERS, status("estimates/m/terms/x/estimate", "1.09"));
        // a standard error has no standard error of its own: 0.0600 is 16% off
        Check se = check("estimates/m/terms/x/std_error", "(0.0600)");
        assertEquals(Check.Status.DIFFERS, se.status());
        assertTrue(Double.isNaN(se.stdError()));
    }

    @Test
    void theSummaryCountsEachClassAndAcceptWidensSuccess() {
        Manuscript m = ManuscriptLoader.parse("m.yaml", "numbers:\n"
                + "  - {ref: estimates/m/terms/x/estimate, published: \"1.0348\"}\n"
                + "  - {ref: estimates/m/terms/x/estimate, published: \"1.0349\"}\n"
                + "  - {ref: estimates/m/terms/w/estimate, published: \"0.45\"}\n"
                + "  - {ref: estimates/m/terms/w/estimate, published: \"0.46\"}\n");
        Verification v = Verifier.check(m, results(), "a.yaml");
        assertEquals("1 of 4 published numbers reproduced, 1 last digit, 2 close, 0 differ, 0 missing", v.summary());
        assertFalse(v.passes());
        Tolerance lastDigit = new Tolerance(new java.math.BigDecimal("0.01"), Check.Status.LAST_DIGIT);
        assertFalse(Verifier.check(m, results(), "a.yaml", lastDigit).passes());
        Tolerance close = new Tolerance(new java.math.BigDecimal("0.01"), Check.Status.CLOSE);
        assertTrue(Verifier.check(m, results(), "a.yaml", close).passes());
        Manuscript bad = ManuscriptLoader.parse("m.yaml", "numbers:\n"
                + "  - {ref: estimates/m/terms/x/estimate, published: \"1.0349\"}\n"
                + "  - {ref: estimates/m9/nobs, published: \"1\"}\n");
        assertFalse(Verifier.check(bad, results(), "a.yaml", close).passes(), "a missing number never passes");
    }

    @Test
    void toleranceAndAcceptOptionsRead() {
        assertEquals(0, new java.math.BigDecimal("0.01").compareTo(Tolerance.parseRelative("1%")));
        assertEquals(0, new java.math.BigDecimal("0.005").compareTo(Tolerance.parseRelative("0.5 %")));
        assertEquals(0, new java.math.BigDecimal("0.02").compareTo(Tolerance.parseRelative("0.02")));
        assertEquals(Check.Status.CLOSE, Tolerance.parseAccept("close"));
        assertEquals(Check.Status.LAST_DIGIT, Tolerance.parseAccept("last-digit"));
        assertEquals(Check.Status.LAST_DIGIT, Tolerance.parseAccept("last_digit"));
        for (String bad : new String[] {"abc", "-1%", "100%", "1.5"}) {
            String msg = org.junit.jupiter.api.Assertions.assertThrows(org.reprise.UserError.class,
                    () -> Tolerance.parseRelative(bad)).getMessage();
            assertTrue(msg.startsWith("--tolerance " + bad + ":"), msg);
        }
        String msg = org.junit.jupiter.api.Assertions.assertThrows(org.reprise.UserError.class,
                () -> Tolerance.parseAccept("differs")).getMessage();
        assertTrue(msg.contains("--accept close"), msg);
        assertEquals("0.5%", new Tolerance(new java.math.BigDecimal("0.005"), Check.Status.CLOSE).percent());
    }

    @Test
    void missingSaysWhy() {
        Check c = check("estimates/m2/terms/x/estimate", "1");
        assertEquals(Check.Status.MISSING, c.status());
        assertTrue(c.reason().startsWith("no estimate with id m2"), c.reason());
        Check omitted = check("estimates/m/terms/z/std_error", "0.1");
        assertEquals(Check.Status.MISSING, omitted.status());
        assertTrue(omitted.reason().contains("null"), omitted.reason());
    }

    @Test
    void reportsEscapeEveryString() {
        Manuscript m = ManuscriptLoader.parse("m.yaml", "source: \"<script>alert('x')</script> & a|b *c*\"\n"
                + "numbers:\n  - {ref: estimates/m/nobs, published: \"5000\", where: \"<b>T|1</b>\"}\n");
        Verification v = Verifier.check(m, results(), "a.yaml");
        String html = VerificationReport.html(v);
        assertFalse(html.contains("<script>"));
        assertFalse(html.contains("<b>"));
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; a|b *c*"), html);
        String md = VerificationReport.markdown(v);
        assertTrue(md.contains("\\<b\\>T\\|1\\</b\\>"), md);
        assertTrue(md.contains("a\\|b \\*c\\*"), md);
        String text = VerificationReport.text(v);
        assertTrue(text.endsWith("1 of 1 published numbers reproduced, 0 last digit, 0 close, 0 differ, 0 missing\n"),
                text);
    }
}
