package org.reprise.ledger;

import org.reprise.narrative.NumberUse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reprise.report.Report;
import org.reprise.results.Descriptives;
import org.reprise.results.Estimate;
import org.reprise.results.Provenance;
import org.reprise.results.Results;
import org.reprise.results.Summary;
import org.reprise.results.Term;
import org.reprise.results.VulnerabilityResult;
import org.reprise.table.Table;

/** Every ref form on hand-made results (the values are the ones put in), the reasons given for bad refs, CSV rules. */
class RefsAndLedgerTest {
    static Results results() {
        Map<String, Double> stats = new LinkedHashMap<>();
        stats.put("r2", 0.25);
        stats.put("r2_within", 0.125);
        Estimate e = new Estimate("m1", "ols", "y", 100, "Classical", List.of(
                new Term("x", 1.5, 0.5, 3.0, 0.004, 0.5, 2.5, false),
                new Term("z", 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, true)), stats, List.of());
        Descriptives d = new Descriptives("t1", "main", List.of(new Summary("age", 10, 40.5, 2.25, 30, 50, 41)));
        VulnerabilityResult v = new VulnerabilityResult("vep", "main", 90, 2, "floor", 0.5, List.of(
                new VulnerabilityResult.Line("Vul1", "$1.90", 2610.5, 0.375, 0.3, 0.35, 0.42, 88)));
        Provenance p = new Provenance(new Provenance.FileHash("a.yaml", "0"), List.of(),
                new Provenance.FileHash("templates", "0"), "0", "17", 1, null);
        return new Results(p, List.of(e), List.of(d), List.of(v), List.of());
    }

    @Test
    void everyRefForm() {
        Results r = results();
        assertEquals(100, Refs.resolve(r, "estimates/m1/nobs"));
        assertEquals(0.125, Refs.resolve(r, "estimates/m1/stats/r2_within"));
        assertEquals(1.5, Refs.resolve(r, "estimates/m1/terms/x/estimate"));
        assertEquals(0.5, Refs.resolve(r, "estimates/m1/terms/x/std_error"));
        assertEquals(3.0, Refs.resolve(r, "estimates/m1/terms/x/statistic"));
        assertEquals(0.004, Refs.resolve(r, "estimates/m1/terms/x/p_value"));
        assertEquals(0.5, Refs.resolve(r, "estimates/m1/terms/x/conf_low"));
        assertEquals(2.5, Refs.resolve(r, "estimates/m1/terms/x/conf_high"));
        assertTrue(Double.isNaN(Refs.resolve(r, "estimates/m1/terms/z/std_error")), "omitted: null in results.json");
        assertEquals(40.5, Refs.resolve(r, "descriptives/t1/age/mean"));
        assertEquals(2.25, Refs.resolve(r, "descriptives/t1/age/sd"));
        assertEquals(10, Refs.resolve(r, "descriptives/t1/age/n"));
        assertEquals(41, Refs.resolve(r, "descriptives/t1/age/median"));
        assertEquals(0.35, Refs.resolve(r, "vulnerability/vep/Vul1/share_high"));
        assertEquals(0.42, Refs.resolve(r, "vulnerability/vep/Vul1/share_low"));
        assertEquals(2610.5, Refs.resolve(r, "vulnerability/vep/Vul1/z"));
        assertEquals(88, Refs.resolve(r, "vulnerability/vep/Vul1/n"));
        assertEquals(2, Refs.resolve(r, "vulnerability/vep/non_positive_variances"));
        assertEquals(0.5, Refs.resolve(r, "vulnerability/vep/threshold"));
        for (String ref : Refs.all(r)) {
            assertTrue(Refs.lookup(r, ref).found(), ref);
        }
    }

