package org.reprise.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reprise.results.Estimate;
import org.reprise.results.Term;
import org.reprise.table.RegressionLayout.Below;

class RegressionTableTest {
    private static Estimate model(String id, double b, double se, double p) {
        Map<String, Double> stats = new LinkedHashMap<>();
        stats.put("r2", 0.12345);
        return new Estimate(id, "ols", "y", 6124, "Standard errors clustered by hhid (3062 clusters)",
                List.of(new Term("PxT", b, se, b / se, p, b - 2 * se, b + 2 * se, false),
                        new Term("_cons", 1.5, 0.1, 15, 0.0, 1.3, 1.7, false)),
                stats, List.of());
    }

    @Test
    void cellsCarryFormattedNumbersStarsAndReferences() {
        RegressionLayout l = new RegressionLayout("t2", "DID", List.of(model("m1", -0.02234, 0.0123, 0.07),
                model("m2", -0.16974, 0.0501, 0.0007)), List.of("Vul1", "Vul1"),
                List.of(new RegressionLayout.Group("$1.9 line", 0, 2)),
                List.of(new RegressionLayout.TermRow("PxT", "P × T"), new RegressionLayout.TermRow("_cons", "Constant")),
                Below.SE, List.of(new RegressionLayout.StatRow("nobs", "N", 0), new RegressionLayout.StatRow("r2", "R²", 3)),
                List.of(new RegressionLayout.IndicatorRow("Individual FE", List.of("Yes", "Yes"))), 4, 4,
                StarRule.DEFAULT, List.of("Simulated data."));
        Table t = RegressionTable.build(l);
        assertEquals(3, t.headers().size());
        assertEquals("$1.9 line", t.headers().get(0).spans().get(1).text());
        assertEquals(2, t.headers().get(0).spans().get(1).width());
        assertEquals("(2)", t.headers().get(1).spans().get(2).text());
        Table.Row est = t.sections().get(0).rows().get(0);
        assertEquals("P × T", est.cells().get(0).text());
        assertEquals("-0.0223", est.cells().get(1).text());
        assertEquals("*", est.cells().get(1).stars());
        assertEquals("-0.1697", est.cells().get(2).text());
        assertEquals("***", est.cells().get(2).stars());
        assertEquals("estimates/m2/terms/PxT/estimate", est.cells().get(2).ref());
        assertEquals("(0.0123)", t.sections().get(0).rows().get(1).cells().get(1).text());
        assertEquals("6124", t.sections().get(1).rows().get(0).cells().get(1).text());
        assertEquals("0.123", t.sections().get(1).rows().get(1).cells().get(2).text());
        assertEquals("Yes", t.sections().get(2).rows().get(0).cells().get(1).text());
        assertEquals("Standard errors in parentheses; standard errors clustered by hhid (3062 clusters).",
                t.notes().get(0));
        assertEquals("* p<0.10, ** p<0.05, *** p<0.01.", t.notes().get(1));
        assertEquals("Simulated data.", t.notes().get(2));
    }
}
