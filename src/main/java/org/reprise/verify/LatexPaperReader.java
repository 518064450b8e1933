package org.reprise.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a LaTeX manuscript's tables: each {@code table} environment's {@code \caption} (numbered in document order,
 * as LaTeX numbers them) and {@code \label}, its {@code tabular}-like body (tabular, tabular*, tabularx, longtable;
 * booktabs rules; siunitx {@code S} columns with braced text; {@code \multicolumn}), stars as {@code ^{***}},
 * {@code $^{***}$} or {@code \sym{***}}, standard errors in parentheses on the line under the estimates, and
 * {@code threeparttable} notes. Rows above the first {@code \midrule} are headers; a row whose first cell is empty
 * and whose other text is at most two letters ("M" under "U", or nothing: a standard-error line) continues the row
 * above; a row with text in its first cell only is a group header (kept as a row without numbers). The running text outside the tables is kept, line by line, for the self-consistency checks.
 */
final class LatexPaperReader {
    private static final Pattern TABLE_ENV = Pattern.compile("\\\\begin\\{(table\\*?|longtable)\\}");
    private static final Pattern TABULAR = Pattern.compile(
            "\\\\begin\\{(tabular\\*?|tabularx|longtable|tabulary)\\}");

    private LatexPaperReader() {
    }

    private static final java.util.regex.Pattern OWN_NUMBER = java.util.regex.Pattern.compile(
            "\\\\renewcommand\\s*\\{?\\\\thetable\\}?\\s*\\{([^}]*)\\}");

    static Paper read(String file, String tex) {
        String t = stripComments(tex.replace("\r\n", "\n"));
        List<Paper.Table> tables = new ArrayList<>();
        List<int[]> spans = new ArrayList<>();
        Matcher m = TABLE_ENV.matcher(t);
        int from = 0;
        int number = 0;
        while (m.find(from)) {
            String env = m.group(1);
            int end = t.indexOf("\\end{" + env + "}", m.end());
            if (end < 0) {
                break;
            }
            int stop = end + ("\\end{" + env + "}").length();
            String body = t.substring(m.start(), stop);
            int line = lineOf(t, m.start());
            String caption = argument(body, "\\caption");
            if (caption != null) {
                number++;
                String label = argument(body, "\\label");
                // a table that sets its own printed number (\renewcommand{\thetable}{4}, as Reprise's fragments do)
                // is read with that number, an appendix number ("A1") included
                Matcher own = OWN_NUMBER.matcher(body);
                String printed = own.find() ? TextPaperReader.tableNumber(own.group(1).strip()) : String.valueOf(number);
                Paper.Table pt = table(body, printed, clean(caption), label == null ? "" : label.strip(), line);
                if (pt != null) {
                    tables.add(pt);
                }
            }
            spans.add(new int[] {m.start(), stop});
            from = stop;
        }
        List<Paper.Line> prose = new ArrayList<>();
        String[] lines = t.split("\n", -1);
        int offset = 0;
        for (int i = 0; i < lines.length; i++) {
            int at = offset;
            offset += lines[i].length() + 1;
            boolean inside = spans.stream().anyMatch(s -> at >= s[0] && at < s[1]);
            String c = clean(lines[i]).strip();
            if (!inside && !c.isEmpty()) {
                prose.add(new Paper.Line(i + 1, c));
            }
        }
        return new Paper(file, tables, prose);
    }

