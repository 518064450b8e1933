package org.reprise.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprise.tools.Tools;

/**
 * The PDF reader on a table set as Reprise sets a wide one (docs/output.md): {@code \small}, {@code \tabcolsep}
 * 4pt, headers over two columns and wrapped onto two lines with {@code \makecell}, siunitx columns with negative
 * numbers, superscript stars and standard errors in parentheses, columns that print numbers in a few rows only (the
 * "Without controls" columns: 5 numbers beside 25), a label ending in a number. The expected cells are the ones
 * typeset.
 */
@Tag(Tools.TAG)
class PdfPaperReaderTest {
    private static final String S = "S[table-format=-1.4, table-align-text-before=false, table-align-text-after=false,"
            + " table-space-text-pre={(}, table-space-text-post={\\sym{***}}]";

    /** Covariates printed in the "With controls" columns only: label, estimate and SE of column 2, of column 4. */
    private static final String[][] COVARIATES = {
        {"Age", "-0.0128\\sym{***}", "0.0044", "0.0031", "0.0040"},
        {"Health", "0.1849", "0.1045", "-0.1871\\sym{***}", "0.0045"},
        {"Job", "-0.3371\\sym{***}", "0.0229", "-0.3365\\sym{**}", "0.1229"},
        {"Family size", "0.0054", "0.0070", "0.0042", "0.0070"},
        {"Machines", "-0.0140\\sym{***}", "0.0052", "-0.0105", "0.0142"},
        {"Subsidy", "0.0259\\sym{*}", "0.0135", "0.0387\\sym{***}", "0.0137"},
        {"Hard roads", "-0.0040\\sym{***}", "0.0004", "-0.0038\\sym{***}", "0.0004"},
        {"Education", "-0.0235\\sym{***}", "0.0059", "-0.0302\\sym{***}", "0.0063"},
        {"Training", "-0.1087\\sym{***}", "0.0142", "-0.1056\\sym{***}", "0.0139"},
        // the longest label, ending in a number that no other label runs over: still part of the label
        {"Household income in 2010", "0.0123", "0.0051", "0.0456\\sym{***}", "0.0050"},
    };

    private static String tex() {
        StringBuilder b = new StringBuilder("\\documentclass{article}\n\\input{glyphtounicode}\\pdfgentounicode=1\n"
                + "\\usepackage{booktabs}\n\\usepackage{threeparttable}\n\\usepackage{siunitx}\n"
                + "\\usepackage{makecell}\n"
                + "\\begin{document}\n"
                + "\\begin{table}[htbp]\n\\centering\n\\providecommand{\\sym}[1]{\\ifmmode^{#1}\\else\\(^{#1}\\)\\fi}\n"
                + "\\begin{threeparttable}\n\\caption{Wage equations}\n\\small\n\\setlength{\\tabcolsep}{4pt}\n"
                + "\\begin{tabular}{@{}l " + S + " " + S + " " + S + " " + S + "@{}}\n\\toprule\n"
                + " & \\multicolumn{2}{c}{Log wage} & \\multicolumn{2}{c}{Hours worked} \\\\\n"
                + "\\cmidrule(lr){2-3}\\cmidrule(lr){4-5}\n"
                + " & {\\makecell[b]{Without\\\\controls}} & {\\makecell[b]{With\\\\controls}}"
                + " & {\\makecell[b]{Without\\\\controls}} & {\\makecell[b]{With\\\\controls}} \\\\\n\\midrule\n"
                + "Treated & -0.1564\\sym{***} & -0.0855\\sym{**} & 1.2345 & -2.5012\\sym{*} \\\\\n"
                + " & {(}0.0082{)} & {(}0.0350{)} & {(}1.0100{)} & {(}1.3000{)} \\\\\n");
        for (String[] c : COVARIATES) {
            b.append(c[0]).append(" & {} & ").append(c[1]).append(" & {} & ").append(c[3]).append(" \\\\\n")
                    .append(" & {} & {(}").append(c[2]).append("{)} & {} & {(}").append(c[4]).append("{)} \\\\\n");
        }
        return b.append("Constant & 0.4266\\sym{***} & 2.4848\\sym{***} & -0.4487 & 2.5515\\sym{***} \\\\\n"
                + " & {(}0.0031{)} & {(}0.2419{)} & {(}0.3031{)} & {(}0.2411{)} \\\\\n\\midrule\n"
                + "N & {6124} & {6124} & {6120} & {6120} \\\\\n\\bottomrule\n\\end{tabular}\n"
                + "\\begin{tablenotes}[flushleft]\n\\footnotesize\n\\item Standard errors in parentheses.\n"
                + "\\item * p$<$0.10, ** p$<$0.05, *** p$<$0.01.\n\\end{tablenotes}\n\\end{threeparttable}\n"
                + "\\end{table}\n\\end{document}\n").toString();
    }

