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
        Estimate e = new Estimate("m", "ols", "y", 5000, "Classical", List.of(
                new Term("x", 1.03483344, 0.0505957, 20.45, 0.0, 0.9, 1.1, false),
                new Term("z", 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, true)), stats, List.of());
        Provenance p = new Provenance(new Provenance.FileHash("a.yaml", "0"), List.of(),
                new Provenance.FileHash("templates", "0"), "0", "17", 1, null);
        return new Results(p, List.of(e), List.of(), List.of(), List.of());
    }

    private static Check check(String ref, String published) {
        Manuscript m = ManuscriptLoader.parse("m.yaml", "numbers:\n  - {ref: " + ref + ", published: \"" + published
                + "\"}\n");
        return Verifier.check(m, results(), "a.yaml").checks().get(0);
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
        assertEquals(Check.Status.DIFFERS, d.status());
        assertEquals("2.68", d.computed());
        assertEquals(2.675, d.raw());
        assertEquals(Check.Status.DIFFERS, check("estimates/m/terms/x/estimate", "1.0349").status());
        assertEquals("1.0348", check("estimates/m/terms/x/estimate", "1.0349").computed());
        assertEquals("123000", check("estimates/m/stats/big", "1.24e5").computed());
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
        assertTrue(text.endsWith("1 of 1 published numbers reproduced\n"), text);
    }
}
