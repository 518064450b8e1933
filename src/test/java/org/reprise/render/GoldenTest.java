package org.reprise.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden files per format for the report of {@link Fixtures}, plus the exact cell strings written by hand from the
 * table's cells (e.g. "-0.0223" with "***" and its standard error "(0.0123)") in the right place in every format.
 */
class GoldenTest {
    @TempDir
    Path tmp;

    @Test
    void markdownMatchesGoldenAndHasTheCells() throws Exception {
        String md = Renderers.markdown(Fixtures.report(), TemplateSource.builtIn(), TestFiles.outDirWithFigure(tmp));
        TestFiles.assertGolden("report.md", md);
        List<String> lines = md.lines().toList();
        int header = lines.indexOf("|  | Log hourly wage |  |");
        assertTrue(header > 0, "spanning header written once, over the first of its two columns");
        assertEquals("| :--- | ---: | ---: |", lines.get(header + 1));
        assertEquals("|  | (1) | (2) |", lines.get(header + 2), "second header row is the first body row");
        assertEquals("| Treated | -0.0223*** | -0.0198** |", lines.get(header + 3));
        assertEquals("|  | (0.0123) | (0.0094) |", lines.get(header + 4));
        assertTrue(lines.contains("| Observations | 6,124 | 6,124 |"));
        assertTrue(lines.contains("*Standard errors in parentheses.*"), "notes in italics");
        assertTrue(lines.contains("| Change in log wage | \u22120.0150 | 0.2104 | \u22121.2040 | 0.9810 |"));
        assertTrue(lines.contains("![Figure 1](figures/wage_hist.png)"));
    }

    @Test
    void latexMatchesGoldenAndHasTheCells() throws Exception {
        String tex = Renderers.latex(Fixtures.report(), TemplateSource.builtIn(), TestFiles.outDirWithFigure(tmp));
        TestFiles.assertGolden("report.tex", tex);
        String wages = Renderers.latexTable(Fixtures.regression(), 1, TemplateSource.builtIn());
        TestFiles.assertGolden("tables/wages.tex", wages);
        TestFiles.assertGolden("tables/desc.tex", Renderers.latexTable(Fixtures.descriptive(), 2,
                TemplateSource.builtIn()));
        for (String s : List.of(tex, wages)) {
            assertTrue(s.contains("\nTreated & -0.0223\\sym{***} & -0.0198\\sym{**} \\\\\n & {(}0.0123{)} & {(}0.0094{)} \\\\\n"));
            assertTrue(s.contains(" & \\multicolumn{2}{c}{Log hourly wage} \\\\\n\\cmidrule(lr){2-3}\n & {(1)} & {(2)} \\\\\n"));
            assertTrue(s.contains("\nObservations & {6,124} & {6,124} \\\\\n"), "text cells braced in S columns");
            assertTrue(s.contains("S[table-format=-1.4, table-align-text-before=false, table-align-text-after=false, "
                    + "table-space-text-pre={(}, table-space-text-post={\\sym{***}}]"), "stars wider than ')'");
            assertTrue(s.contains("\\item Standard errors in parentheses.\n"));
        }
        assertTrue(tex.contains("\\includegraphics[width=0.8\\linewidth]{figures/wage_hist.png}"));
        assertTrue(tex.contains("Change in log wage & -0.0150 & 0.2104 & -1.2040 & 0.9810 \\\\"),
                "U+2212 minus becomes '-' for siunitx");
        assertTrue(tex.contains("Hours \\texttimes{} weeks / 100"));
        assertTrue(tex.contains("R\\texttwosuperior{} & 0.214 & 0.231 \\\\"));
    }

    @Test
    void htmlMatchesGoldenAndHasTheCells() throws Exception {
        String html = Renderers.html(Fixtures.report(), TemplateSource.builtIn(), TestFiles.outDirWithFigure(tmp));
        TestFiles.assertGolden("report.html", html);
        assertTrue(html.contains("<tr><th class=\"text\"></th><th colspan=\"2\" class=\"group rule\">Log hourly wage"
                + "</th></tr>"), "the group header spans its two columns");
        assertTrue(html.contains("<caption><span class=\"label\">Table 1</span>: Effect of training on log wages"
                + "</caption>"));
        assertTrue(html.contains("<tr><td class=\"text\">Treated</td><td class=\"num\">\u22120.0223<span class=\"hang\">"
                + "<sup class=\"stars\">***</sup></span></td><td class=\"num\">\u22120.0198<span class=\"hang\">"
                + "<sup class=\"stars\">**</sup></span></td></tr>\n<tr><td class=\"text\"></td><td class=\"num\">"
                + "(0.0123<span class=\"hang\">)</span></td><td class=\"num\">(0.0094<span class=\"hang\">)</span>"
                + "</td></tr>"), "true minus; stars and closing bracket hang right of the digits");
        assertTrue(html.contains("<tfoot>\n<tr><td colspan=\"3\" class=\"notes\"><p>Standard errors in parentheses."
                + "</p>"), "notes in the table's footer");
        assertTrue(html.contains("<p>Table 1 reports the estimates. Training lowers log wages by \u22120.0223"));
        assertFalse(html.contains("-0.0"), "no hyphen-minus before a number");
        assertTrue(html.contains("<img src=\"data:image/png;base64,"), "figure inlined");
        assertTrue(!html.contains("<script") && !html.contains("http://") && !html.contains("https://"),
                "no scripts, no external resources");
    }

    @Test
    void pdfHasTheNumbersAsText() throws Exception {
        byte[] pdf = Renderers.pdf(Fixtures.report(), TestFiles.outDirWithFigure(tmp), null);
        PdfReader reader = new PdfReader(pdf);
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        StringBuilder text = new StringBuilder();
        for (int p = 1; p <= reader.getNumberOfPages(); p++) {
            text.append(extractor.getTextFromPage(p)).append('\n');
        }
        String s = text.toString().replaceAll("[ \\t]+", " ");
        for (String cell : List.of("Job training and wages", "Table 1. Effect of training on log wages",
                "Log hourly wage", "\u22120.0223***", "\u22120.0198**", "(0.0123)", "(0.0094)", "1.8730***", "6,124", "0.231",
                "Standard errors in parentheses.", "Table 2. Descriptive statistics", "\u22121.2040",
                "Hours × weeks / 100", "Age²", "Figure 1. Distribution of log hourly wages")) {
            assertTrue(s.contains(cell), "PDF text holds " + cell + "\n" + s);
        }
        assertTrue(s.indexOf("\u22120.0223***") < s.indexOf("(0.0123)"), "standard error below its estimate");
        assertFalse(s.contains("-0.0"), "a true minus sign in the PDF");
        assertTrue(s.indexOf("(0.0123)") < s.indexOf("0.0412***"));
        reader.close();
    }
}