    private static int lineOf(String t, int at) {
        int n = 1;
        for (int i = 0; i < at && i < t.length(); i++) {
            if (t.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    static String stripComments(String t) {
        StringBuilder b = new StringBuilder(t.length());
        for (String line : t.split("\n", -1)) {
            int cut = -1;
            for (int i = 0; i < line.length(); i++) {
                if (line.charAt(i) == '%' && (i == 0 || line.charAt(i - 1) != '\\')) {
                    cut = i;
                    break;
                }
            }
            b.append(cut < 0 ? line : line.substring(0, cut)).append('\n');
        }
        return b.toString();
    }

    /** The braced argument of the first {@code command} (optional [..] skipped); null when absent. */
    static String argument(String s, String command) {
        int i = s.indexOf(command + "{");
        int j = s.indexOf(command + "[");
        if (i < 0 && j < 0) {
            return null;
        }
        int k = i < 0 ? j : j < 0 ? i : Math.min(i, j);
        k += command.length();
        if (s.charAt(k) == '[') {
            k = matching(s, k, '[', ']') + 1;
        }
        if (k >= s.length() || s.charAt(k) != '{') {
            return null;
        }
        int e = matching(s, k, '{', '}');
        return e < 0 ? null : s.substring(k + 1, e);
    }

    private static int matching(String s, int open, char o, char c) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char x = s.charAt(i);
            if (x == '\\') {
                i++;
                continue;
            }
            if (x == o) {
                depth++;
            } else if (x == c) {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static Paper.Table table(String body, String number, String caption, String label, int line) {
        Matcher m = TABULAR.matcher(body);
        if (!m.find()) {
            return null;
        }
        String env = m.group(1);
        int k = m.end();
        // skip the width argument of tabular*/tabularx and the column specification
        int args = env.equals("tabular*") || env.equals("tabularx") || env.equals("tabulary") ? 2 : 1;
        for (int a = 0; a < args; a++) {
            while (k < body.length() && Character.isWhitespace(body.charAt(k))) {
                k++;
            }
            if (k < body.length() && body.charAt(k) == '[') {
                k = matching(body, k, '[', ']') + 1;
            }
            if (k < body.length() && body.charAt(k) == '{') {
                k = matching(body, k, '{', '}') + 1;
            }
        }
        int end = body.indexOf("\\end{" + env + "}", k);
        String tab = body.substring(k, end < 0 ? body.length() : end);
        String notes = "";
        String tn = between(body, "\\begin{tablenotes}", "\\end{tablenotes}");
        if (tn != null) {
            notes = clean(tn.replaceAll("\\\\item(\\[[^]]*])?", " ").replaceAll("\\\\footnotesize|\\\\small", " "))
                    .replaceAll("\\s+", " ").strip();
        }
        List<String> rows = split(tab, "\\\\");
        boolean hasMidrule = tab.contains("\\midrule") || tab.contains("\\hline");
        boolean inHeader = hasMidrule;
        List<List<String>> headerRows = new ArrayList<>();
        List<Paper.Row> out = new ArrayList<>();
        int ncol = 0;
        for (String raw : rows) {
            String r = raw;
            boolean rule = r.contains("\\midrule") || r.contains("\\hline");
            if (inHeader && rule) {
                // the rule before this row's cells ends the header
                int at = Math.max(r.lastIndexOf("\\midrule"), r.lastIndexOf("\\hline"));
                String before = r.substring(0, at);
                if (!before.replaceAll("\\\\(toprule|midrule|hline|bottomrule|cmidrule(\\([^)]*\\))?\\{[^}]*\\})", "")
                        .isBlank()) {
                    headerRows.add(cells(before));
                }
                inHeader = false;
                r = r.substring(at);
            }
            r = r.replaceAll("\\\\(toprule|midrule|bottomrule|hline|addlinespace|endhead|endfirsthead|endfoot"
                    + "|endlastfoot)(\\[[^]]*])?", " ").replaceAll("\\\\(cmidrule|cline)(\\([^)]*\\))?\\{[^}]*\\}", " ");
            if (r.isBlank()) {
                continue;
            }
            List<String> cells = cells(r);
            ncol = Math.max(ncol, cells.size());
            if (inHeader) {
                headerRows.add(cells);
                continue;
            }
            row(cells, out, line);
        }
        List<String> columns = new ArrayList<>();
        for (int c = 0; c < ncol; c++) {
            StringBuilder b = new StringBuilder();
            for (List<String> h : headerRows) {
                if (c < h.size() && !h.get(c).isBlank()) {
                    b.append(b.length() == 0 ? "" : " ").append(h.get(c).strip());
                }
            }
            columns.add(b.toString());
        }
        String header = String.join(" ", columns);
        return new Paper.Table(number, caption, header, columns, out, notes, line, label);
    }

    private static void row(List<String> cells, List<Paper.Row> out, int line) {
        StringBuilder label = new StringBuilder();
        List<Paper.Value> values = new ArrayList<>();
        int letters = 0;
        for (int c = 0; c < cells.size(); c++) {
            String x = cells.get(c).strip();
            if (x.isEmpty()) {
                continue;
            }
            Optional<Paper.Value> v = TextPaperReader.number(x.replace(" ", ""), c, 0, line);
            if (v.isPresent()) {
                values.add(v.get());
            } else {
                label.append(label.length() == 0 ? "" : " ").append(x);
                letters += x.replaceAll("[^\\p{L}]", "").length();
            }
        }
        if (values.isEmpty()) {
            long filled = cells.stream().filter(c -> !c.isBlank()).count();
            if (filled == 1 && !cells.get(0).isBlank()) {
                out.add(new Paper.Row(label.toString(), List.of(), line));
            }
            return;
        }
        boolean firstBlank = cells.isEmpty() || cells.get(0).isBlank();
        if (firstBlank && letters < 3 && !out.isEmpty()) {
            Paper.Row prev = out.get(out.size() - 1);
            int sub = prev.values().stream().mapToInt(Paper.Value::subrow).max().orElse(0) + 1;
            List<Paper.Value> merged = new ArrayList<>(prev.values());
            for (Paper.Value v : values) {
                merged.add(new Paper.Value(v.text(), v.number(), v.stars(), v.paren(), v.column(),
                        sub, v.line()));
            }
            out.set(out.size() - 1, new Paper.Row(prev.label(), merged, prev.line()));
            return;
        }
        out.add(new Paper.Row(label.toString(), values, line));
    }

    private static String between(String s, String a, String b) {
        int i = s.indexOf(a);
        if (i < 0) {
            return null;
        }
        int j = s.indexOf(b, i + a.length());
        return j < 0 ? null : s.substring(i + a.length(), j);
    }

    /** Splits at {@code sep} outside braces (and not an escaped character). */
    private static List<String> split(String s, String sep) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && s.startsWith(sep, i) && depth == 0) {
                out.add(s.substring(start, i));
                i += sep.length() - 1;
                start = i + 1;
                continue;
            }
            if (c == '\\') {
                i++;
                continue;
            }
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            }
        }
        out.add(s.substring(start));
        return out;
    }

