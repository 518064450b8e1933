package org.reprise.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What "fits the page" means for the LaTeX output, checked on the files: pdflatex compiles report.tex and each
 * fragment (in a plain 11pt article with 1-inch margins and the packages the fragment lists) with no
 * {@code Overfull \hbox} in the log, and every number set in an siunitx S column has exactly the decimals of the
 * column's table-format and no more integer digits (anything else is drawn off the decimal point), while the
 * format is no wider than its widest number (an oversized format pushes the column off-centre).
 */
final class LatexChecks {
    private static final String REQUIRES = "% Preamble requirements:";
    private static final Pattern S_COLUMN = Pattern.compile("S\\[table-format=(-?)(\\d+)\\.(\\d+)[^\\]]*\\]");
    private static final Pattern NUMBER = Pattern.compile("-?(\\d+)(?:\\.(\\d+))?");

    private LatexChecks() {
    }

    /** report.tex and every tables/*.tex under {@code out}: compiled, no overfull box, S cells aligned. */
    static void fitsThePage(Path out) throws IOException, InterruptedException {
        assertNoOverfull(out, "report.tex");
        try (var files = Files.list(out.resolve("tables"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".tex")).sorted().toList()) {
                fragmentFits(out, f.getFileName().toString().replace(".tex", ""));
            }
        }
    }

    /** tables/ID.tex compiled alone in a plain article: no overfull box; its S cells aligned. Returns its text. */
    static String fragmentFits(Path out, String id) throws IOException, InterruptedException {
        String fragment = Files.readString(out.resolve("tables/" + id + ".tex"), StandardCharsets.UTF_8);
        assertTrue(fragment.startsWith("% Reprise table " + id + "\n" + REQUIRES), "packages listed at the top");
        String requires = fragment.lines().filter(l -> l.startsWith(REQUIRES)).findFirst().orElseThrow()
                .substring(REQUIRES.length());
        Files.writeString(out.resolve("wrap-" + id + ".tex"), "\\documentclass[11pt]{article}\n"
                + "\\usepackage[margin=1in]{geometry}\n" + requires + "\n\\begin{document}\n\\input{tables/" + id
                + ".tex}\n\\end{document}\n", StandardCharsets.UTF_8);
        String text = assertNoOverfull(out, "wrap-" + id + ".tex");
        assertAligned(id, fragment);
        return text;
    }

    /** Compiles (twice, for labels) and fails on any overfull box; returns pdftotext's text of the PDF. */
    static String assertNoOverfull(Path dir, String tex) throws IOException, InterruptedException {
        String text = LatexCompileTest.compile(dir, tex);
        String log = Files.readString(dir.resolve(tex.replaceAll("\\.tex$", ".log")), StandardCharsets.ISO_8859_1);
        List<String> overfull = new ArrayList<>();
        List<String> lines = log.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("Overfull \\hbox")) {
                overfull.add(lines.get(i) + (i + 1 < lines.size() ? " | " + lines.get(i + 1) : ""));
            }
        }
        assertEquals(List.of(), overfull, dir.resolve(tex) + " has overfull boxes");
        return text;
    }

    /** Every unbraced cell of an S column is a number with the column's decimals and at most its integer digits. */
    static void assertAligned(String id, String fragment) {
        Matcher spec = Pattern.compile("\\\\begin\\{tabular\\}\\{(.*)\\}\n").matcher(fragment);
        assertTrue(spec.find(), id + ": no tabular");
        List<int[]> formats = new ArrayList<>();
        String cols = spec.group(1).replace("@{}", "");
        int depth = 0;
        StringBuilder col = new StringBuilder();
        List<String> colSpecs = new ArrayList<>();
        for (char c : cols.toCharArray()) {
            if (c == ' ' && depth == 0) {
                colSpecs.add(col.toString());
                col.setLength(0);
                continue;
            }
            depth += c == '[' || c == '{' ? 1 : c == ']' || c == '}' ? -1 : 0;
            col.append(c);
        }
        colSpecs.add(col.toString());
        for (String c : colSpecs) {
            Matcher m = S_COLUMN.matcher(c);
            formats.add(m.matches() ? new int[] {Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))} : null);
        }
        String body = fragment.substring(fragment.indexOf("\\toprule"), fragment.indexOf("\\bottomrule"));
        int[] widest = new int[formats.size()];
        int[] widestDecimals = new int[formats.size()];
        for (String line : body.lines().toList()) {
            // header rows with spanning labels and rows set across the table hold no S cells
            if (!line.endsWith(" \\\\") || line.contains("\\multicolumn{")) {
                continue;
            }
            String[] cells = line.substring(0, line.length() - 3).split(" & ", -1);
            assertEquals(formats.size(), cells.length, id + ": " + line);
            for (int j = 0; j < cells.length; j++) {
                String cell = cells[j].strip();
                if (formats.get(j) == null || cell.isEmpty() || cell.startsWith("{") && !cell.startsWith("{(}")
                        || cell.startsWith("\\multicolumn")) {
                    continue;
                }
                String number = cell.replace("{(}", "").replace("{)}", "").replace("{[}", "").replace("{]}", "")
                        .replaceAll("\\\\sym\\{[^}]*\\}$", "");
                Matcher m = NUMBER.matcher(number);
                assertTrue(m.matches(), id + ": S cell '" + cell + "' is not a number: " + line);
                int decimals = m.group(2) == null ? 0 : m.group(2).length();
                assertTrue(decimals <= formats.get(j)[1], id + ": '" + cell + "' has more decimals than its format");
                assertTrue(formats.get(j)[1] == 0 || decimals > 0, id + ": whole number '" + cell + "' on the "
                        + "decimal point of a column of decimals: " + line);
                assertTrue(m.group(1).length() <= formats.get(j)[0], id + ": '" + cell + "' wider than its format");
                widest[j] = Math.max(widest[j], m.group(1).length());
                widestDecimals[j] = Math.max(widestDecimals[j], decimals);
            }
        }
        for (int j = 0; j < formats.size(); j++) {
            if (formats.get(j) != null) {
                assertEquals(formats.get(j)[0], widest[j], id + ": column " + (j + 1)
                        + "'s table-format reserves more integer digits than any number has");
                assertEquals(formats.get(j)[1], widestDecimals[j], id + ": column " + (j + 1)
                        + "'s table-format reserves more decimals than any number has");
            }
        }
    }
}