    @Test
    void reasonsForRefsThatDoNotResolve() {
        Results r = results();
        assertEquals("no estimate with id m9 (there are: m1). Did you mean `m1`?",
                Refs.lookup(r, "estimates/m9/terms/x/estimate").problem());
        assertTrue(Refs.lookup(r, "estimates/m1/terms/w/estimate").problem().startsWith("estimate m1 has no term w"));
        assertTrue(Refs.lookup(r, "estimates/m1/terms/x/std_eror").problem().contains("Did you mean `std_error`?"));
        assertTrue(Refs.lookup(r, "estimates/m1/stats/r2_withn").problem().contains("Did you mean `r2_within`?"));
        assertTrue(Refs.lookup(r, "estimate/m1/nobs").problem().contains("Did you mean `estimates`?"));
        assertTrue(Refs.lookup(r, "descriptives/t1/agee/mean").problem().contains("no variable agee"));
        assertTrue(Refs.lookup(r, "vulnerability/vep/Vul4/mean").problem().contains("no line Vul4"));
        assertFalse(Refs.lookup(r, "").found());
        assertThrows(IllegalArgumentException.class, () -> Refs.resolve(r, "estimates/m1/stats/f"));
    }

    @Test
    void printedNumbers() {
        assertEquals(new BigDecimal("-0.0223"), Printed.parse("\u22120.0223").get().value());
        assertEquals(7, Printed.parse(".0505957").get().decimals());
        assertEquals(4, Printed.parse("0.0670").get().decimals());
        assertEquals(0, Printed.parse("6,124").get().decimals());
        assertEquals(new BigDecimal("6124"), Printed.parse("6,124").get().value());
        assertEquals(4, Printed.parse("-0.1697***").get().decimals());
        assertEquals(4, Printed.parse("(0.0095)").get().decimals());
        assertEquals(6, Printed.parse("1.2e-05").get().decimals());
        assertTrue(Printed.parse("Yes").isEmpty());
        assertTrue(Printed.parse("1,23").isEmpty());
        assertEquals(2, Printed.inCell("[-0.12, 0.30]").size());
        assertEquals("0.30", Printed.inCell("[-0.12, 0.30]").get(1).text());
        assertTrue(Printed.inCell("").isEmpty());
    }

    @Test
    void ledgerOfACiTableAndANarrativeNumber() {
        Results r = results();
        Table t = new Table("t", "T", List.of(Table.ColumnKind.TEXT, Table.ColumnKind.NUMBER),
                List.of(new Table.HeaderRow(List.of(new Table.Span("", 1), new Table.Span("(1), \"all\"", 1)), false)),
                List.of(new Table.Section(List.of(
                        new Table.Row(List.of(Table.Cell.text("x"),
                                new Table.Cell("1.50", "***", "estimates/m1/terms/x/estimate"))),
                        new Table.Row(List.of(Table.Cell.text(""), new Table.Cell("[0.50, 2.50]", "",
                                "estimates/m1/terms/x/conf_low,estimates/m1/terms/x/conf_high"))),
                        new Table.Row(List.of(Table.Cell.text("FE"), Table.Cell.text("Yes"))),
                        new Table.Row(List.of(Table.Cell.text("N"), Table.Cell.text("100")))))),
                List.of());
        Report report = new Report("T", List.of(), "", List.of(new Report.TableBlock(t)));
        Ledger l = Ledger.of(report, r);
        l.add("narrative:Results:sentence 1", new NumberUse("1.5", 1.5, 1, "estimates/m1/terms/x/estimate"));
        l.add("narrative:Results:sentence 2", new NumberUse("1.6", 1.5, 1, "estimates/m1/terms/x/estimate"));
        assertEquals(List.of(
                "t:N:(1), \"all\": prints \"100\" but the cell has no ref into results.json",
                "narrative:Results:sentence 2: prints \"1.6\" but the value 1.5 at 1 decimals is \"1.5\""),
                l.problems());
        assertEquals("location,printed,raw,decimals,ref\n"
                + "\"t:x:(1), \"\"all\"\"\",1.50,1.5,2,estimates/m1/terms/x/estimate\n"
                + "\"t:x, line 2:(1), \"\"all\"\" (lower)\",0.50,0.5,2,estimates/m1/terms/x/conf_low\n"
                + "\"t:x, line 2:(1), \"\"all\"\" (upper)\",2.50,2.5,2,estimates/m1/terms/x/conf_high\n"
                + "\"t:N:(1), \"\"all\"\"\",100,,0,\n"
                + "narrative:Results:sentence 1,1.5,1.5,1,estimates/m1/terms/x/estimate\n"
                + "narrative:Results:sentence 2,1.6,1.5,1,estimates/m1/terms/x/estimate\n", l.csv());
    }
}
