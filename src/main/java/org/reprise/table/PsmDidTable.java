package org.reprise.table;

import java.util.ArrayList;
import java.util.List;
import org.reprise.results.Estimate;
import org.reprise.results.Term;
import org.reprise.table.Table.Cell;
import org.reprise.table.Table.ColumnKind;
import org.reprise.table.Table.HeaderRow;
import org.reprise.table.Table.Row;
import org.reprise.table.Table.Section;
import org.reprise.table.Table.Span;

/**
 * Kernel PSM-DID in the layout of Stata's diff (the paper's Table 5): per outcome column, the difference T − C before
 * and after, and the difference in differences, each with its standard error beneath; N and R² below.
 */
public final class PsmDidTable {
    private PsmDidTable() {
    }

    public static Table build(String id, String title, List<Estimate> columns, List<String> labels, int decimals,
                              StarRule stars, List<String> notes) {
        List<ColumnKind> kinds = new ArrayList<>();
        List<Span> head = new ArrayList<>();
        kinds.add(ColumnKind.TEXT);
        head.add(new Span("", 1));
        for (String l : labels) {
            kinds.add(ColumnKind.NUMBER);
            head.add(new Span(l, 1));
        }
        String[][] rows = {{"before", "Before: Diff (T − C)"}, {"after", "After: Diff (T − C)"},
            {"did", "Diff-in-Diff"}};
        List<Row> body = new ArrayList<>();
        for (String[] r : rows) {
            List<Cell> top = new ArrayList<>();
            List<Cell> under = new ArrayList<>();
            top.add(Cell.text(r[1]));
            under.add(Cell.text(""));
            for (Estimate e : columns) {
                Term t = e.term(r[0]);
                String ref = "estimates/" + e.id() + "/terms/" + r[0];
                top.add(new Cell(Numbers.fixed(t.estimate(), decimals),
                        stars.stars(t.pValue(), t.stdError(), t.estimate()), ref + "/estimate"));
                under.add(new Cell("(" + Numbers.fixed(t.stdError(), decimals) + ")", "", ref + "/std_error"));
            }
            body.add(new Row(top));
            body.add(new Row(under));
        }
        List<Cell> n = new ArrayList<>();
        List<Cell> r2 = new ArrayList<>();
        n.add(Cell.text("N"));
        r2.add(Cell.text("R²"));
        for (Estimate e : columns) {
            n.add(new Cell(Numbers.count(e.nobs()), "", "estimates/" + e.id() + "/nobs"));
            r2.add(new Cell(Numbers.fixed(e.stats().get("r2"), 3), "", "estimates/" + e.id() + "/stats/r2"));
        }
        List<String> all = new ArrayList<>();
        all.add("Kernel propensity-score matching at the baseline, weights carried to the follow-up by unit, then a"
                + " weighted regression of the outcome on treatment, period and their product (Stata's diff, kernel);"
                + " " + (columns.isEmpty() ? "" : columns.get(0).vcov()) + " in parentheses.");
        all.add(stars.note() + ".");
        all.addAll(notes);
        return new Table(id, title, kinds, List.of(new HeaderRow(head, false)),
                List.of(new Section(body), new Section(List.of(new Row(n), new Row(r2)))), all);
    }
}
