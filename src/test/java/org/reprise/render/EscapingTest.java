package org.reprise.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The label {@value Fixtures#NASTY} in every text field of a report, in every format. The expected escapes are
 * written by hand from each format's rules (CommonMark backslash escapes, LaTeX text-mode commands, HTML entities).
 */
class EscapingTest {
    static final String MD = "a\\_b % \\& \\# $ { } \\~ ^ \\\\ \\<script\\>alert(1)\\</script\\> \\| \\*x\\*";
    static final String TEX = "a\\_b \\% \\& \\# \\$ \\{ \\} \\textasciitilde{} \\textasciicircum{} \\textbackslash{} "
            + "\\textless{}script\\textgreater{}alert(1)\\textless{}/script\\textgreater{} \\textbar{} *x*";
    static final String HTML = "a_b % &amp; # $ { } ~ ^ \\ &lt;script&gt;alert(1)&lt;/script&gt; | *x*";

    @Test
    void markdown() {
        String md = Renderers.markdown(Fixtures.nasty(), TemplateSource.builtIn(), null);
        List<String> lines = md.lines().toList();
        assertEquals("# " + MD, lines.get(0));
        assertTrue(lines.contains("| " + MD + " | " + MD + " |"), "header row");
        assertTrue(lines.contains("| " + MD + " | -0.0223*** |"), "body row keeps two columns");
        assertTrue(lines.contains("| N | " + MD + " |"));
        assertTrue(lines.contains("*" + MD + "*"), "note");
        // every table line has exactly three unescaped pipes: two columns
        for (String line : lines) {
            if (line.startsWith("|")) {
                assertEquals(3, line.replace("\\\\", "").replace("\\|", "").chars().filter(c -> c == '|').count(), line);
            }
        }
    }

    @Test
    void latex() {
        String tex = Renderers.latex(Fixtures.nasty(), TemplateSource.builtIn(), null);
        assertTrue(tex.contains("\\title{" + TEX + "}"));
        assertTrue(tex.contains("\\section{" + TEX + "}"));
        assertTrue(tex.contains("\n" + TEX + " & -0.0223\\sym{***} \\\\\n"));
        assertTrue(tex.contains("\nN & {" + TEX + "} \\\\\n"), "text in a number column is braced");
        assertTrue(tex.contains("\\item " + TEX + "\n"));
        assertTrue(tex.contains("\\caption{" + TEX + "}"));
    }

    @Test
    void html() {
        String html = Renderers.html(Fixtures.nasty(), TemplateSource.builtIn(), null);
        assertFalse(html.contains("<script"), "a label holding <script> renders as text");
        assertTrue(html.contains("<title>" + HTML + "</title>"));
        assertTrue(html.contains("<h1>" + HTML + "</h1>"));
        assertTrue(html.contains("<th class=\"text\">" + HTML + "</th><th class=\"num\">" + HTML + "</th>"), html);
        assertTrue(html.contains("<td class=\"text\">" + HTML + "</td><td class=\"num\">\u22120.0223"), html);
        assertTrue(html.contains("<td colspan=\"2\" class=\"notes\"><p>" + HTML + "</p>"), html);
    }

    @Test
    void pdf() throws Exception {
        PdfReader reader = new PdfReader(Renderers.pdf(Fixtures.nasty(), null, null));
        String text = new PdfTextExtractor(reader).getTextFromPage(1);
        reader.close();
        int count = text.split(java.util.regex.Pattern.quote(Fixtures.NASTY), -1).length - 1;
        assertTrue(count >= 5, "label printed literally in title, author, abstract, heading, paragraph, table:\n" + text);
    }

    @Test
    void markdownLineStarts() {
        assertEquals("\\- item", Escape.markdown("- item"));
        assertEquals("\\+ item", Escape.markdown("+ item"));
        assertEquals("12\\. item", Escape.markdown("12. item"));
        assertEquals("-0.0223", Escape.markdown("-0.0223"));
        assertEquals("\\# not a heading", Escape.markdown("# not a heading"));
        assertEquals("two lines", Escape.markdown("two\n\n  lines"));
        assertEquals("R\\&D", Escape.markdown("R&D"));
    }

    @Test
    void latexSpecialPositions() {
        assertEquals("{}*x", Escape.latex("*x"), "a star after \\\\ would make \\\\*");
        assertEquals("{[}0.01, 0.03{]}", Escape.latex("[0.01, 0.03]"), "a bracket after \\\\ would be an argument");
        assertEquals("a-{}-b", Escape.latex("a--b"), "no en-dash ligature");
        assertEquals("\\textminus{}0.5 \\ensuremath{\\beta} \\ensuremath{\\leq} 1", Escape.latex("\u22120.5 β ≤ 1"));
        assertEquals("one line", Escape.latex("one\n\nline"), "a blank line would end a table row's paragraph");
    }
}
