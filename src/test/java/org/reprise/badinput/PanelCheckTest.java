package org.reprise.badinput;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.reprise.UserError;
import org.reprise.data.CategoricalColumn;
import org.reprise.data.Dataset;
import org.reprise.data.NumericColumn;
import org.reprise.data.PanelCheck;

/** PanelCheck: a declared panel has each (id, time) pair once and both variables exist. */
class PanelCheckTest {
    static Dataset data(double[] id, double[] time) {
        return new Dataset("p.csv", id.length, List.of(new NumericColumn("hhid", id), new NumericColumn("year", time)));
    }

    @Test
    void aBalancedPanelPasses() {
        assertDoesNotThrow(() -> PanelCheck.check(data(new double[] {1, 1, 2, 2}, new double[] {2014, 2016, 2014, 2016}),
                "hhid", "year"));
    }

    @Test
    void aDuplicatePairNamesBothRows() {
        UserError e = assertThrows(UserError.class, () -> PanelCheck.check(
                data(new double[] {1, 2, 1, 2}, new double[] {2014, 2014, 2016, 2014}), "hhid", "year"));
        assertTrue(e.getMessage().contains("two rows for hhid = 2 and year = 2014 (data rows 2 and 4 of p.csv)"),
                e.getMessage());
    }

    @Test
    void rowsWithAMissingIdOrTimeAreNotDuplicates() {
        assertDoesNotThrow(() -> PanelCheck.check(data(new double[] {1, Double.NaN, Double.NaN, 1},
                new double[] {2014, 2014, 2014, Double.NaN}), "hhid", "year"));
    }

    @Test
    void textIdsAreComparedByLabel() {
        Dataset d = new Dataset("p.csv", 3, List.of(new CategoricalColumn("hhid", new int[] {0, 1, 0}, List.of("a", "b")),
                new NumericColumn("year", new double[] {1, 1, 1})));
        UserError e = assertThrows(UserError.class, () -> PanelCheck.check(d, "hhid", "year"));
        assertTrue(e.getMessage().contains("hhid = a and year = 1 (data rows 1 and 3"), e.getMessage());
    }

    @Test
    void anUnknownVariableIsNamedWithASuggestion() {
        UserError e = assertThrows(UserError.class, () -> PanelCheck.check(
                data(new double[] {1}, new double[] {1}), "hhid", "yaer"));
        assertTrue(e.getMessage().contains("time variable 'yaer'") && e.getMessage().contains("year"), e.getMessage());
    }

    @Test
    void manyRowsWithoutDuplicatesPass() {
        int n = 200_000;
        double[] id = new double[n];
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            id[i] = i / 2;
            t[i] = i % 2;
        }
        assertDoesNotThrow(() -> PanelCheck.check(data(id, t), "hhid", "year"));
        t[n - 1] = 0;
        assertThrows(UserError.class, () -> PanelCheck.check(data(id, t), "hhid", "year"));
    }
}
