package org.reprise.badinput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprise.tools.Tools;

/**
 * No way out: text from the spec (report title, abstract, section heading and text, variable label, model label,
 * table title and note) holding LaTeX specials, an HTML script tag and Markdown table/emphasis characters comes out
 * verbatim in every format and never as markup; and a spec cannot write outside its output folder nor reach Java.
 */
class SandboxTest {
    static final String LABEL = "a_b % & # $ { } ~ ^ \\ <script>alert(1)</script> | *x*";
    /** The label as HTML text (entities for & and <, >), as every HTML renderer must write it. */
    static final String HTML_TEXT = LABEL.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");

    @TempDir
    static Path tmp;
    static Path out;

    @BeforeAll
    static void run() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("nasty"));
        Files.copy(Path.of("examples", "petersen", "PetersenCL.csv"), dir.resolve("PetersenCL.csv"));
        String q = "'" + LABEL + "'"; // single-quoted YAML: taken literally
        Files.writeString(dir.resolve("analysis.yaml"), "title: " + q + "\nabstract: " + q + "\n"
                + "data:\n  file: PetersenCL.csv\n  variables:\n    x: {label: " + q + "}\n"
                + "models:\n  - {id: m1, outcome: y, terms: [x], label: " + q + "}\n"
                + "tables:\n  - {id: t1, type: regression, title: " + q + ", models: [m1], notes: [" + q + "]}\n"
                + "report:\n  - {heading: " + q + ", text: " + q + ", tables: [t1]}\n", StandardCharsets.UTF_8);
        Cli.Result r = Cli.run("run", dir.resolve("analysis.yaml").toString(), "--quiet");
        assertEquals(0, r.rc(), r.err());
        out = dir.resolve("output");
    }

    /** Title, abstract, heading, text, caption, column header, row label, note. */
    static final int PLACES = 8;

    static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void markdownShowsTheLabelAsText() throws Exception {
        String md = Files.readString(out.resolve("report.md"));
        MutableDataSet o = new MutableDataSet().set(Parser.EXTENSIONS, List.of(TablesExtension.create()));
        String html = HtmlRenderer.builder(o).build().render(Parser.builder(o).build().parse(md));
        assertFalse(html.toLowerCase(Locale.ROOT).contains("<script"), "a CommonMark reader makes no script tag");
        assertFalse(html.contains("<em>x</em>"), "no emphasis from *x*");
        assertTrue(count(html, HTML_TEXT) >= PLACES, "label verbatim in every place:\n" + html);
        // the regression table keeps its two columns: the | in the label is escaped
        assertTrue(html.contains("<td>" + HTML_TEXT + "</td>") || html.contains("<td align=\"left\">" + HTML_TEXT),
                html);
    }

    @Test
    void htmlHasNoScriptAndShowsTheLabel() throws Exception {
        String html = Files.readString(out.resolve("report.html"));
        assertFalse(html.toLowerCase(Locale.ROOT).contains("<script"), "no script tag survives");
        assertTrue(count(html, HTML_TEXT) >= PLACES, html);
    }

    @Test
    void builtInPdfShowsTheLabelVerbatim() throws Exception {
        String text = pdfText(out.resolve("report.pdf"));
        assertTrue(count(text, LABEL) >= PLACES - 1, text); // the PDF's column header is the model label too
    }

    @Test
    @Tag(Tools.TAG)
    void latexCompilesAndShowsTheLabelVerbatim() throws Exception {
        Tools.requireLatex();
        Path work = Files.createDirectories(tmp.resolve("latex"));
        Files.copy(out.resolve("report.tex"), work.resolve("report.tex"));
        Process p = new ProcessBuilder("pdflatex", "-interaction=nonstopmode", "-halt-on-error", "report.tex")
                .directory(work.toFile()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), log);
        String text = pdfText(work.resolve("report.pdf"));
        assertTrue(count(text, LABEL) >= PLACES - 1, text);
    }

    @Test
    @Tag(Tools.TAG)
    void chromiumBuildsNoScriptElement() throws Exception {
        Tools.requireChromium();
        Process p = new ProcessBuilder("chromium", "--headless", "--no-sandbox", "--disable-gpu",
                "--dump-dom", out.resolve("report.html").toUri().toString()).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertTrue(dom.contains("<body"), dom);
        assertFalse(dom.toLowerCase(Locale.ROOT).contains("<script"), dom);
    }

    @Test
    void outputCannotLeaveItsFolder() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("escape/project"));
        Files.copy(Path.of("examples", "petersen", "PetersenCL.csv"), dir.resolve("PetersenCL.csv"));
        Path abs = tmp.resolve("escape/absolute");
        Path linked = Files.createDirectories(tmp.resolve("escape/linked"));
        Files.createSymbolicLink(dir.resolve("out"), linked);
        for (String output : List.of("../escape", abs.toString(), "out", "out/sub", "a/../../escape")) {
            Files.writeString(dir.resolve("analysis.yaml"), "title: t\noutput: '" + output + "'\n"
                    + "data: {file: PetersenCL.csv}\nmodels:\n  - {id: m1, outcome: y, terms: [x]}\n");
            Cli.Result r = Cli.run("run", dir.resolve("analysis.yaml").toString(), "--quiet");
            assertEquals(2, r.rc(), output + ": " + r.err());
            assertTrue(r.err().contains("analysis.yaml:2:"), r.err());
        }
        assertFalse(Files.exists(tmp.resolve("escape/escape")));
        assertFalse(Files.exists(abs));
        try (var s = Files.list(linked)) {
            assertEquals(0, s.count(), "nothing written through the link");
        }
        assertTrue(Files.isSymbolicLink(dir.resolve("out")), "the link is left alone");
    }

    @Test
    void expressionsCannotReachJava() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("jexl"));
        Files.copy(Path.of("examples", "petersen", "PetersenCL.csv"), dir.resolve("PetersenCL.csv"));
        for (String expr : List.of("''.class.forName('java.lang.Runtime')", "new('java.io.File', '/tmp/x')",
                "x.getClass()", "y = 1")) {
            Files.writeString(dir.resolve("analysis.yaml"), "title: t\ndata:\n  file: PetersenCL.csv\n"
                    + "  derive: [{name: z, expr: \"" + expr + "\"}]\n");
            Cli.Result r = Cli.run("run", dir.resolve("analysis.yaml").toString(), "--quiet");
            assertEquals(2, r.rc(), expr + ": " + r.err());
            assertTrue(r.err().startsWith("error: ") && r.err().contains("analysis.yaml:4:"), r.err());
            assertFalse(r.err().contains("\tat "), r.err());
        }
    }

    static String pdfText(Path pdf) throws Exception {
        PdfReader reader = new PdfReader(pdf.toString());
        try {
            PdfTextExtractor x = new PdfTextExtractor(reader);
            StringBuilder sb = new StringBuilder();
            for (int i = 1; i <= reader.getNumberOfPages(); i++) {
                sb.append(x.getTextFromPage(i)).append('\n');
            }
            return sb.toString();
        } finally {
            reader.close();
        }
    }
}
