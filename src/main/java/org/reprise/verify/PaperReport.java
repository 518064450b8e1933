package org.reprise.verify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parts of verification.md and verification.html that only a manuscript read from .txt/.tex/.pdf has: the
 * alignments to review, the findings of the manuscript against itself, and (HTML) each manuscript table beside the
 * regenerated one, cells coloured by status.
 */
final class PaperReport {
    private PaperReport() {
    }

    static void markdown(Verification v, StringBuilder b) {
        List<Check> review = v.checks().stream().filter(c -> c.status() == Check.Status.UNMATCHED
                && !c.number().ref().isEmpty()).toList();
        b.append("\n## Alignments to review\n\n");
        if (review.isEmpty()) {
            b.append("None: every number was aligned with confidence ").append(Aligner.fmt(Aligner.REVIEW))
                    .append(" or more, or to nothing.\n");
        } else {
            b.append("Aligned with a confidence below ").append(Aligner.fmt(Aligner.REVIEW)).append(": not judged."
                    + " Check each, then write the right ones into a manuscript.yaml (`verify --extract` writes"
                    + " them as comments).\n\n");
            for (Check c : review) {
                b.append("- ").append(VerificationReport.md(c.number().where())).append(" ")
                        .append(VerificationReport.md(c.number().published())).append(" → `").append(c.number().ref())
                        .append("`: ").append(VerificationReport.md(c.reason())).append("\n");
            }
        }
        b.append("\n## Findings: the manuscript against itself\n\n");
        List<SelfCheck.Finding> f = v.reading().findings();
        if (f.isEmpty()) {
            b.append("None.\n");
        }
        for (SelfCheck.Finding x : f) {
            b.append("- **").append(x.kind()).append("**, ").append(VerificationReport.md(x.where())).append(": ")
                    .append(VerificationReport.md(x.detail())).append("\n");
        }
    }

    static void html(Verification v, StringBuilder b) {
        b.append("<h2>Findings: the manuscript against itself</h2>\n");
        List<SelfCheck.Finding> f = v.reading().findings();
        if (f.isEmpty()) {
            b.append("<p>None.</p>\n");
        } else {
            b.append("<ul>\n");
            for (SelfCheck.Finding x : f) {
                b.append("<li><strong>").append(h(x.kind())).append("</strong>, ").append(h(x.where())).append(": ")
                        .append(h(x.detail())).append("</li>\n");
            }
            b.append("</ul>\n");
        }
        b.append("<h2>The manuscript's tables beside the regenerated ones</h2>\n");
        Paper paper = v.reading().paper();
        for (Paper.Table t : paper.tables()) {
            Map<Paper.Value, Check> byValue = new java.util.IdentityHashMap<>();
            Set<String> tabs = new LinkedHashSet<>();
            Map<String, Check> byRef = new LinkedHashMap<>();
            for (Check c : v.checks()) {
                PublishedNumber.Origin o = c.number().origin();
                if (o != null && o.table().equals(t.name())) {
                    if (!o.target().isEmpty()) {
                        tabs.add(o.target().split(" · ")[0]);
                    }
                    if (!c.number().ref().isEmpty() && c.status() != Check.Status.UNMATCHED) {
                        byRef.put(c.number().ref(), c);
                    }
                }
            }
            List<Check> ofTable = v.checks().stream().filter(c -> c.number().origin() != null
                    && c.number().origin().table().equals(t.name())).toList();
            for (Paper.Row r : t.rows()) {
                for (Paper.Value x : r.values()) {
                    for (Check c : ofTable) {
                        if (c.number().published().equals(x.text()) && c.number().line() == x.line()
                                && !byValue.containsValue(c)) {
                            byValue.put(x, c);
                            break;
                        }
                    }
                }
            }
            b.append("<h3>").append(h(t.name() + " " + t.caption())).append("</h3>\n<div class=\"side\">\n<div>\n");
            b.append("<p>Manuscript</p>\n<table>\n<tbody>\n");
            for (Paper.Row r : t.rows()) {
                b.append("<tr><td>").append(h(Aligner.shortLabel(r.label()))).append("</td>");
                for (Paper.Value x : r.values()) {
                    Check c = byValue.get(x);
                    String cls = c == null ? "unmatched" : c.status().key();
                    String title = c == null ? "" : c.status().word() + (c.computed().isEmpty() ? "" : ", computed "
                            + c.computed()) + (c.number().ref().isEmpty() ? "" : ", " + c.number().ref());
                    b.append("<td class=\"num ").append(cls).append("\" title=\"").append(h(title)).append("\">")
                            .append(h(x.text())).append("</td>");
                }
                b.append("</tr>\n");
            }
            b.append("</tbody>\n</table>\n</div>\n<div>\n");
            for (Target.Tab tab : v.reading().target().tables) {
                if (!tabs.contains(tab.id())) {
                    continue;
                }
                b.append("<p>Regenerated: ").append(h(tab.id() + " " + tab.title())).append("</p>\n<table>\n<tbody>\n");
                for (Target.Row row : tab.rows()) {
                    int lines = row.cells().stream().mapToInt(c -> c.subrow() + 1).max().orElse(1);
                    for (int line = 0; line < lines; line++) {
                        b.append("<tr><td>").append(line == 0 ? h(row.label()) : "").append("</td>");
                        List<Target.Cell> cells = new ArrayList<>();
                        for (Target.Cell c : row.cells()) {
                            if (c.subrow() == line) {
                                cells.add(c);
                            }
                        }
                        int col = cells.isEmpty() ? 0 : cells.stream().mapToInt(Target.Cell::column).min().orElse(0);
                        for (int cc = 1; cc < tab.columns().size(); cc++) {
                            Target.Cell cell = null;
                            for (Target.Cell c : cells) {
                                if (c.column() == cc) {
                                    cell = c;
                                }
                            }
                            if (cell == null) {
                                if (cc >= col) {
                                    b.append("<td></td>");
                                }
                                continue;
                            }
                            Check c = byRef.get(cell.ref());
                            b.append("<td class=\"num").append(c == null ? "" : " " + c.status().key())
                                    .append("\" title=\"").append(h(cell.ref())).append("\">")
                                    .append(h(cell.text() + cell.stars())).append("</td>");
                        }
                        b.append("</tr>\n");
                    }
                }
                b.append("</tbody>\n</table>\n");
            }
            b.append("</div>\n</div>\n");
        }
    }

    private static String h(String s) {
        return VerificationReport.html(s);
    }
}