    /** Each row's cells as "text@column/line of the row" (the second line holds the standard errors). */
    private static List<String> expectedRows() {
        List<String> rows = new ArrayList<>();
        rows.add("Treated: -0.1564***@1/0 -0.0855**@2/0 1.2345@3/0 -2.5012*@4/0 (0.0082)@1/1 (0.0350)@2/1"
                + " (1.0100)@3/1 (1.3000)@4/1");
        for (String[] c : COVARIATES) {
            rows.add(c[0] + ": " + plain(c[1]) + "@2/0 " + plain(c[3]) + "@4/0 (" + c[2] + ")@2/1 (" + c[4] + ")@4/1");
        }
        rows.add("Constant: 0.4266***@1/0 2.4848***@2/0 -0.4487@3/0 2.5515***@4/0 (0.0031)@1/1 (0.2419)@2/1"
                + " (0.3031)@3/1 (0.2411)@4/1");
        rows.add("N: 6124@1/0 6124@2/0 6120@3/0 6120@4/0");
        return rows;
    }

    private static String plain(String cell) {
        return cell.replaceAll("\\\\sym\\{(\\**)\\}", "$1");
    }

    @Test
    void everyCellLandsInItsRowAndColumn(@TempDir Path tmp) throws Exception {
        Tools.requireLatex();
        Files.writeString(tmp.resolve("wide.tex"), tex());
        assertTrue(ManuscriptRoundTripTest.pdflatex(tmp, "wide"), "pdflatex compiles; see "
                + tmp.resolve("pdflatex.out"));
        Paper p = PdfPaperReader.read(tmp.resolve("wide.pdf"));
        assertEquals(1, p.tables().size());
        Paper.Table t = p.tables().get(0);
        assertEquals("1", t.number());
        assertEquals("Wage equations", t.caption());
        List<String> rows = new ArrayList<>();
        for (Paper.Row r : t.rows()) {
            StringBuilder b = new StringBuilder(r.label() + ":");
            r.values().forEach(v -> b.append(' ').append(v.text()).append('@').append(v.column()).append('/')
                    .append(v.subrow()));
            rows.add(b.toString());
        }
        assertEquals(expectedRows(), rows);
        // a header set over two columns names both; the two lines of a \makecell header join
        assertEquals(List.of("", "Log wage Without controls", "Log wage With controls", "Hours worked Without controls",
                "Hours worked With controls"), t.columns());
        assertEquals("Standard errors in parentheses. * p<0.10, ** p<0.05, *** p<0.01.", t.notes());
    }

    /**
     * A caption wrapped over three lines, as a paragraph (LaTeX's default) and centred (the caption package's
     * justification=centering, as Word manuscripts set it), joins into one caption; the header line below it, whose
     * first word starts at the caption's left edge, stays a header. Stars set a space apart ("0.498 ∗∗") join their
     * number; the page number at the foot is not a cell of the last row.
     */
    @Test
    void wrappedCaptionsJoinAndTheHeaderStaysBelow(@TempDir Path tmp) throws Exception {
        Tools.requireLatex();
        String caption = "Estimates of the effect of the programme on the vulnerability of rural households to"
                + " expected poverty in the years after the programme started, by the poverty line used to define"
                + " vulnerability and by the model";
        StringBuilder doc = new StringBuilder("\\documentclass{article}\n\\usepackage{booktabs}\n"
                + "\\usepackage{threeparttable}\n\\usepackage{caption}\n\\hyphenpenalty=10000\n"
                + "\\begin{document}\n");
        for (String justification : List.of("justified", "centering")) {
            doc.append("\\begin{table}[htbp]\n\\centering\n\\captionsetup{justification=").append(justification)
                    .append("}\n\\begin{threeparttable}\n\\caption{").append(caption).append("}\n")
                    .append("\\begin{tabular}{@{}lccccc@{}}\n\\toprule\n")
                    .append("Variable & (1) & (2) & (3) & (4) & (5) \\\\\n\\midrule\n")
                    .append("Treated households & 0.512$^{***}$ & 0.498\\ $^{**}$ & 0.431 & 0.402 & 0.395 \\\\\n")
                    .append(" & (0.101) & (0.230) & (0.111) & (0.120) & (0.131) \\\\\n")
                    .append("Age & 0.031 & 0.029 & 0.027 & 0.026 & 0.021 \\\\\n\\bottomrule\n\\end{tabular}\n")
                    .append("\\end{threeparttable}\n\\end{table}\n");
        }
        Files.writeString(tmp.resolve("captions.tex"), doc.append("\\end{document}\n").toString());
        assertTrue(ManuscriptRoundTripTest.pdflatex(tmp, "captions"), "pdflatex compiles; see "
                + tmp.resolve("pdflatex.out"));
        Paper p = PdfPaperReader.read(tmp.resolve("captions.pdf"));
        assertEquals(2, p.tables().size());
        for (Paper.Table t : p.tables()) {
            assertEquals(caption, t.caption());
            assertEquals(List.of("Variable", "(1)", "(2)", "(3)", "(4)", "(5)"), t.columns());
            assertEquals(List.of("Treated households", "Age"), t.rows().stream().map(Paper.Row::label).toList());
            assertEquals(List.of("0.512***", "0.498**", "0.431", "0.402", "0.395", "(0.101)", "(0.230)", "(0.111)",
                    "(0.120)", "(0.131)"), t.rows().get(0).values().stream().map(Paper.Value::text).toList(),
                    "stars set a space apart join their number");
            assertEquals(List.of(1, 2, 3, 4, 5, 1, 2, 3, 4, 5), t.rows().get(0).values().stream()
                    .map(Paper.Value::column).toList());
            assertEquals(5, t.rows().get(1).values().size(), "the page number below the table is not a cell");
        }
    }
}
