package org.reprise.table;

import java.util.ArrayList;
import java.util.List;
import org.reprise.results.Estimate;
import org.reprise.results.Term;
import org.reprise.table.RegressionLayout.Below;
import org.reprise.table.Table.Cell;
import org.reprise.table.Table.ColumnKind;
import org.reprise.table.Table.HeaderRow;
import org.reprise.table.Table.Row;
import org.reprise.table.Table.Section;
import org.reprise.table.Table.Span;

/** Builds the format-neutral regression table (esttab's layout) from stored estimates. */
public final class RegressionTable {
    private RegressionTable() {
    }

    public static Table build(RegressionLayout l) {
        int m = l.models().size();
        List<ColumnKind> kinds = new ArrayList<>();
        kinds.add(ColumnKind.TEXT);
        for (int j = 0; j < m; j++) {
            kinds.add(ColumnKind.NUMBER);
        }
        return new Table(l.id(), l.title(), kinds, headers(l), sections(l), notes(l));
    }

    private static List<HeaderRow> headers(RegressionLayout l) {
        int m = l.models().size();
        List<HeaderRow> rows = new ArrayList<>();
        if (!l.groups().isEmpty()) {
            List<Span> spans = new ArrayList<>();
            spans.add(new Span("", 1));
            int at = 0;
            for (RegressionLayout.Group g : l.groups()) {
                if (g.from() > at) {
                    spans.add(new Span("", g.from() - at));
                }
                spans.add(new Span(g.label(), g.width()));
                at = g.from() + g.width();
            }
            if (at < m) {
                spans.add(new Span("", m - at));
            }
            rows.add(new HeaderRow(spans, true));
        }
        List<Span> numbers = new ArrayList<>();
        numbers.add(new Span("", 1));
        for (int j = 0; j < m; j++) {
            numbers.add(new Span("(" + (j + 1) + ")", 1));
        }
        rows.add(new HeaderRow(numbers, false));
        List<Span> labels = new ArrayList<>();
        labels.add(new Span("", 1));
        for (String s : l.columnLabels()) {
            labels.add(new Span(s, 1));
        }
        rows.add(new HeaderRow(labels, false));
        return rows;
    }

    private static List<Section> sections(RegressionLayout l) {
        List<Section> out = new ArrayList<>();
        List<Row> coef = new ArrayList<>();
        for (RegressionLayout.TermRow tr : l.terms()) {
            List<Cell> top = new ArrayList<>();
            List<Cell> under = new ArrayList<>();
            top.add(Cell.text(tr.label()));
            under.add(Cell.text(""));
            for (Estimate e : l.models()) {
                Term t = e.term(tr.term());
                if (t == null || t.omitted()) {
                    top.add(Cell.text(""));
                    under.add(Cell.text(""));
                    continue;
                }
                String ref = "estimates/" + e.id() + "/terms/" + tr.term();
                top.add(new Cell(Numbers.fixed(t.estimate(), l.estimateDecimals()),
                        l.stars().stars(t.pValue(), t.stdError(), t.estimate()), ref + "/estimate"));
                under.add(below(t, l.below(), l.belowDecimals(), ref));
            }
            coef.add(new Row(top));
            coef.add(new Row(under));
        }
        out.add(new Section(coef));
        if (!l.stats().isEmpty()) {
            List<Row> stats = new ArrayList<>();
            for (RegressionLayout.StatRow sr : l.stats()) {
                List<Cell> cells = new ArrayList<>();
                cells.add(Cell.text(sr.label()));
                for (Estimate e : l.models()) {
                    cells.add(stat(e, sr));
                }
                stats.add(new Row(cells));
            }
            out.add(new Section(stats));
        }
        if (!l.indicators().isEmpty()) {
            List<Row> ind = new ArrayList<>();
            for (RegressionLayout.IndicatorRow ir : l.indicators()) {
                List<Cell> cells = new ArrayList<>();
                cells.add(Cell.text(ir.label()));
                for (String v : ir.values()) {
                    cells.add(Cell.text(v));
                }
                ind.add(new Row(cells));
            }
            out.add(new Section(ind));
        }
        return out;
    }

    private static Cell below(Term t, Below below, int d, String ref) {
        double shown = switch (below) {
            case SE -> t.stdError();
            case T -> t.statistic();
            case P -> t.pValue();
            case CI -> t.confLow() + t.confHigh();
        };
        if (!Double.isFinite(shown)) {
            return Cell.text(""); // never "()" or "(Inf)"
        }
        return switch (below) {
            case SE -> new Cell("(" + Numbers.fixed(t.stdError(), d) + ")", "", ref + "/std_error");
            case T -> new Cell("(" + Numbers.fixed(t.statistic(), d) + ")", "", ref + "/statistic");
            case P -> new Cell("(" + Numbers.fixed(t.pValue(), d) + ")", "", ref + "/p_value");
            case CI -> new Cell("[" + Numbers.fixed(t.confLow(), d) + ", " + Numbers.fixed(t.confHigh(), d) + "]", "",
                    ref + "/conf_low," + ref + "/conf_high");
        };
    }

    private static Cell stat(Estimate e, RegressionLayout.StatRow sr) {
        if (sr.key().equals("nobs")) {
            return new Cell(Numbers.count(e.nobs()), "", "estimates/" + e.id() + "/nobs");
        }
        Double v = e.stats().get(sr.key());
        if (v == null || v.isNaN()) {
            return Cell.text("");
        }
        return new Cell(Numbers.fixed(v, sr.decimals()), "", "estimates/" + e.id() + "/stats/" + sr.key());
    }

    private static List<String> notes(RegressionLayout l) {
        List<String> notes = new ArrayList<>();
        String what = switch (l.below()) {
            case SE -> "Standard errors";
            case T -> "t statistics";
            case P -> "p-values";
            case CI -> "95% confidence intervals";
        };
        String where = l.below() == Below.CI ? " in brackets" : " in parentheses";
        List<String> vcovs = new ArrayList<>();
        for (Estimate e : l.models()) {
            if (!vcovs.contains(e.vcov())) {
                vcovs.add(e.vcov());
            }
        }
        StringBuilder sb = new StringBuilder(what).append(where).append("; ");
        if (vcovs.size() == 1) {
            sb.append(lowerFirst(vcovs.get(0)));
        } else {
            List<String> per = new ArrayList<>();
            for (int j = 0; j < l.models().size(); j++) {
                per.add("(" + (j + 1) + ") " + lowerFirst(l.models().get(j).vcov()));
            }
            sb.append(String.join("; ", per));
        }
        notes.add(sb.append(".").toString().replace("..", "."));
        notes.add(l.stars().note() + ".");
        notes.addAll(l.notes());
        return notes;
    }

    private static String lowerFirst(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        if (s.length() > 1 && Character.isUpperCase(s.charAt(1))) {
            return s; // an acronym such as "HC1 ..."
        }
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
