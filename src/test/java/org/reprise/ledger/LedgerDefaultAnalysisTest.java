package org.reprise.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reprise.report.Report;
import org.reprise.run.Pipeline;
import org.reprise.run.Progress;
import org.reprise.table.Numbers;
import org.reprise.table.Table;

/**
 * "Every number printed is an entry of results.json", checked on the default analysis: every number a table cell
 * prints has a ref, the ref resolves, and the resolved full-precision value rounds (the one rounding rule,
 * {@link Numbers#fixed}) to exactly the printed text. The expected side of each comparison is the printed text
 * itself, so no value here comes from a reference we made up.
 */
class LedgerDefaultAnalysisTest {
    private static Pipeline.Computed computed;
    private static int tableCells;

    @BeforeAll
    static void run() {
        computed = Pipeline.compute(Path.of("analysis.yaml"), Progress.silent());
    }

    @Test
    void everyNumberCellHasARefThatResolvesAndRoundsToThePrintedText() {
        int checked = 0;
        for (Report.Block b : computed.report().blocks()) {
            if (!(b instanceof Report.TableBlock tb)) {
                continue;
            }
            Table t = tb.table();
            for (Table.Section s : t.sections()) {
                for (Table.Row r : s.rows()) {
                    for (int j = 0; j < r.cells().size(); j++) {
                        Table.Cell c = r.cells().get(j);
                        List<Printed> numbers = Printed.inCell(c.text());
                        if (t.columns().get(j) != Table.ColumnKind.NUMBER || numbers.isEmpty()) {
                            continue;
                        }
                        assertNotNull(c.ref(), t.id() + ": \"" + c.text() + "\" has no ref");
                        String[] refs = c.ref().split(",");
                        assertEquals(numbers.size(), refs.length, c.ref());
                        for (int k = 0; k < refs.length; k++) {
                            double raw = Refs.resolve(computed.results(), refs[k]);
                            Printed p = numbers.get(k);
                            assertEquals(p.text(), Numbers.fixed(raw, p.decimals()), refs[k]);
                            checked++;
                        }
                    }
                }
            }
        }
        // Table 1 alone: 16 variables x (mean, sd); every table's number cells were checked above
        assertTrue(checked > 16 * 2 + 3 * 6, "number cells checked: " + checked);
        tableCells = checked;
    }

    @Test
    void theLedgerHoldsExactlyThoseNumbersAndFindsNoProblem() {
        Ledger tables = Ledger.of(computed.report(), computed.results());
        assertEquals(List.of(), tables.problems());
        Ledger l = computed.ledger();
        assertEquals(List.of(), l.problems(), "table cells and the numbers of the generated text");
        assertTrue(l.entries().size() > tables.entries().size(), "the text's numbers are in the ledger too");
        long distinct = l.entries().stream().map(Ledger.Entry::location).distinct().count();
        assertEquals(l.entries().size(), distinct, "locations are unique");
        String csv = l.csv();
        assertTrue(csv.startsWith("location,printed,raw,decimals,ref\n"));
        assertFalse(csv.contains("\r"));
        assertTrue(csv.contains("table1:Vul1:Mean,"), csv.substring(0, 400));
        assertTrue(csv.contains(",estimates/did2/terms/PxT/std_error\n"));
        assertEquals(tables.csv(), Ledger.of(computed.report(), computed.results()).csv(), "deterministic");
    }
}
