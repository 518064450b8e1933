package org.reprise.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprise.cli.Main;
import org.reprise.run.Progress;
import org.reprise.tools.Tools;

/**
 * Round trip: a LaTeX manuscript assembled from the report's own tables/*.tex, with a few cells changed by hand,
 * read back by {@code verify --manuscript paper.tex} and, compiled by pdflatex, by {@code --manuscript paper.pdf}
 * (tagged tools): every number must align (its table by \label, its row and column), the unchanged ones reproduce and
 * exactly the changed ones do not. Which cells change is chosen by ref from numbers.csv, so the test does not depend
 * on the simulated data's values.
 */
class ManuscriptRoundTripTest {
    static final String[] TABLES = {"table1", "vulnerability", "table2", "table3", "table3_joint", "table4",
        "table5"};

    /** The printed text of each ref, from numbers.csv. */
    static Map<String, String> printed(Path out) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : Files.readAllLines(out.resolve("numbers.csv"))) {
            String[] f = line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");
            if (f.length == 5) {
                m.put(f[4], f[1]);
            }
        }
        return m;
    }

    /** Replaces the cell of the first line that starts with {@code row}; cells are separated by " & ". */
    static String change(String tex, String row, int cell, String from, String to) {
        List<String> lines = new ArrayList<>(List.of(tex.split("\n", -1)));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(row)) {
                String[] c = lines.get(i).split(" & ", -1);
                assertTrue(c[cell].contains(from), c[cell] + " should contain " + from);
                c[cell] = c[cell].replace(from, to);
                lines.set(i, String.join(" & ", c));
                return String.join("\n", lines);
            }
        }
        throw new AssertionError("no row " + row);
    }

    static String plusUnits(String printed, int units) {
        BigDecimal v = new BigDecimal(printed);
        return v.add(BigDecimal.ONE.scaleByPowerOfTen(-v.scale()).multiply(BigDecimal.valueOf(units))).toPlainString();
    }

    @TempDir
    static Path tmp;
    /** The refs of the cells changed by hand. */
    static final Set<String> CHANGED = new TreeSet<>();
    /** The .tex manuscript's verification. */
    static Verification fromTex;

    @BeforeAll
    static void manuscript() throws IOException {
        Path out = tmp.resolve("out");
        assertEquals(0, Main.execute("run", "analysis.yaml", "--out", out.toString(), "-q"));
        Map<String, String> p = printed(out);
        Map<String, String> tex = new LinkedHashMap<>();
        for (String t : TABLES) {
            tex.put(t, Files.readString(out.resolve("tables/" + t + ".tex")));
        }
        Set<String> changed = CHANGED;
        String vul2 = p.get("descriptives/table1/Vul2/mean");
        tex.put("table1", change(tex.get("table1"), " & Vul2 & ", 4, vul2, plusUnits(vul2, 1)));
        changed.add("descriptives/table1/Vul2/mean");
        String pxt = p.get("estimates/did2/terms/PxT/estimate");
        tex.put("table2", change(tex.get("table2"), "P \\texttimes{} T & ", 2, pxt, plusUnits(pxt, 500)));
        changed.add("estimates/did2/terms/PxT/estimate");
        String lr = p.get("balance/psm/unmatched/lr_chi2");
        tex.put("table3_joint", change(tex.get("table3_joint"), "Unmatched & ", 2, lr, plusUnits(lr, 20000)));
        changed.add("balance/psm/unmatched/lr_chi2");
        String did = p.get("estimates/psm.did.Vul1/terms/did/estimate");
        tex.put("table5", change(tex.get("table5"), "Diff-in-Diff & ", 1, did, plusUnits(did, -3)));
        changed.add("estimates/psm.did.Vul1/terms/did/estimate");
        // Type 1 fonts with a Unicode map, so that the PDF's text says "×", "ff" and "²" (T1-encoded text without
        // cm-super fonts becomes bitmap fonts whose text no reader can recover)
        StringBuilder doc = new StringBuilder("\\documentclass{article}\n\\input{glyphtounicode}\\pdfgentounicode=1\n"
                + "\\usepackage{textcomp}\n\\renewcommand{\\texttimes}{\\ensuremath{\\times}}\n"
                + "\\renewcommand{\\textminus}{\\ensuremath{-}}\n\\renewcommand{\\texttwosuperior}{\\ensuremath{^2}}\n"
                + "\\renewcommand{\\textless}{\\ensuremath{<}}\n\\renewcommand{\\textgreater}{\\ensuremath{>}}\n"
                + "\\renewcommand{\\textbar}{\\ensuremath{|}}\n"
                + "\\usepackage{booktabs}\n\\usepackage{threeparttable}\n\\usepackage{siunitx}\n"
                // what the fragments list on their second line when they need it (wrapped headers, landscape)
                + "\\usepackage{array}\n\\usepackage{makecell}\n\\usepackage{rotating}\n\\begin{document}\n"
                + "The estimates are in Table~\\ref{tab:table2} and Table 4.\n\n");
        for (String t : TABLES) {
            doc.append(tex.get(t)).append("\n");
        }
        doc.append("\\end{document}\n");
        Path paper = tmp.resolve("paper.tex");
        Files.writeString(paper, doc.toString());

        fromTex = Verify.run(Path.of("analysis.yaml"), paper, tmp.resolve("verify"),
                Tolerance.DEFAULT, new Progress(System.err, true));
    }

    @Test
    void theChangedCellsAndOnlyThoseAreFlagged() throws IOException {
        exactlyTheChangedCells(fromTex, CHANGED, "LaTeX", TABLES.length);
        String json = Files.readString(tmp.resolve("verify/verification.json"));
        assertTrue(json.contains("\"confidence\": 1.0"), json.substring(0, 400));
        String html = Files.readString(tmp.resolve("verify/verification.html"));
        assertTrue(html.contains("The manuscript's tables beside the regenerated ones"));
        assertTrue(html.contains("<td class=\"num differs\""), "the changed cells are coloured");
    }

    /**
     * The PDF pdflatex makes of the same manuscript, read through PDFBox's text positions: every number of every
     * table, table2 (\small, 4pt column gaps, headers wrapped onto two lines with \makecell) included, aligned to the
     * same refs as from the .tex.
     */
    @Test
    @Tag(Tools.TAG)
    void theSameFromThePdf() {
        Tools.requireLatex();
        assertTrue(pdflatex(tmp, "paper"), "pdflatex compiles the manuscript; see " + tmp.resolve("pdflatex.out"));
        Verification pdf = Verify.run(Path.of("analysis.yaml"), tmp.resolve("paper.pdf"), tmp.resolve("verify-pdf"),
                Tolerance.DEFAULT, new Progress(System.err, true));
        exactlyTheChangedCells(pdf, CHANGED, "PDF", TABLES.length);
        assertEquals(refs(fromTex), refs(pdf), "the PDF's numbers align to the same refs as the .tex's");
        for (Check c : pdf.checks()) {
            if (c.number().ref().equals("estimates/did2/terms/PxT/estimate")) {
                assertEquals(Check.Status.DIFFERS, c.status(), "table2's changed cell: 500 units of 4 decimals");
            }
        }
    }

    /**
     * Reprise's own report.pdf (PDFBox, Times, true minus signs, superscript stars; no LaTeX) of the same run, read
     * back unchanged: every number of the 7 tables, at the same refs as from the .tex, reproduces.
     */
    @Test
    void theReportsOwnPdf() {
        Verification pdf = Verify.run(Path.of("analysis.yaml"), tmp.resolve("out/report.pdf"),
                tmp.resolve("verify-report"), Tolerance.DEFAULT, new Progress(System.err, true));
        assertEquals(TABLES.length, pdf.reading().paper().tables().size(), "report.pdf: every table is read");
        assertEquals(refs(fromTex), refs(pdf), "report.pdf's numbers align to the same refs as the .tex's");
        assertEquals(pdf.total(), pdf.reproduced(), VerificationReport.text(pdf));
        System.out.println("report.pdf: " + pdf.total() + " numbers read, all aligned, all reproduced");
    }

    private static List<String> refs(Verification v) {
        return v.checks().stream().map(c -> c.number().ref()).sorted().toList();
    }

    /** Compiles {@code name}.tex in {@code dir}; whether {@code name}.pdf came out. */
    static boolean pdflatex(Path dir, String name) {
        try {
            Process p = new ProcessBuilder("pdflatex", "-interaction=nonstopmode", name + ".tex").directory(
                    dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("pdflatex.out").toFile()).start();
            p.waitFor();
            return Files.exists(dir.resolve(name + ".pdf"));
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static void exactlyTheChangedCells(Verification v, Set<String> changed, String what, int tables) {
        assertEquals(tables, v.reading().paper().tables().size(), what + ": every table is read");
        assertEquals(0, v.count(Check.Status.UNMATCHED), VerificationReport.text(v));
        Set<String> flagged = new TreeSet<>();
        for (Check c : v.checks()) {
            if (c.status() != Check.Status.REPRODUCED) {
                flagged.add(c.number().ref());
            }
        }
        assertEquals(changed, flagged, VerificationReport.text(v));
        int total = v.total();
        assertEquals(total - changed.size(), v.reproduced());
        System.out.println(what + " round trip: " + total + " numbers read, all aligned, " + v.reproduced()
                + " reproduced, the " + changed.size() + " changed cells flagged");
        for (Check c : v.checks()) {
            if (c.number().ref().equals("descriptives/table1/Vul2/mean")) {
                assertEquals(Check.Status.LAST_DIGIT, c.status());
            }
            if (c.number().ref().equals("estimates/psm.did.Vul1/terms/did/estimate")) {
                assertEquals(Check.Status.CLOSE, c.status(), "3 units of 4 decimals, within one SE");
            }
        }
    }
}
