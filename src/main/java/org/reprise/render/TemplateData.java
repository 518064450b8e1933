package org.reprise.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.reprise.UserError;
import org.reprise.report.Report;
import org.reprise.table.Table;

/**
 * Turns a {@link Report} into the plain data a template sees: maps, lists, strings, integers and booleans only
 * (no Java object with methods reaches a template). It also checks the report's shape and computes layout facts
 * (column spans, digits before and after the decimal point) — it never formats a number.
 */
final class TemplateData {
    /** Table ids and figure files become file names and LaTeX labels. */
    private static final String SAFE_NAME = "[A-Za-z0-9][A-Za-z0-9._-]*";

    private TemplateData() {
    }

    /** What the templates need to know about one figure file. */
    record FigureFile(boolean present, String src) {
    }

    /**
     * The report as template data.
     *
     * @param figures for a figure's base name, whether figures/NAME.png exists and what the image source is
     */
    static Map<String, Object> report(Report report, Function<String, FigureFile> figures) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", str(report.title()));
        List<Object> authors = new ArrayList<>();
        for (String a : report.authors() == null ? List.<String>of() : report.authors()) {
            authors.add(str(a));
        }
        m.put("authors", authors);
        m.put("abstract", str(report.abstractText()));
        List<Object> blocks = new ArrayList<>();
        int tables = 0;
        int figureCount = 0;
        for (Report.Block block : report.blocks() == null ? List.<Report.Block>of() : report.blocks()) {
            Map<String, Object> b = new LinkedHashMap<>();
            if (block instanceof Report.Heading h) {
                b.put("type", "heading");
                b.put("level", Math.max(1, h.level()));
                b.put("text", str(h.text()));
            } else if (block instanceof Report.Paragraph p) {
                b.put("type", "paragraph");
                b.put("text", str(p.text()));
            } else if (block instanceof Report.TableBlock t) {
                b.put("type", "table");
                b.put("table", table(t.table(), number(t, ++tables)));
            } else if (block instanceof Report.Figure f) {
                b.put("type", "figure");
                b.putAll(figure(f, ++figureCount, figures));
            }
            blocks.add(b);
        }
        m.put("blocks", blocks);
        return m;
    }

    private static Map<String, Object> figure(Report.Figure f, int number, Function<String, FigureFile> figures) {
        String file = str(f.file());
        if (!file.matches(SAFE_NAME)) {
            throw new UserError("Figure '" + f.id() + "': its file name '" + file + "' cannot be used in a report: "
                    + "use only letters, digits, '.', '_' and '-' (the base name of figures/NAME.png, no folder "
                    + "and no extension).");
        }
        FigureFile ff = figures.apply(file);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", str(f.id()).matches(SAFE_NAME) ? f.id() : file);
        m.put("file", file);
        m.put("path", "figures/" + file + ".png");
        m.put("caption", str(f.caption()));
        m.put("number", number);
        m.put("present", ff.present());
        m.put("src", ff.src());
        return m;
    }

    /** A table block's number: its own, or (a block built without one) its position among the report's tables. */
    static String number(Report.TableBlock t, int position) {
        return t.number() == null || t.number().isEmpty() ? Integer.toString(position) : t.number();
    }

    /** One table as template data; {@code number} is its number as the reader sees it ("2", "A1"). */
    static Map<String, Object> table(Table t, String number) {
        String id = str(t.id());
        if (!id.matches(SAFE_NAME)) {
            throw new UserError("Table '" + id + "': a table id may only contain letters, digits, '.', '_' and '-' "
                    + "and must start with a letter or digit (it names the file tables/ID.tex and the LaTeX label "
                    + "tab:ID); rename the table.");
        }
        List<Table.ColumnKind> kinds = t.columns() == null ? List.of() : t.columns();
        int n = kinds.size();
        if (n == 0) {
            throw new UserError("Table '" + id + "' has no columns; a table needs at least one column.");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("title", str(t.title()));
        m.put("number", number);
        m.put("ncols", n);
        List<NumberText[]> parsed = new ArrayList<>();
        List<Object> sections = sections(t, id, kinds, parsed);
        List<Map<String, Object>> columns = columns(kinds, parsed);
        m.put("columns", columns);
        m.put("headers", headers(t, id, columns));
        // the S-column facts are only known after every cell is seen: mark each numeric cell of an S column
        for (Object s : sections) {
            for (Object r : rowsOf(s)) {
                List<Map<String, Object>> cells = cellsOf(r);
                for (int j = 0; j < n; j++) {
                    Map<String, Object> c = cells.get(j);
                    c.put("s", Boolean.TRUE.equals(columns.get(j).get("s")) && Boolean.TRUE.equals(c.get("numeric")));
                    String stars = (String) c.get("stars");
                    if (stars.length() > ((String) columns.get(j).get("stars")).length()) {
                        columns.get(j).put("stars", stars);
                    }
                }
            }
        }
        m.put("sections", sections);
        List<Object> notes = new ArrayList<>();
        for (String note : t.notes() == null ? List.<String>of() : t.notes()) {
            notes.add(str(note).strip());
        }
        m.put("notes", notes);
        return m;
    }

    private static List<Object> sections(Table t, String id, List<Table.ColumnKind> kinds, List<NumberText[]> parsed) {
        int n = kinds.size();
        List<Object> sections = new ArrayList<>();
        int rowNo = 0;
        for (Table.Section section : t.sections() == null ? List.<Table.Section>of() : t.sections()) {
            List<Object> rows = new ArrayList<>();
            for (Table.Row row : section.rows()) {
                rowNo++;
                if (row.cells().size() != n) {
                    throw new UserError("Table '" + id + "', body row " + rowNo + " has " + row.cells().size()
                            + " cells but the table has " + n + " columns; every row needs one cell per column.");
                }
                NumberText[] nums = new NumberText[n];
                List<Object> cells = new ArrayList<>();
                for (int j = 0; j < n; j++) {
                    Table.Cell cell = row.cells().get(j);
                    NumberText num = NumberText.parse(cell == null ? "" : cell.text());
                    nums[j] = kinds.get(j) == Table.ColumnKind.NUMBER ? num : null;
                    cells.add(cell(cell, kinds.get(j), num));
                }
                parsed.add(nums);
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("cells", cells);
                rows.add(r);
            }
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("rows", rows);
            sections.add(s);
        }
        return sections;
    }

    private static Map<String, Object> cell(Table.Cell cell, Table.ColumnKind kind, NumberText num) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("text", cell == null ? "" : str(cell.text()).strip());
        c.put("stars", cell == null ? "" : str(cell.stars()));
        c.put("kind", kind.name());
        c.put("numeric", num.numeric());
        c.put("pre", num.pre());
        c.put("num", num.latexCore());
        c.put("post", num.post());
        return c;
    }

    /** Per column: kind, and for number columns the siunitx table-format facts. */
    private static List<Map<String, Object>> columns(List<Table.ColumnKind> kinds, List<NumberText[]> parsed) {
        List<Map<String, Object>> columns = new ArrayList<>();
        for (int j = 0; j < kinds.size(); j++) {
            int intDigits = 1;
            int decDigits = 0;
            boolean sign = false;
            boolean any = false;
            String pre = "";
            String post = "";
            for (NumberText[] row : parsed) {
                NumberText x = row[j];
                if (x == null || !x.numeric()) {
                    continue;
                }
                any = true;
                intDigits = Math.max(intDigits, x.integerDigits());
                decDigits = Math.max(decDigits, x.decimalDigits());
                sign |= x.negative();
                pre = x.pre().isEmpty() ? pre : x.pre();
                post = x.post().isEmpty() ? post : x.post();
            }
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("kind", kinds.get(j).name());
            c.put("s", kinds.get(j) == Table.ColumnKind.NUMBER && any);
            c.put("format", (sign ? "-" : "") + intDigits + "." + decDigits);
            c.put("pre", pre);
            c.put("post", post);
            c.put("stars", "");
            columns.add(c);
        }
        return columns;
    }

    private static List<Object> headers(Table t, String id, List<Map<String, Object>> columns) {
        int n = columns.size();
        List<Object> headers = new ArrayList<>();
        int rowNo = 0;
        for (Table.HeaderRow hr : t.headers() == null ? List.<Table.HeaderRow>of() : t.headers()) {
            rowNo++;
            List<Object> spans = new ArrayList<>();
            List<Object> expanded = new ArrayList<>();
            List<Object> rules = new ArrayList<>();
            int col = 0;
            for (Table.Span span : hr.spans()) {
                int w = span.width();
                if (w < 1 || col + w > n) {
                    throw new UserError("Table '" + id + "', header row " + rowNo + ": the spans' widths must be at "
                            + "least 1 and add up to the " + n + " columns, but span '" + span.text() + "' (width "
                            + w + ") ends at column " + (col + w) + ".");
                }
                String text = str(span.text()).strip();
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("text", text);
                s.put("width", w);
                s.put("first", col + 1);
                s.put("last", col + w);
                s.put("kind", columns.get(col).get("kind"));
                s.put("s", w == 1 && Boolean.TRUE.equals(columns.get(col).get("s")));
                spans.add(s);
                if (hr.rule() && w > 1 && !text.isEmpty()) {
                    rules.add(Map.of("first", col + 1, "last", col + w));
                }
                for (int k = 0; k < w; k++) {
                    expanded.add(text);
                }
                col += w;
            }
            if (col != n) {
                throw new UserError("Table '" + id + "', header row " + rowNo + ": the spans cover " + col
                        + " columns but the table has " + n + "; make the widths add up to " + n + ".");
            }
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("spans", spans);
            h.put("cells", expanded);
            h.put("rule", hr.rule());
            h.put("rules", rules);
            headers.add(h);
        }
        return headers;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> rowsOf(Object section) {
        return (List<Object>) ((Map<String, Object>) section).get("rows");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> cellsOf(Object row) {
        return (List<Map<String, Object>>) ((Map<String, Object>) row).get("cells");
    }

    static String str(String s) {
        return s == null ? "" : s;
    }
}
