package org.reprise.verify;

import java.util.ArrayList;
import java.util.List;
import org.reprise.ledger.Printed;

/**
 * The verification as a plain-text table (stdout), Markdown (verification.md) and a self-contained HTML page
 * (verification.html). No timestamps or absolute paths: the same inputs give the same bytes.
 */
public final class VerificationReport {
    private static final String RULE = "Each computed value is rounded half-up to the decimals the published number"
            + " shows, then compared: reproduced (equal), last digit (one unit apart in the last printed digit),"
            + " close (within %s of the published value, or within one standard error where the results know it),"
            + " differs (otherwise).";

    private VerificationReport() {
    }

    /** The stdout table; its last line is the summary "N of M published numbers reproduced". */
    public static String text(Verification v) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"result", "where", "published", "computed", "rel. diff", "in SEs", "ref"});
        for (Check c : v.checks()) {
            rows.add(new String[] {c.status().word(), c.number().where(), c.number().published(),
                c.status() == Check.Status.MISSING || c.status() == Check.Status.UNMATCHED ? "-" : c.computed(),
                relative(c), inSe(c), c.number().ref()});
        }
        int[] width = new int[7];
        for (String[] r : rows) {
            for (int j = 0; j < r.length; j++) {
                width[j] = Math.max(width[j], r[j].codePointCount(0, r[j].length()));
            }
        }
        StringBuilder b = new StringBuilder();
        if (!v.source().isBlank()) {
            b.append("Published: ").append(oneLine(v.source())).append('\n');
        }
        for (int i = 0; i < rows.size(); i++) {
            String[] r = rows.get(i);
            StringBuilder line = new StringBuilder();
            for (int j = 0; j < r.length; j++) {
                line.append(j >= 2 && j <= 5 ? padLeft(r[j], width[j]) : pad(r[j], j == 6 ? 0 : width[j]));
                if (j < r.length - 1) {
                    line.append("  ");
                }
            }
            b.append(line.toString().stripTrailing()).append('\n');
            if (i > 0 && v.checks().get(i - 1).status() == Check.Status.MISSING) {
                b.append("    why: ").append(v.checks().get(i - 1).reason()).append('\n');
            }
            if (i > 0 && v.checks().get(i - 1).status() == Check.Status.UNMATCHED
                    && !v.checks().get(i - 1).number().ref().isEmpty()) {
                b.append("    review: ").append(oneLine(v.checks().get(i - 1).reason())).append('\n');
            }
        }
        if (v.reading() != null) {
            b.append("Findings (the manuscript against itself): ").append(v.reading().findings().size()).append('\n');
            for (SelfCheck.Finding f : v.reading().findings()) {
                b.append("  ").append(f.kind()).append(", ").append(f.where()).append(": ").append(f.detail())
                        .append('\n');
            }
        }
        b.append(v.summary()).append('\n');
        return b.toString();
    }

    /** verification.md. */
    public static String markdown(Verification v) {
        StringBuilder b = new StringBuilder("# Verification of the published numbers\n\n");
        if (!v.source().isBlank()) {
            b.append("Published: ").append(md(v.source())).append("\n\n");
        }
        b.append("Spec ").append(md(v.spec())).append(", published numbers from ").append(md(v.manuscript()))
                .append(". ").append(md(rule(v))).append("\n\n");
        b.append("**").append(v.summary()).append("**.\n\n");
        boolean paper = v.reading() != null;
        b.append("| # | Where | Published | Computed | Full precision | Rel. diff | In SEs | Result | Ref |")
                .append(paper ? " Confidence |\n" : "\n");
        b.append("| ---: | :--- | ---: | ---: | ---: | ---: | ---: | :--- | :--- |").append(paper ? " ---: |\n" : "\n");
        int i = 1;
        for (Check c : v.checks()) {
            b.append("| ").append(i++).append(" | ").append(md(c.number().where())).append(" | ")
                    .append(md(c.number().published())).append(" | ").append(md(c.computed())).append(" | ")
                    .append(md(full(c))).append(" | ").append(md(relative(c))).append(" | ").append(md(inSe(c)))
                    .append(" | ").append(result(c, true)).append(" | `")
                    .append(c.number().ref().replace("`", "'").replace("|", "\\|")).append("` |");
            if (paper) {
                b.append(" ").append(Aligner.fmt(c.number().origin().confidence())).append(" |");
            }
            b.append("\n");
        }
        if (paper) {
            PaperReport.markdown(v, b);
        }
        return b.toString();
    }

    /** verification.html: one self-contained page, every string escaped. */
    public static String html(Verification v) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>Verification of the published numbers</title>\n<style>\n")
                .append("body{font-family:system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;"
                        + "color:#222}\n")
                .append("table{border-collapse:collapse;width:100%}th,td{padding:.3rem .6rem;border-bottom:1px solid"
                        + " #ddd;text-align:left;vertical-align:top}\n")
                .append("td.num{text-align:right;font-variant-numeric:tabular-nums}code{font-size:.9em}\n")
                .append(".reproduced{color:#1a7f37}.last_digit{color:#4d7c0f}.close{color:#8a6d00}"
                        + ".differs{color:#b35900;font-weight:bold}.missing{color:#c62828;font-weight:bold}"
                        + ".unmatched{color:#6a1b9a}\n"
                        + "td.reproduced{background:#e6f4ea}td.last_digit{background:#f1f8e0}td.close{background:#fff8d6}"
                        + "td.differs{background:#fde7d9}td.unmatched{background:#efe3f5}td.missing{background:#fde0e0}"
                        + ".side{display:flex;gap:2rem;align-items:flex-start}.side>div{flex:1;overflow-x:auto}"
                        + ".side table{font-size:.85em}\n")
                .append("</style>\n</head>\n<body>\n<h1>Verification of the published numbers</h1>\n");
        if (!v.source().isBlank()) {
            b.append("<p>Published: ").append(html(v.source())).append("</p>\n");
        }
        b.append("<p>Spec ").append(html(v.spec())).append(", published numbers from ").append(html(v.manuscript()))
                .append(". ").append(html(rule(v))).append("</p>\n");
        b.append("<p><strong>").append(html(v.summary())).append("</strong>.</p>\n");
        b.append("<table>\n<thead><tr><th>#</th><th>Where</th><th>Published</th><th>Computed</th>"
                + "<th>Full precision</th><th>Rel. diff</th><th>In SEs</th><th>Result</th><th>Ref</th></tr></thead>\n"
                + "<tbody>\n");
        int i = 1;
        for (Check c : v.checks()) {
            b.append("<tr class=\"").append(c.status().key()).append("\"><td class=\"num\">").append(i++)
                    .append("</td><td>").append(html(c.number().where())).append("</td><td class=\"num\">")
                    .append(html(c.number().published())).append("</td><td class=\"num\">")
                    .append(html(c.computed())).append("</td><td class=\"num\">").append(html(full(c)))
                    .append("</td><td class=\"num\">").append(html(relative(c))).append("</td><td class=\"num\">")
                    .append(html(inSe(c))).append("</td><td class=\"").append(c.status().key()).append("\">")
                    .append(html(result(c, false))).append("</td><td><code>").append(html(c.number().ref()))
                    .append("</code></td></tr>\n");
        }
        b.append("</tbody>\n</table>\n");
        if (v.reading() != null) {
            PaperReport.html(v, b);
        }
        b.append("</body>\n</html>\n");
        return b.toString();
    }

    private static String result(Check c, boolean markdown) {
        String word = c.status().word();
        String text = c.status() == Check.Status.MISSING || c.status() == Check.Status.UNMATCHED
                ? word + ": " + c.reason() : word;
        return markdown ? md(text) : text;
    }

    static String rule(Verification v) {
        return String.format(java.util.Locale.ROOT, RULE, v.tolerance().percent());
    }

    /** The relative difference as a signed percentage, "+1.07%", "-0.016%"; "" when not defined. */
    static String relative(Check c) {
        return Double.isNaN(c.relative()) ? "" : signed(100 * c.relative()) + "%";
    }

    /** The difference in standard errors, "+0.89", "-0.0048"; "" when the standard error is not known. */
    static String inSe(Check c) {
        return Double.isNaN(c.inSe()) ? "" : signed(c.inSe());
    }

    /** Signed, with at least two decimals and at least two significant digits (at most six decimals). */
    static String signed(double x) {
        int decimals = 2;
        if (x != 0 && Math.abs(x) < 0.1) {
            decimals = Math.min(6, 1 - (int) Math.floor(Math.log10(Math.abs(x))));
        }
        return String.format(java.util.Locale.ROOT, "%+." + decimals + "f", x);
    }

    private static String full(Check c) {
        if (Double.isNaN(c.raw())) {
            return "";
        }
        return Printed.plain(c.raw());
    }

    /** Markdown text in a table cell: one line, inline markup and pipes escaped. */
    static String md(String s) {
        String t = oneLine(s);
        StringBuilder b = new StringBuilder(t.length() + 8);
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if ("\\`*_[]<>|#~$".indexOf(c) >= 0) {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }

    /** HTML text: the five special characters as entities, on one line. */
    static String html(String s) {
        String t = oneLine(s);
        StringBuilder b = new StringBuilder(t.length() + 8);
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }

    private static String pad(String s, int w) {
        int n = s.codePointCount(0, s.length());
        return n >= w ? s : s + " ".repeat(w - n);
    }

    private static String padLeft(String s, int w) {
        int n = s.codePointCount(0, s.length());
        return n >= w ? s : " ".repeat(w - n) + s;
    }
}
