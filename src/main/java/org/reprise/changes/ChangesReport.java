package org.reprise.changes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reprise.changes.Comparison.Changed;

/** changes.md and changes.html: the comparison per table, then the text and the inputs. Deterministic. */
public final class ChangesReport {
    private ChangesReport() {
    }

    public static String markdown(Comparison c) {
        StringBuilder sb = new StringBuilder("# What changed since the last run\n\n**").append(c.summary())
                .append(".**\n");
        if (!c.inputs().isEmpty()) {
            sb.append("\n## Inputs\n\n");
            for (String s : c.inputs()) {
                sb.append("- ").append(s).append('\n');
            }
        }
        for (Map.Entry<String, Group> g : groups(c).entrySet()) {
            Group x = g.getValue();
            sb.append("\n## ").append(g.getKey().equals("text") ? "Numbers in the text" : "Table `" + g.getKey() + "`")
                    .append("\n");
            section(sb, "Numbers changed", List.of("where", "before", "after", "change in SEs"), x.numbers, true);
            section(sb, "Stars changed", List.of("where", "before", "after"), x.stars, false);
            section(sb, "Signs flipped", List.of("where", "before", "after"), x.signs, false);
            section(sb, "N changed", List.of("where", "before", "after"), x.counts, false);
            list(sb, "Appeared", x.appeared);
            list(sb, "Went away", x.gone);
        }
        if (!c.sentences().isEmpty()) {
            sb.append("\n## Text reworded\n");
            for (Changed s : c.sentences()) {
                sb.append("\n- ").append(s.location()).append(":\n  - before: ")
                        .append(s.before().isEmpty() ? "(none)" : s.before()).append("\n  - after: ")
                        .append(s.after().isEmpty() ? "(none)" : s.after()).append('\n');
            }
        }
        return sb.toString();
    }

    public static String html(Comparison c) {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<title>What changed since the last run</title>\n<style>body{font-family:sans-serif;max-width:60em;"
                + "margin:2em auto}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .6em}"
                + "td.n{text-align:right}</style>\n</head>\n<body>\n<h1>What changed since the last run</h1>\n<p><strong>")
                .append(esc(c.summary())).append(".</strong></p>\n");
        if (!c.inputs().isEmpty()) {
            sb.append("<h2>Inputs</h2>\n<ul>\n");
            for (String s : c.inputs()) {
                sb.append("<li>").append(esc(s.replace("`", ""))).append("</li>\n");
            }
            sb.append("</ul>\n");
        }
        for (Map.Entry<String, Group> g : groups(c).entrySet()) {
            Group x = g.getValue();
            sb.append("<h2>").append(g.getKey().equals("text") ? "Numbers in the text" : "Table " + esc(g.getKey()))
                    .append("</h2>\n");
            htmlSection(sb, "Numbers changed", List.of("where", "before", "after", "change in SEs"), x.numbers, true);
            htmlSection(sb, "Stars changed", List.of("where", "before", "after"), x.stars, false);
            htmlSection(sb, "Signs flipped", List.of("where", "before", "after"), x.signs, false);
            htmlSection(sb, "N changed", List.of("where", "before", "after"), x.counts, false);
            htmlList(sb, "Appeared", x.appeared);
            htmlList(sb, "Went away", x.gone);
        }
        if (!c.sentences().isEmpty()) {
            sb.append("<h2>Text reworded</h2>\n<ul>\n");
            for (Changed s : c.sentences()) {
                sb.append("<li>").append(esc(s.location())).append(": <del>").append(esc(s.before()))
                        .append("</del> <ins>").append(esc(s.after())).append("</ins></li>\n");
            }
            sb.append("</ul>\n");
        }
        return sb.append("</body>\n</html>\n").toString();
    }

    /** The changes of one table (or of the text), by the table id that starts each ledger location. */
    private static final class Group {
        final List<Changed> numbers = new ArrayList<>();
        final List<Changed> stars = new ArrayList<>();
        final List<Changed> signs = new ArrayList<>();
        final List<Changed> counts = new ArrayList<>();
        final List<String> appeared = new ArrayList<>();
        final List<String> gone = new ArrayList<>();
    }

    private static Map<String, Group> groups(Comparison c) {
        Map<String, Group> m = new LinkedHashMap<>();
        c.numbers().forEach(x -> group(m, x.location()).numbers.add(x));
        c.stars().forEach(x -> group(m, x.location()).stars.add(x));
        c.signs().forEach(x -> group(m, x.location()).signs.add(x));
        c.counts().forEach(x -> group(m, x.location()).counts.add(x));
        c.appeared().forEach(x -> group(m, x).appeared.add(x));
        c.gone().forEach(x -> group(m, x).gone.add(x));
        return m;
    }

    private static Group group(Map<String, Group> m, String location) {
        int i = location.indexOf(':');
        return m.computeIfAbsent(i < 0 ? location : location.substring(0, i), k -> new Group());
    }

    private static String where(String location) {
        int i = location.indexOf(':');
        return i < 0 ? location : location.substring(i + 1).replace(":", ", ");
    }

    private static void section(StringBuilder sb, String title, List<String> head, List<Changed> rows, boolean ses) {
        if (rows.isEmpty()) {
            return;
        }
        sb.append("\n").append(title).append(":\n\n| ").append(String.join(" | ", head)).append(" |\n|")
                .append("---|".repeat(head.size())).append('\n');
        for (Changed r : rows) {
            sb.append("| ").append(md(where(r.location()))).append(" | ").append(md(r.before())).append(" | ")
                    .append(md(r.after()));
            if (ses) {
                sb.append(" | ").append(r.inSes());
            }
            sb.append(" |\n");
        }
    }

    private static void list(StringBuilder sb, String title, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        sb.append("\n").append(title).append(":\n\n");
        for (String s : items) {
            sb.append("- ").append(md(where(s))).append('\n');
        }
    }

    private static void htmlSection(StringBuilder sb, String title, List<String> head, List<Changed> rows,
                                    boolean ses) {
        if (rows.isEmpty()) {
            return;
        }
        sb.append("<h3>").append(title).append("</h3>\n<table>\n<tr>");
        head.forEach(h -> sb.append("<th>").append(esc(h)).append("</th>"));
        sb.append("</tr>\n");
        for (Changed r : rows) {
            sb.append("<tr><td>").append(esc(where(r.location()))).append("</td><td class=\"n\">")
                    .append(esc(r.before())).append("</td><td class=\"n\">").append(esc(r.after())).append("</td>");
            if (ses) {
                sb.append("<td class=\"n\">").append(esc(r.inSes())).append("</td>");
            }
            sb.append("</tr>\n");
        }
        sb.append("</table>\n");
    }

    private static void htmlList(StringBuilder sb, String title, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        sb.append("<h3>").append(title).append("</h3>\n<ul>\n");
        items.forEach(s -> sb.append("<li>").append(esc(where(s))).append("</li>\n"));
        sb.append("</ul>\n");
    }

    private static String md(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("*", "\\*").replace("_", "\\_");
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
