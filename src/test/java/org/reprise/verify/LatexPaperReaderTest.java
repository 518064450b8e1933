package org.reprise.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprise.cli.Main;

/** The LaTeX reader on the forms papers use, and {@code verify --extract} writing a manuscript.yaml that reads back. */
class LatexPaperReaderTest {
    static final String TEX = "\\documentclass{article}\n\\begin{document}\n"
            + "As Table~\\ref{tab:main} shows, model (2) is significant. % a comment with Table 7\n"
            + "\\begin{table}\n\\caption{Main results}\\label{tab:main}\n"
            + "\\begin{threeparttable}\n\\begin{tabular*}{\\textwidth}{l*{2}{S}}\n\\toprule\n"
            + " & \\multicolumn{2}{c}{Outcome} \\\\\n\\cmidrule(lr){2-3}\n & {(1)} & {(2)} \\\\\n\\midrule\n"
            + "Treatment & 0.512$^{***}$ & 0.498\\sym{**} \\\\\n & (0.101) & (0.230) \\\\\n"
            + "Age & -0.031^{*} & \\textminus{}0.029 \\\\\n & [0.017] & (0.020) \\\\\n"
            + "\\midrule\nN & 1,204 & 1,198 \\\\\n\\bottomrule\n\\end{tabular*}\n"
            + "\\begin{tablenotes}\\item * p<0.10, ** p<0.05, *** p<0.01\\end{tablenotes}\n"
            + "\\end{threeparttable}\n\\end{table}\n\\end{document}\n";

    @Test
    void readsCellsStarsStandardErrorsHeadersAndNotes() {
        Paper p = LatexPaperReader.read("m.tex", TEX);
        assertEquals(1, p.tables().size());
        Paper.Table t = p.tables().get(0);
        assertEquals("1", t.number());
        assertEquals("Main results", t.caption());
        assertEquals("tab:main", t.label());
        assertEquals(List.of("", "Outcome (1)", "Outcome (2)"), t.columns());
        assertEquals("* p<0.10, ** p<0.05, *** p<0.01", t.notes());
        assertEquals(3, t.rows().size());
        Paper.Row treat = t.rows().get(0);
        assertEquals("Treatment", treat.label());
        assertEquals(List.of("0.512***", "0.498**", "(0.101)", "(0.230)"),
                treat.values().stream().map(Paper.Value::text).toList());
        assertEquals(List.of(1, 2, 1, 2), treat.values().stream().map(Paper.Value::column).toList());
        assertEquals(List.of(0, 0, 1, 1), treat.values().stream().map(Paper.Value::subrow).toList());
        assertEquals("***", treat.values().get(0).stars());
        Paper.Row age = t.rows().get(1);
        assertEquals(List.of("-0.031*", "-0.029", "[0.017]", "(0.020)"),
                age.values().stream().map(Paper.Value::text).toList());
        assertEquals(List.of("1,204", "1,198"), t.rows().get(2).values().stream().map(Paper.Value::text).toList());
        assertTrue(p.prose().stream().noneMatch(l -> l.text().contains("Table 7")), "comments are dropped");
    }

    @Test
    void findsItsOwnInconsistencies() {
        List<SelfCheck.Finding> f = SelfCheck.check(LatexPaperReader.read("m.tex", TEX));
        List<String> all = f.stream().map(x -> x.kind() + ": " + x.detail()).toList();
        // 0.498 (0.230): t = 2.17, p = 0.030: ** is right; 0.512 (0.101): t = 5.07: *** right
        // -0.031 (0.017): t = 1.82, p = 0.068: * right; N differs across the two columns
        assertEquals(List.of("n"), f.stream().map(SelfCheck.Finding::kind).toList(), all.toString());
        assertTrue(all.get(0).contains("1,204, 1,198"), all.toString());
        Paper bad = LatexPaperReader.read("m.tex", TEX.replace("0.498\\sym{**}", "0.498\\sym{***}")
                .replace("model (2)", "model (3) and Table 4"));
        List<String> b = SelfCheck.check(bad).stream().map(x -> x.kind() + ": " + x.detail()).toList();
        assertTrue(b.stream().anyMatch(s -> s.startsWith("stars: 0.498*** (0.230)") && s.contains("earns **")),
                b.toString());
        assertTrue(b.stream().anyMatch(s -> s.startsWith("reference: the text cites model (3)")), b.toString());
        assertTrue(b.stream().anyMatch(s -> s.startsWith("reference: the text cites Table 4")), b.toString());
    }

    @Test
    void appendixTablesKeepTheirPrintedNumber() {
        String tex = "\\documentclass{article}\\begin{document}\n"
                + "Table 1 and Table A1 report the estimates; Table A2 repeats them.\n"
                + "\\begin{table}\\caption{Main}\\begin{tabular}{lc}\nx & 0.512 \\\\\n & (0.101) \\\\\n"
                + "\\end{tabular}\\end{table}\n"
                + "\\begin{table}\\renewcommand{\\thetable}{A1}\\caption{Appendix}\\begin{tabular}{lc}\n"
                + "x & 0.498 \\\\\n & (0.230) \\\\\n\\end{tabular}\\end{table}\n\\end{document}\n";
        Paper p = LatexPaperReader.read("m.tex", tex);
        assertEquals(List.of("1", "A1"), p.tables().stream().map(Paper.Table::number).toList());
        assertEquals(List.of("Table 1", "Table A1"), p.tables().stream().map(Paper.Table::name).toList());
        List<String> refs = SelfCheck.check(p).stream().filter(x -> x.kind().equals("reference"))
                .map(SelfCheck.Finding::detail).toList();
        assertEquals(1, refs.size(), refs.toString());
        assertTrue(refs.get(0).startsWith("the text cites Table A2, but the manuscript has no Table A2 (it has Tables"
                + " 1, A1)"), refs.toString());
        assertEquals("A1", TextPaperReader.tableNumber("A01"));
        assertEquals("12", TextPaperReader.tableNumber("12"));
    }

    @Test
    void extractWritesAManuscriptYamlThatReadsBack(@TempDir Path tmp) throws Exception {
        Path text = tmp.resolve("seed.txt");
        Files.copy(ManuscriptTextTest.SEED, text);
        Path out = tmp.resolve("out");
        int rc = Main.execute("verify", "analysis.yaml", "--manuscript", text.toString(), "--extract", "--out",
                out.toString(), "-q");
        assertEquals(0, rc);
        Manuscript m = ManuscriptLoader.load(out.resolve("manuscript.yaml"));
        String yaml = Files.readString(out.resolve("manuscript.yaml"));
        assertTrue(m.numbers().size() >= 66, m.numbers().size() + " accepted entries");
        assertTrue(yaml.contains("# to review"), "low-confidence alignments are listed as comments");
        assertTrue(m.numbers().stream().anyMatch(n -> n.ref().equals("estimates/did2/terms/PxT/estimate")
                && n.published().equals("-0.1697*")));
        assertEquals(List.of(".reprise-output", "manuscript.yaml"), Files.list(out).map(x -> x.getFileName()
                .toString()).sorted().toList(), "--extract judges nothing and writes only manuscript.yaml (and the"
                + " output folder's marker)");
        assertEquals(2, Main.execute("verify", "analysis.yaml", "--extract", "-q"), "--extract needs a manuscript");
    }
}
