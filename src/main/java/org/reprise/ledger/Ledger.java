package org.reprise.ledger;

import org.reprise.narrative.NumberUse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.reprise.report.Report;
import org.reprise.results.Results;
import org.reprise.table.Numbers;
import org.reprise.table.Table;

/**
 * output/numbers.csv: every number the report prints, one row each, with where it is printed, the text, the
 * full-precision value it stands for (resolved from results.json through its ref), the decimals and the ref.
 * Table cells are collected by {@link #of}; numbers printed elsewhere (narrative sentences) are added with
 * {@link #add}. {@link #problems()} lists every printed number that is not an entry of results.json or does not
 * round to what is printed.
 */
public final class Ledger {
    /**
     * One printed number.
     *
     * @param location "table id:row label:column header", or what {@link #add} was given
     * @param printed  the number as printed (stars, parentheses and brackets removed)
     * @param raw      the value at {@code ref} in results.json (NaN when the ref does not resolve or is missing)
     * @param decimals the decimals printed
     * @param ref      where in results.json the number comes from ("" when the cell has none)
     */
    public record Entry(String location, String printed, double raw, int decimals, String ref) {
    }

    private final Results results;
    private final List<Entry> entries = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final Set<String> locations = new HashSet<>();

    private Ledger(Results results) {
        this.results = results;
    }

    /** Every number printed in the report's table cells, in report order (tables, rows top-down, cells left-right). */
    public static Ledger of(Report report, Results results) {
        Ledger l = new Ledger(results);
        for (Report.Block b : report.blocks()) {
            if (b instanceof Report.TableBlock tb) {
                l.table(tb.table());
            }
        }
        return l;
    }

    /**
     * Adds a number printed outside the tables (e.g. "narrative:table2:sentence 2"). A number printed as its table
     * cell (AS_PRINTED) is checked against results.json like a cell; a derived one (percentage points, a z-test) is
     * recorded with its derivation in the location and its own value as raw.
     */
    public Ledger add(String location, NumberUse use) {
        if (use.kind() != NumberUse.Kind.AS_PRINTED) {
            String at = unique(location + " [" + use.kind().name().toLowerCase(java.util.Locale.ROOT) + "]");
            for (String r : use.ref().split(",")) {
                Refs.Lookup part = Refs.lookup(results, r.strip());
                if (!part.found()) {
                    problems.add(at + ": \"" + use.printed() + "\" has ref `" + r + "`, which does not resolve: "
                            + part.problem());
                }
            }
            entries.add(new Entry(at, use.printed(), use.raw(), use.decimals(), use.ref()));
            return this;
        }
        String ref = use.ref() == null ? "" : use.ref();
        Refs.Lookup found = Refs.lookup(results, ref);
        String at = unique(location);
        if (!found.found()) {
            problems.add(at + ": \"" + use.printed() + "\" has ref `" + ref + "`, which does not resolve: "
                    + found.problem());
        } else {
            checkRounding(at, use.printed(), found.value(), use.decimals());
            if (Double.compare(found.value(), use.raw()) != 0) {
                problems.add(at + ": \"" + use.printed() + "\" claims the value " + use.raw() + " but " + ref
                        + " holds " + found.value());
            }
        }
        entries.add(new Entry(at, use.printed(), found.value(), use.decimals(), ref));
        return this;
    }

    /** The rows, in order. */
    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    /**
     * Printed numbers that break the rule "every number printed is an entry of results.json": a number cell with
     * no ref, a ref that does not resolve, or a value that does not round to the printed text. Empty when all is well.
     */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** numbers.csv: header location,printed,raw,decimals,ref; RFC 4180 quoting; "\n" line ends. */
    public String csv() {
        StringBuilder b = new StringBuilder("location,printed,raw,decimals,ref\n");
        for (Entry e : entries) {
            b.append(Csv.field(e.location())).append(',')
                    .append(Csv.field(e.printed())).append(',')
                    .append(Csv.field(Printed.plain(e.raw()))).append(',')
                    .append(e.decimals()).append(',')
                    .append(Csv.field(e.ref())).append('\n');
        }
        return b.toString();
    }

