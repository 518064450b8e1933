package org.reprise.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pdflatex compiles report.tex and every table fragment (wrapped in a minimal document with the preamble the
 * fragment lists), and the numbers come out of the compiled PDF (pdftotext). Without pdflatex the test is
 * skipped, except when the environment variable CI is set: then it fails.
 */
class LatexCompileTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void needsPdflatex() {
        boolean have = runs("pdflatex", "--version") && runs("pdftotext", "-v");
        if (!have && System.getenv("CI") != null) {
            fail("pdflatex and pdftotext are required when CI is set (install texlive and poppler-utils)");
        }
        Assumptions.assumeTrue(have, "pdflatex/pdftotext not installed");
    }

    @Test
    void reportCompilesAndShowsTheNumbers() throws Exception {
        Path out = TestFiles.outDirWithFigure(tmp.resolve("out"));
        Renderers.renderAll(Fixtures.report(), out, TemplateSource.builtIn());
        String text = compile(out, "report.tex");
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
            String fragment = Files.readString(out.resolve("tables/" + id + ".tex"), StandardCharsets.UTF_8);
            String requires = fragment.lines().filter(l -> l.startsWith("% Preamble requirements:")).findFirst()
                    .orElseThrow().substring("% Preamble requirements:".length());
            Files.writeString(out.resolve("wrap-" + id + ".tex"), "\\documentclass{article}\n" + requires + "\n"
                    + "\\begin{document}\n\\input{tables/" + id + ".tex}\n\\end{document}\n", StandardCharsets.UTF_8);
            String text = compile(out, "wrap-" + id + ".tex");
            assertTrue(text.contains(id.equals("wages") ? "0.0223∗∗∗" : "1.2040"), text);
        }
    }

    @Test
    void theDefaultAnalysisReportAndEveryFragmentCompile() throws Exception {
        Path out = tmp.resolve("default");
        org.reprise.run.Pipeline.run(Path.of("analysis.yaml"), out, org.reprise.run.Progress.silent(), false);
        String text = compile(out, "report.tex");
        assertTrue(text.contains("Diff-in-Diff") && text.contains("Figure 4"), text);
        try (var files = Files.list(out.resolve("tables"))) {
            for (Path f : files.sorted().toList()) {
                String id = f.getFileName().toString().replace(".tex", "");
                String fragment = Files.readString(f, StandardCharsets.UTF_8);
                String requires = fragment.lines().filter(l -> l.startsWith("% Preamble requirements:")).findFirst()
                        .orElseThrow().substring("% Preamble requirements:".length());
                Files.writeString(out.resolve("wrap-" + id + ".tex"), "\\documentclass{article}\n" + requires
                        + "\n\\begin{document}\n\\input{tables/" + id + ".tex}\n\\end{document}\n",
                        StandardCharsets.UTF_8);
                compile(out, "wrap-" + id + ".tex");
            }
        }
    }

    @Test
    void escapedLabelCompilesAndPrintsLiterally() throws Exception {
        Path out = tmp.resolve("nasty");
        Renderers.renderAll(Fixtures.nasty(), out, TemplateSource.builtIn());
        String text = compile(out, "report.tex").replaceAll("\\s+", " ");
        assertTrue(text.contains("a_b % & # $ { } ~ ^ \\ <script>alert(1)</script> | *x*"), text);
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

    static boolean runs(String... cmd) {
        try {
            Process p = new ProcessBuilder(new ArrayList<>(List.of(cmd))).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
