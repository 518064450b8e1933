package org.reprise.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.reprise.report.Report;
import org.reprise.table.Table;
import org.reprise.tools.Tools;

/**
 * pdflatex compiles report.tex and every table fragment (each in a plain 11pt article with 1-inch margins and the
 * packages the fragment lists) with no overfull box and every siunitx cell on its decimal point
 * ({@link LatexChecks}), for the test report, the default analysis and every example; and the numbers come out of
 * the compiled PDF (pdftotext). Needs pdflatex and poppler: fails without them (make test-fast leaves it out).
 */
@Tag(Tools.TAG)
class LatexCompileTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void needsPdflatex() {
        Tools.requireLatex();
    }

    @Test
    void reportCompilesAndShowsTheNumbers() throws Exception {
        Path out = TestFiles.outDirWithFigure(tmp.resolve("out"));
        Renderers.renderAll(Fixtures.report(), out, TemplateSource.builtIn());
        String text = LatexChecks.assertNoOverfull(out, "report.tex");
        for (String s : List.of("Job training and wages", "Log hourly wage", "0.0223∗∗∗", "(0.0123)", "(0.0094)",
                "6,124", "1.8730∗∗∗", "Hours × weeks / 100", "Age²", "Figure 1: Distribution of log hourly wages")) {
            assertTrue(text.contains(s), "compiled report shows " + s + "\n" + text);
        }
    }

    @Test
    void everyFragmentCompilesWithItsListedPreamble() throws Exception {
        Path out = tmp.resolve("out");
        Renderers.renderAll(Fixtures.report(), out, TemplateSource.builtIn());
        for (String id : List.of("wages", "desc")) {
            String text = LatexChecks.fragmentFits(out, id);
            assertTrue(text.contains(id.equals("wages") ? "0.0223∗∗∗" : "1.2040"), text);
        }
    }

    @Test
    void theDefaultAnalysisFitsThePage() throws Exception {
        Path out = tmp.resolve("default");
        org.reprise.run.Pipeline.run(Path.of("analysis.yaml"), out, org.reprise.run.Progress.silent(), false);
        LatexChecks.fitsThePage(out);
        String text = LatexCompileTest.compile(out, "report.tex");
        assertTrue(text.contains("Diff-in-Diff") && text.contains("Figure 4"), text);
    }

    static Stream<Path> examples() throws IOException {
        try (var dirs = Files.list(Path.of("examples"))) {
            return dirs.map(d -> d.resolve("analysis.yaml")).filter(Files::isRegularFile).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyExampleFitsThePage(Path spec) throws Exception {
        Path out = tmp.resolve("example");
        org.reprise.run.Pipeline.run(spec, out, org.reprise.run.Progress.silent(), false);
        LatexChecks.fitsThePage(out);
    }

    /** Nine models with long labels cannot fit a portrait page at any size: the table gets a landscape page. */
    @Test
    void aTableTooWideForAnySizeGoesLandscapeAndFits() throws Exception {
        Report r = new Report("Wide", List.of(), "", List.of(new Report.TableBlock(wide(9))));
        Path out = tmp.resolve("wide");
        Renderers.renderAll(r, out, TemplateSource.builtIn());
        String fragment = Files.readString(out.resolve("tables/wide.tex"), StandardCharsets.UTF_8);
        assertTrue(fragment.contains("\\begin{sidewaystable}") && fragment.contains("\\usepackage{rotating}"),
                fragment);
        LatexChecks.fitsThePage(out);
    }

    /** Five such models fit in portrait once headers wrap and the size drops; nothing is rotated. */
    @Test
    void aWideTableShrinksBeforeItTurns() throws Exception {
        Report r = new Report("Wide", List.of(), "", List.of(new Report.TableBlock(wide(5))));
        Path out = tmp.resolve("six");
        Renderers.renderAll(r, out, TemplateSource.builtIn());
        String fragment = Files.readString(out.resolve("tables/wide.tex"), StandardCharsets.UTF_8);
        assertFalse(fragment.contains("sidewaystable"), fragment);
        assertTrue(fragment.contains("\\makecell[b]{"), fragment);
        LatexChecks.fitsThePage(out);
    }

    /** The spec's latex: {size, landscape} wins over the automatic choice. */
    @Test
    void theSpecCanFixSizeAndOrientation() throws Exception {
        Report r = new Report("Set", List.of(), "", List.of(new Report.TableBlock(wide(2), null,
                new Report.LatexOptions("footnotesize", true))));
        Path out = tmp.resolve("set");
        Renderers.renderAll(r, out, TemplateSource.builtIn());
        String fragment = Files.readString(out.resolve("tables/wide.tex"), StandardCharsets.UTF_8);
        assertTrue(fragment.contains("\\begin{sidewaystable}") && fragment.contains("\n\\footnotesize\n\\begin{tabular}"),
                fragment);
        LatexChecks.fitsThePage(out);
    }

    @Test
    void escapedLabelCompilesAndPrintsLiterally() throws Exception {
        Path out = tmp.resolve("nasty");
        Renderers.renderAll(Fixtures.nasty(), out, TemplateSource.builtIn());
        String text = compile(out, "report.tex").replaceAll("\\s+", " ");
        assertTrue(text.contains("a_b % & # $ { } ~ ^ \\ <script>alert(1)</script> | *x*"), text);
    }

    /** A regression table of {@code models} columns with long model labels, estimates and counts. */
    static Table wide(int models) {
        List<Table.ColumnKind> kinds = new ArrayList<>(List.of(Table.ColumnKind.TEXT));
        List<Table.Span> head = new ArrayList<>(List.of(new Table.Span("", 1)));
        List<Table.Span> nums = new ArrayList<>(List.of(new Table.Span("", 1)));
        List<Table.Cell> est = new ArrayList<>(List.of(Table.Cell.text("Participation × post period")));
        List<Table.Cell> se = new ArrayList<>(List.of(Table.Cell.text("")));
        List<Table.Cell> n = new ArrayList<>(List.of(Table.Cell.text("Observations")));
        for (int m = 1; m <= models; m++) {
            kinds.add(Table.ColumnKind.NUMBER);
            head.add(new Table.Span("With controls", 1));
            nums.add(new Table.Span("(" + m + ")", 1));
            est.add(new Table.Cell("\u22120.567" + m, "***", "e" + m));
            se.add(new Table.Cell("(0.0123)", "", "s" + m));
            n.add(new Table.Cell("61240", "", "n" + m));
        }
        return new Table("wide", "Many models", kinds, List.of(new Table.HeaderRow(nums, false),
                new Table.HeaderRow(head, false)), List.of(new Table.Section(List.of(new Table.Row(est),
                new Table.Row(se))), new Table.Section(List.of(new Table.Row(n)))), List.of("Note."));
    }

    /** Runs pdflatex (twice: labels) and returns pdftotext's text of the PDF. */
    static String compile(Path dir, String tex) throws IOException, InterruptedException {
        for (int pass = 0; pass < 2; pass++) {
            Process p = new ProcessBuilder("pdflatex", "-interaction=nonstopmode", "-halt-on-error", tex)
                    .directory(dir.toFile()).redirectErrorStream(true).start();
            String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), "pdflatex " + tex + " failed:\n" + log);
        }
        String pdf = tex.replaceAll("\\.tex$", ".pdf");
        Process p = new ProcessBuilder("pdftotext", "-enc", "UTF-8", pdf, "-").directory(dir.toFile()).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor());
        return text;
    }
}