    private void table(Table t) {
        int textColumn = labelColumn(t);
        List<String> headers = headers(t);
        String lastLabel = "";
        int line = 1;
        for (Table.Section s : t.sections()) {
            for (Table.Row row : s.rows()) {
                String label = textColumn < row.cells().size() ? row.cells().get(textColumn).text() : "";
                if (label == null || label.isBlank()) {
                    line++;
                    label = lastLabel.isEmpty() ? "" : lastLabel + ", line " + line;
                } else {
                    lastLabel = label;
                    line = 1;
                }
                for (int j = 0; j < row.cells().size(); j++) {
                    cell(row.cells().get(j), t.id() + ":" + label + ":"
                            + (j < headers.size() ? headers.get(j) : "col " + (j + 1)));
                }
            }
        }
    }

    private void cell(Table.Cell c, String location) {
        List<Printed> numbers = Printed.inCell(c.text());
        if (c.ref() == null) {
            if (numbers.isEmpty()) {
                return;
            }
            String at = unique(location);
            problems.add(at + ": prints \"" + c.text() + "\" but the cell has no ref into results.json");
            for (Printed p : numbers) {
                entries.add(new Entry(at, p.text(), Double.NaN, p.decimals(), ""));
            }
            return;
        }
        String[] refs = c.ref().split(",");
        if (refs.length != numbers.size()) {
            String at = unique(location);
            problems.add(at + ": prints \"" + c.text() + "\" (" + numbers.size() + " numbers) but has " + refs.length
                    + " refs (" + c.ref() + ")");
            return;
        }
        for (int k = 0; k < refs.length; k++) {
            String where = refs.length == 1 ? location : location + (k == 0 ? " (lower)" : " (upper)");
            String at = unique(where);
            Printed p = numbers.get(k);
            Refs.Lookup found = Refs.lookup(results, refs[k]);
            if (!found.found()) {
                problems.add(at + ": ref " + refs[k] + " does not resolve: " + found.problem());
            } else {
                checkRounding(at, p.text(), found.value(), p.decimals());
            }
            entries.add(new Entry(at, p.text(), found.value(), p.decimals(), refs[k]));
        }
    }

    private void checkRounding(String at, String printed, double raw, int decimals) {
        String expected = Numbers.fixed(raw, decimals);
        if (!expected.equals(printed)) {
            problems.add(at + ": prints \"" + printed + "\" but the value " + raw + " at " + decimals
                    + " decimals is \"" + expected + "\"");
        }
    }

    private String unique(String location) {
        String at = location;
        for (int k = 2; !locations.add(at); k++) {
            at = location + " #" + k;
        }
        return at;
    }

    /**
     * The column that names a row: the first text column with text in every row (so a "Group" column that is blank
     * after a group's first row is passed over); the first column when none is always filled.
     */
    private static int labelColumn(Table t) {
        for (int j = 0; j < t.columns().size(); j++) {
            if (t.columns().get(j) != Table.ColumnKind.TEXT) {
                continue;
            }
            boolean filled = true;
            for (Table.Section s : t.sections()) {
                for (Table.Row r : s.rows()) {
                    if (j >= r.cells().size() || r.cells().get(j).text() == null || r.cells().get(j).text().isBlank()) {
                        filled = false;
                    }
                }
            }
            if (filled) {
                return j;
            }
        }
        return 0;
    }

    /** Each column's header: the non-blank header texts above it, top to bottom, joined by a space. */
    private static List<String> headers(Table t) {
        List<StringBuilder> out = new ArrayList<>();
        for (int j = 0; j < t.columns().size(); j++) {
            out.add(new StringBuilder());
        }
        for (Table.HeaderRow h : t.headers()) {
            int at = 0;
            for (Table.Span s : h.spans()) {
                for (int j = at; j < at + s.width() && j < out.size(); j++) {
                    if (s.text() != null && !s.text().isBlank()) {
                        if (out.get(j).length() > 0) {
                            out.get(j).append(' ');
                        }
                        out.get(j).append(s.text().strip());
                    }
                }
                at += s.width();
            }
        }
        List<String> names = new ArrayList<>();
        for (int j = 0; j < out.size(); j++) {
            names.add(out.get(j).length() > 0 ? out.get(j).toString() : "col " + (j + 1));
        }
        return names;
    }
}
