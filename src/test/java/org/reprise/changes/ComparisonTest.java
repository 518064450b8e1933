package org.reprise.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reprise.table.StarRule;

/** The comparison rules on hand-made outputs: stars from p-values, sign flips, rows in and out, spec keys. */
class ComparisonTest {
    static Snapshot snapshot(String json, Map<String, String> spec, String... rows) throws Exception {
        Map<String, Snapshot.Number> ledger = new LinkedHashMap<>();
        for (String r : rows) {
            String[] f = r.split(";");
            ledger.put(f[0], new Snapshot.Number(f[0], f[1], f[2], 3, f[3]));
        }
        JsonNode results = new ObjectMapper().readTree(json);
        return new Snapshot(ledger, results, "analysis.yaml", spec, StarRule.DEFAULT, List.of());
    }

    static String results(double est, double se, double p, String sha) {
        return "{\"provenance\": {\"reprise_version\": \"0.1.0\", \"spec\": {\"file\": \"analysis.yaml\", \"sha256\": \""
                + sha + "\"}, \"data\": [{\"file\": \"d.csv\", \"sha256\": \"" + sha + "\"}]},"
                + " \"estimates\": [{\"id\": \"m1\", \"nobs\": 100, \"terms\": [{\"term\": \"x\", \"estimate\": " + est
                + ", \"std_error\": " + se + ", \"p_value\": " + p + "}]}]}";
    }

    @Test
    void starsSignsRowsAndKeys() throws Exception {
        // p = 0.03 earns ** (below 0.05), p = 0.07 earns * (below 0.10 only); 0.500 → -0.200 flips the sign
        Snapshot before = snapshot(results(0.5, 0.2, 0.03, "aaa"), Map.of("/models/0/vcov", "hc1", "/title", "t"),
                "t1:x:(1);0.500;0.5;estimates/m1/terms/x/estimate",
                "t1:N:(1);100;100;estimates/m1/nobs",
                "t1:R²:(1);0.250;0.25;estimates/m1/stats/r2");
        Snapshot after = snapshot(results(-0.2, 0.1, 0.07, "bbb"), Map.of("/models/0/vcov", "hc3", "/title", "t"),
                "t1:x:(1);-0.200;-0.2;estimates/m1/terms/x/estimate",
                "t1:N:(1);100;100;estimates/m1/nobs",
                "t1:x:(2);1.000;1.0;estimates/m2/terms/x/estimate");
        Comparison c = Changes.compare(before, after);
        assertEquals(1, c.numbers().size());
        assertEquals("-7.00", c.numbers().get(0).inSes(), "(-0.2 - 0.5) / 0.1");
        assertEquals(List.of(new Comparison.Changed("t1:x:(1)", "0.500**", "-0.200*", "")), c.stars());
        assertEquals(1, c.signs().size());
        assertEquals(List.of("t1:x:(2)"), c.appeared());
        assertEquals(List.of("t1:R²:(1)"), c.gone());
        assertEquals("1 number changed, 1 star changed, 1 sign flipped, 1 appeared, 1 went away", c.summary());
        assertTrue(c.inputs().contains("analysis.yaml `/models/0/vcov`: `hc1` → `hc3`"), c.inputs().toString());
        assertTrue(c.inputs().stream().anyMatch(s -> s.startsWith("data file d.csv: changed")), c.inputs().toString());
        String md = ChangesReport.markdown(c);
        assertTrue(md.contains("| x, (1) | 0.500\\*\\* | -0.200\\* |"), md);
        assertTrue(md.contains("Went away:\n\n- R², (1)"), md);
        String html = ChangesReport.html(c);
        assertTrue(html.contains("<td class=\"n\">0.500**</td>"), html);
    }

    @Test
    void nothingChanged() throws Exception {
        Snapshot a = snapshot(results(0.5, 0.2, 0.03, "aaa"), Map.of(), "t1:x:(1);0.500;0.5;estimates/m1/terms/x/estimate");
        Comparison c = Changes.compare(a, a);
        assertEquals("no printed number changed", c.summary());
        assertTrue(!c.printedChanged() && c.inputs().isEmpty());
    }
}
