package org.reprise.verify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reprise.report.Report;
import org.reprise.table.Table;

/**
 * The regenerated tables as alignment targets: each table's rows joined with the lines printed under them (the
 * standard-error line, the "M" line under "U"), each number cell with its column, line and ref; column labels from
 * the header rows; group headers ("Vul1: Vulnerability, $1.90-a-day line") as row context; and, for every variable
 * name, the labels the report prints for it (so "Vul1" is also "Vulnerability, $1.90-a-day line").
 */
final class Target {
    private static final Pattern NUMBER_IN_ID = Pattern.compile("(\\d+)");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");

    /** One number cell. */
    record Cell(int column, int subrow, boolean paren, String text, String stars, String ref) {
    }

    /** One logical row: its label, the group above it, the names in its refs, its number cells. */
    record Row(int index, String group, String label, List<String> names, List<Cell> cells) {
        List<Cell> estimates() {
            return cells.stream().filter(c -> !c.paren()).toList();
        }

        List<Cell> errors() {
            return cells.stream().filter(Cell::paren).toList();
        }

        boolean multiline() {
            return cells.stream().anyMatch(c -> !c.paren() && c.subrow() > 0);
        }
    }

    /** One regenerated table. */
    record Tab(String id, String number, String title, List<String> columns, List<Row> rows, List<String> groups) {
        /** The text of the column as the headers print it, with the labels of a variable-name header. */
        String column(int c) {
            return c < columns.size() ? columns.get(c) : "";
        }
    }

    final List<Tab> tables;
    final Map<String, String> aliases;

    private Target(List<Tab> tables, Map<String, String> aliases) {
        this.tables = tables;
        this.aliases = aliases;
    }

    static Target of(Report report) {
        Map<String, String> aliases = new LinkedHashMap<>();
        List<Tab> tabs = new ArrayList<>();
        for (Report.Block b : report.blocks()) {
            if (b instanceof Report.TableBlock tb) {
                Tab t = tab(tb.table(), aliases);
                // the number the report prints (spec key number:): "4", an appendix number "A1"
                if (tb.number() != null && !tb.number().isEmpty()) {
                    t = new Tab(t.id(), TextPaperReader.tableNumber(tb.number().strip()), t.title(), t.columns(),
                            t.rows(), t.groups());
                }
                tabs.add(t);
            }
        }
        List<Tab> withAliases = new ArrayList<>();
        for (Tab t : tabs) {
            List<String> cols = new ArrayList<>();
            for (String c : t.columns()) {
                cols.add(aliased(c, aliases));
            }
            withAliases.add(new Tab(t.id(), t.number(), t.title(), cols, t.rows(), t.groups()));
        }
        return new Target(withAliases, aliases);
    }

    /** A header that is a variable name, followed by that variable's labels. */
    static String aliased(String header, Map<String, String> aliases) {
        String h = header.strip();
        StringBuilder b = new StringBuilder(h);
        for (String w : h.split("[\\s(),:]+")) {
            String a = aliases.get(w);
            if (a != null) {
                b.append(" ").append(a);
            }
        }
        return b.toString();
    }

