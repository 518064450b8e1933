package org.reprise.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.reprise.report.Report;

/**
 * The LaTeX layout facts of one table's template data: estimates the widths ({@link TexWidths}), asks
 * {@link LatexFit} for a layout, and writes it into the data the template reads: {@code lines} on each header span,
 * {@code wrap} on each column, and the returned map (size, landscape, tabcolsep, the preamble the table needs).
 */
final class LatexLayout {
    /** Packages every fragment needs. */
    static final String BASE_PACKAGES = "\\usepackage[T1]{fontenc} \\usepackage{booktabs} "
            + "\\usepackage{threeparttable} \\usepackage{siunitx}";

    private LatexLayout() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> of(Map<String, Object> table, List<Object> sections, List<Map<String, Object>> columns,
                                  Report.LatexOptions options) {
        int n = columns.size();
        double[] body = new double[n];
        boolean[] text = new boolean[n];
        double[] minText = new double[n];
        List<Double> fullRows = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            Map<String, Object> col = columns.get(j);
            text[j] = "TEXT".equals(col.get("kind"));
            if (Boolean.TRUE.equals(col.get("s"))) {
                body[j] = sColumn(col);
            }
        }
        for (Object sec : sections) {
            for (Object r : TemplateData.rowsOf(sec)) {
                List<Map<String, Object>> cells = TemplateData.cellsOf(r);
                if (Boolean.TRUE.equals(((Map<String, Object>) r).get("full"))) {
                    fullRows.add(TexWidths.text((String) cells.get(0).get("text")));
                    continue;
                }
                for (int j = 0; j < n; j++) {
                    Map<String, Object> c = cells.get(j);
                    if (Boolean.TRUE.equals(c.get("s"))) {
                        continue;
                    }
                    String s = (String) c.get("text");
                    body[j] = Math.max(body[j], TexWidths.text(s) + TexWidths.stars((String) c.get("stars")));
                    for (String word : s.split(" +")) {
                        minText[j] = Math.max(minText[j], TexWidths.text(word));
                    }
                }
            }
        }
        List<LatexFit.Span> spans = new ArrayList<>();
        List<Map<String, Object>> spanData = new ArrayList<>();
        for (Object h : (List<Object>) table.get("headers")) {
            for (Object o : (List<Object>) ((Map<String, Object>) h).get("spans")) {
                Map<String, Object> s = (Map<String, Object>) o;
                spans.add(new LatexFit.Span((Integer) s.get("first") - 1, (Integer) s.get("last") - 1,
                        (String) s.get("text")));
                spanData.add(s);
            }
        }
        LatexFit.Plan plan = LatexFit.plan(new LatexFit.Input(body, text, minText, spans, fullRows),
                options.size(), options.landscape());
        for (int k = 0; k < spanData.size(); k++) {
            spanData.get(k).put("lines", plan.lines().get(k));
        }
        for (int j = 0; j < n; j++) {
            columns.get(j).put("wrap", plan.wrap()[j] > 0 ? String.format(Locale.ROOT, "%.2f", plan.wrap()[j]) : "");
        }
        StringBuilder packages = new StringBuilder(BASE_PACKAGES);
        if (plan.wrapsColumns()) {
            packages.append(" \\usepackage{array}");
        }
        if (plan.wrapsHeaders()) {
            packages.append(" \\usepackage{makecell}");
        }
        if (plan.landscape()) {
            packages.append(" \\usepackage{rotating}");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("size", "normalsize".equals(plan.size()) ? "" : plan.size());
        m.put("landscape", plan.landscape());
        m.put("tabcolsep", plan.tabcolsep() == 6 ? "" : plan.tabcolsep() + "pt");
        m.put("packages", packages.toString());
        m.put("fits", plan.fits());
        return m;
    }

    /** The width siunitx reserves for an S column: text before, sign, digits, point, decimals, text after. */
    private static double sColumn(Map<String, Object> col) {
        int decimals = (Integer) col.get("decimals");
        return TexWidths.text((String) col.get("pre")) + (Boolean.TRUE.equals(col.get("sign")) ? TexWidths.MINUS : 0)
                + (Integer) col.get("intDigits") * TexWidths.DIGIT
                + (decimals > 0 ? TexWidths.POINT + decimals * TexWidths.DIGIT : 0)
                + TexWidths.text((String) col.get("post")) + TexWidths.stars((String) col.get("stars"));
    }
}
