package org.reprise.table;

import java.util.ArrayList;
import java.util.List;
import org.reprise.results.Estimate;
import org.reprise.results.Results;
import org.reprise.results.Term;
import org.reprise.table.Table.Cell;
import org.reprise.table.Table.ColumnKind;
import org.reprise.table.Table.HeaderRow;
import org.reprise.table.Table.Row;
import org.reprise.table.Table.Section;
import org.reprise.table.Table.Span;

/**
 * The ATT table (the paper's Table 4): one section per outcome with a row per matching method (ATT with stars, its
 * standard error in parentheses beneath) and the average of the methods; one column per sample.
 */
public final class MatchingTable {
    private MatchingTable() {
    }

    /** A row: method id and label. */
    public record Method(String id, String label) {
    }

    public static Table build(String id, String title, String matchingId, List<String> outcomes,
                              List<String> outcomeLabels, List<Method> methods, List<String> samples,
                              List<String> sampleLabels, Results results, int decimals, StarRule stars,
                              List<String> notes) {
        return build(id, title, matchingId, outcomes, outcomeLabels, methods, List.of(), samples, sampleLabels,
                results, decimals, stars, notes);
    }

    /**
     * As above, with Stata teffects estimators after the psmatch2 methods and their average: two rows each, the ATE
     * and the ATET (terms ATE and ATET of {@code <matching>.<sample>.<id>.<outcome>}), and a note with their SE.
     */
    public static Table build(String id, String title, String matchingId, List<String> outcomes,
                              List<String> outcomeLabels, List<Method> methods, List<Method> teffects,
                              List<String> samples, List<String> sampleLabels, Results results, int decimals,
                              StarRule stars, List<String> notes) {
        List<ColumnKind> kinds = new ArrayList<>();
        List<Span> head = new ArrayList<>();
        kinds.add(ColumnKind.TEXT);
        head.add(new Span("", 1));
        for (String label : sampleLabels) {
            kinds.add(ColumnKind.NUMBER);
            head.add(new Span(label, 1));
        }
        List<Section> sections = new ArrayList<>();
        String seLabel = "";
        java.util.Set<String> teLabels = new java.util.LinkedHashSet<>();
        for (int o = 0; o < outcomes.size(); o++) {
            List<Row> rows = new ArrayList<>();
            List<Cell> title0 = new ArrayList<>();
            title0.add(Cell.text(outcomeLabels.get(o)));
            samples.forEach(s -> title0.add(Cell.text("")));
            rows.add(new Row(title0));
            List<Method> all = new ArrayList<>(methods);
            all.add(new Method("average", "Average of the methods"));
            List<String> terms = new ArrayList<>();
            all.forEach(m -> terms.add("ATT"));
            for (Method m : teffects) {
                all.add(new Method(m.id(), m.label() + ": ATE"));
                terms.add("ATE");
                all.add(new Method(m.id(), m.label() + ": ATET"));
                terms.add("ATET");
            }
            for (int r = 0; r < all.size(); r++) {
                Method m = all.get(r);
                String term = terms.get(r);
                boolean te = r > methods.size();
                List<Cell> top = new ArrayList<>();
                List<Cell> under = new ArrayList<>();
                top.add(Cell.text(m.label()));
                under.add(Cell.text(""));
                for (String s : samples) {
                    String eid = matchingId + "." + s + "." + m.id() + "." + outcomes.get(o);
                    Estimate e = results.estimate(eid);
                    Term t = e == null ? null : e.term(term);
                    if (t == null) {
                        top.add(Cell.text(""));
                        under.add(Cell.text(""));
                        continue;
                    }
                    String ref = "estimates/" + eid + "/terms/" + term;
                    top.add(new Cell(Numbers.fixed(t.estimate(), decimals), stars.stars(t.pValue()), ref + "/estimate"));
                    under.add(Double.isNaN(t.stdError()) ? Cell.text("")
                            : new Cell("(" + Numbers.fixed(t.stdError(), decimals) + ")", "", ref + "/std_error"));
                    if (te) {
                        teLabels.add(e.vcov());
                    } else if (!m.id().equals("average")) {
                        seLabel = e.vcov();
                    }
                }
                rows.add(new Row(top));
                if (under.stream().anyMatch(c -> !c.text().isEmpty())) {
                    rows.add(new Row(under));
                }
            }
            sections.add(new Section(rows));
        }
        List<String> allNotes = new ArrayList<>();
        allNotes.add((teffects.isEmpty() ? "" : "psmatch2 rows: a")
                + (teffects.isEmpty() ? "Average" : "verage") + " treatment effect on the treated; standard errors in"
                + " parentheses: " + seLabel + ".");
        if (!teffects.isEmpty()) {
            allNotes.add("teffects rows: average treatment effect (ATE) and on the treated (ATET), matching with"
                    + " replacement, all ties kept, no common-support trimming; standard errors: "
                    + String.join("; ", teLabels) + ".");
        }
        allNotes.add(stars.note() + " (normal approximation).");
        allNotes.addAll(notes);
        return new Table(id, title, kinds, List.of(new HeaderRow(head, false)), sections, allNotes);
    }
}