    /** The cells of one row, a \multicolumn{n} cell repeated over its n columns, each cleaned to plain text. */
    private static List<String> cells(String row) {
        List<String> out = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < row.length(); i++) {
            char c = row.charAt(i);
            if (c == '\\') {
                i++;
                continue;
            }
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (c == '&' && depth == 0) {
                parts.add(row.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(row.substring(start));
        for (String p : parts) {
            String x = p.strip();
            if (x.startsWith("\\multicolumn")) {
                String n = argument(x, "\\multicolumn");
                int span = 1;
                try {
                    span = Integer.parseInt(n.strip());
                } catch (RuntimeException e) {
                    // not a number: one column
                }
                int a = x.indexOf('{', x.indexOf('{') + 1);
                int a2 = matching(x, a, '{', '}');
                int t = x.indexOf('{', a2 + 1);
                int t2 = matching(x, t, '{', '}');
                String text = t >= 0 && t2 > t ? x.substring(t + 1, t2) : "";
                String cleaned = clean(text);
                // a lone \multicolumn across the row (a group label set across the table) keeps its text in the
                // first cell only, so it reads as a group header; spanning header cells repeat over their columns
                boolean lone = parts.size() == 1;
                for (int k = 0; k < span; k++) {
                    out.add(k == 0 || !lone && !TextPaperReader.number(cleaned.replace(" ", "")).isPresent() ? cleaned
                            : "");
                }
            } else {
                out.add(clean(x));
            }
        }
        return out;
    }

    private static final String[][] SYMBOLS = {
        {"\\textminus{}", "-"}, {"\\textminus", "-"}, {"\\texttimes{}", "×"}, {"\\texttimes", "×"},
        {"\\times", "×"}, {"\\textless{}", "<"}, {"\\textgreater{}", ">"}, {"\\textbar{}", "|"},
        {"\\texttwosuperior{}", "²"}, {"\\textasciitilde{}", "~"}, {"\\chi", "χ"}, {"\\%", "%"}, {"\\$", "$"},
        {"\\&", "&"}, {"\\_", "_"}, {"\\#", "#"}, {"\\,", ""}, {"\\;", " "}, {"\\ ", " "}, {"~", " "},
        {"\\textless", "<"}, {"\\textgreater", ">"}, {"\\le", "≤"}, {"\\ge", "≥"}, {"--", "–"},
    };

    /** LaTeX cell or caption text to plain text: stars, parentheses, symbols; commands dropped, arguments kept. */
    static String clean(String s) {
        // a line break inside a cell (\makecell{With\\controls}) is a space
        String t = s.replace("\\\\", " ").replace("\\$", "\u0001");
        t = t.replaceAll("\\\\sym\\{(\\**)\\}", "$1");
        t = t.replaceAll("\\$?\\^\\{?(\\*+)\\}?\\$?", "$1");
        t = t.replaceAll("\\\\\\((.*?)\\\\\\)", "$1");
        for (String[] p : SYMBOLS) {
            t = t.replace(p[0], p[1]);
        }
        t = t.replaceAll("\\\\ensuremath", "");
        t = t.replaceAll("\\\\(textbf|textit|emph|textrm|textsf|texttt|mathrm|mathbf|text|mbox|makecell|shortstack"
                + "|textsc|underline)\\s*(\\[[^]]*])?", "");
        t = t.replaceAll("\\\\(ref|eqref|autoref|cref|Cref)\\{[^}]*\\}", "??");
        t = t.replaceAll("\\\\(cite[tp]?|citeauthor|citeyear|label|footnote)\\{[^}]*\\}", "");
        t = t.replaceAll("\\\\[a-zA-Z]+\\*?(\\[[^]]*])?", "");
        t = t.replace("{", "").replace("}", "").replace("$", "").replace('\u0001', '$');
        t = t.replace("−", "-");
        return t.replaceAll("\\s+", " ").strip();
    }
}
