package org.reprise.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reprise.results.Estimate;
import org.reprise.results.Term;
import org.reprise.table.RegressionLayout.Below;

/**
 * Issue 10: whatever an estimate holds, a table never shows stars on a degenerate standard error (zero, infinite,
 * missing), and never "Inf", "NaN", "()" or "(Inf)" in a cell. The guard sits in the table layer itself.
 */
class NoMisleadingCellTest {
    private static final double NAN = Double.NaN;
    private static final double INF = Double.POSITIVE_INFINITY;

    private static Table table(Below below, Term... terms) {
        Estimate e = new Estimate("m1", "ols", "y", 3, "Classical standard errors", List.of(terms),
                Map.of("r2", 1.0), List.of());
        RegressionLayout l = new RegressionLayout("t", "T", List.of(e), List.of("y"), List.of(),
                java.util.Arrays.stream(terms).map(t -> new RegressionLayout.TermRow(t.term(), t.term())).toList(),
                below, List.of(new RegressionLayout.StatRow("r2", "R²", 3)), List.of(), 3, 3, StarRule.DEFAULT,
                List.of());
        return RegressionTable.build(l);
    }

    @Test
    void starsNeedAFinitePositiveStandardError() {
        assertEquals("***", StarRule.DEFAULT.stars(0.001, 0.2, 1.0));
        assertEquals("***", StarRule.DEFAULT.stars(0.0, 1e-25, 1e-20)); // tiny but real: |t| = 1e5
        assertEquals("", StarRule.DEFAULT.stars(0.0, 0.0, 5.0));
        assertEquals("", StarRule.DEFAULT.stars(0.0, 0.0, 0.0));
        assertEquals("", StarRule.DEFAULT.stars(0.0, 4e-16, 1.0)); // an exact fit: zero up to rounding
        assertEquals("", StarRule.DEFAULT.stars(0.0, INF, 1.0));
        assertEquals("", StarRule.DEFAULT.stars(0.001, NAN, 1.0));
        assertEquals("", StarRule.DEFAULT.stars(NAN, 0.2, 1.0));
    }

    @Test
    void degenerateTermsPrintNoStarsAndNoNonNumbers() {
        for (Below below : Below.values()) {
            Table t = table(below,
                    new Term("zero_se", 5.0, 0.0, INF, 0.0, 5.0, 5.0, false),
                    new Term("rounding_se", 2.0, 3e-16, 6.7e15, 0.0, 2.0, 2.0, false),
                    new Term("inf_se", 1.395, INF, 0.0, 1.0, -INF, INF, false),
                    new Term("nan_se", 6.255, NAN, NAN, NAN, NAN, NAN, false));
            for (Table.Section s : t.sections()) {
                for (Table.Row r : s.rows()) {
                    for (Table.Cell c : r.cells()) {
                        assertEquals("", c.stars(), below + ": " + c);
                        assertFalse(c.text().contains("Inf") || c.text().contains("NaN") || c.text().contains("()")
                                || c.text().contains("[,") || c.text().contains(", ]"), below + ": " + c);
                    }
                }
            }
            // the estimate itself is still shown
            assertEquals("5.000", t.sections().get(0).rows().get(0).cells().get(1).text());
        }
    }

    @Test
    void aNumberCellWithoutANumberBecomesEmptyText() {
        Table.Cell c = new Table.Cell("(" + Numbers.fixed(INF, 3) + ")", "***", "estimates/m1/terms/x/std_error");
        assertEquals("", c.text());
        assertEquals("", c.stars());
        assertNull(c.ref());
        assertEquals("", Numbers.fixed(INF, 3));
        assertEquals("", Numbers.fixed(-INF, 3));
        assertEquals("", new Table.Cell("-0.1", "*", null).stars());
    }
}