    private static Tab tab(Table t, Map<String, String> aliases) {
        int ncol = t.columns().size();
        String[] col = new String[ncol];
        for (int i = 0; i < ncol; i++) {
            col[i] = "";
        }
        for (Table.HeaderRow h : t.headers()) {
            int c = 0;
            for (Table.Span s : h.spans()) {
                for (int k = c; k < Math.min(ncol, c + s.width()); k++) {
                    if (!s.text().isBlank()) {
                        col[k] = (col[k] + " " + s.text()).strip();
                    }
                }
                c += s.width();
            }
        }
        List<Row> rows = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        String group = "";
        String label = null;
        List<Cell> cells = null;
        List<String> names = null;
        int sub = 0;
        for (Table.Section sec : t.sections()) {
            for (Table.Row r : sec.rows()) {
                List<Table.Cell> cs = r.cells();
                boolean anyNumber = cs.stream().anyMatch(c -> c.ref() != null);
                String text = textOf(cs);
                boolean continuation = label != null && anyNumber && (text.isBlank()
                        || !cs.isEmpty() && cs.get(0).text().isBlank() && sharesName(cs, names));
                long filled = cs.stream().filter(c -> !c.text().isBlank()).count();
                if (!anyNumber && !text.isBlank() && !continuation && filled == 1) {
                    if (label != null) {
                        rows.add(new Row(rows.size(), group, label, names, cells));
                        label = null;
                    }
                    group = text;
                    groups.add(text);
                    Matcher m = Pattern.compile("^([A-Za-z_][A-Za-z0-9_.]*):\\s*(.+)$").matcher(text);
                    if (m.matches()) {
                        aliases.merge(m.group(1), m.group(2), (a, b) -> a.contains(b) ? a : a + " " + b);
                    }
                    continue;
                }
                if (!anyNumber) {
                    continue;
                }
                if (continuation) {
                    sub++;
                } else {
                    if (label != null) {
                        rows.add(new Row(rows.size(), group, label, names, cells));
                    }
                    label = text;
                    cells = new ArrayList<>();
                    names = new ArrayList<>();
                    sub = 0;
                }
                for (int i = 0; i < cs.size(); i++) {
                    Table.Cell c = cs.get(i);
                    if (c.ref() == null) {
                        continue;
                    }
                    boolean paren = c.text().strip().startsWith("(") || c.text().strip().startsWith("[");
                    cells.add(new Cell(i, sub, paren, c.text(), c.stars(), c.ref()));
                    String n = nameIn(c.ref());
                    if (n != null && !names.contains(n)) {
                        names.add(n);
                    }
                }
                if (!continuation) {
                    for (Table.Cell c : cs) {
                        String n = c.ref() != null ? "" : c.text().strip();
                        if (!n.isEmpty() && names.contains(n) && NAME.matcher(n).matches()) {
                            String rest = text.replaceAll("(?<![\\p{L}\\d_])" + Pattern.quote(n) + "(?![\\p{L}\\d_])", " ")
                                    .replaceAll("\\s+", " ").strip();
                            aliases.merge(n, rest, (a, b) -> a.contains(b) ? a : a + " " + b);
                        }
                    }
                }
            }
        }
        if (label != null) {
            rows.add(new Row(rows.size(), group, label, names, cells));
        }
        Matcher m = NUMBER_IN_ID.matcher(t.id() == null ? "" : t.id());
        String number = m.find() ? TextPaperReader.tableNumber(m.group(1)) : "";
        List<String> columns = new ArrayList<>();
        for (String c : col) {
            columns.add(c);
        }
        return new Tab(t.id(), number, t.title(), columns, rows, groups);
    }

    /** The variable or term a ref is about: descriptives/t/VAR/stat, estimates/m/terms/TERM/field, balance/b/x/VAR/…. */
    static String nameIn(String ref) {
        String[] p = ref.split("/");
        if (p[0].equals("descriptives") && p.length == 4) {
            return p[2];
        }
        if (p[0].equals("estimates") && p.length == 5 && p[2].equals("terms")) {
            return p[3];
        }
        if (p[0].equals("balance") && p.length == 4) {
            return p[2];
        }
        if (p[0].equals("balance") && p.length >= 5) {
            return p[p.length - 2];
        }
        return null;
    }

    private static boolean sharesName(List<Table.Cell> cs, List<String> names) {
        for (Table.Cell c : cs) {
            if (c.ref() != null && names != null && names.contains(nameIn(c.ref()))) {
                return true;
            }
        }
        return false;
    }

    private static String textOf(List<Table.Cell> cs) {
        StringBuilder b = new StringBuilder();
        for (Table.Cell c : cs) {
            if (c.ref() == null && !c.text().isBlank()) {
                b.append(b.length() == 0 ? "" : " ").append(c.text().strip());
            }
        }
        return b.toString();
    }
}
