package org.reprise.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.reprise.UserError;
import org.reprise.report.Report;
import org.reprise.table.Table;

/**
 * Renders a {@link Report} into Markdown, LaTeX, HTML and PDF. Renderers only escape and lay out: every number
 * arrives already formatted in {@link Table.Cell#text()}. Output is deterministic (same report → same bytes),
 * UTF-8 with "\n" line ends; the PDF carries no timestamp unless SOURCE_DATE_EPOCH is set.
 * Figures are looked up as {@code figures/NAME.png} under the output folder.
 */
public final class Renderers {
    private Renderers() {
    }

    /**
     * Writes outDir/report.md, report.tex, report.html, report.pdf, report.docx, and outDir/tables/ID.tex and
     * tables/ID.docx (one LaTeX fragment and one Word document per table). Everything is rendered first and written only when all formats succeeded.
     */
    public static void renderAll(Report report, Path outDir, TemplateSource templates) {
        renderAll(report, outDir, templates, Steps.NONE);
    }

    /** Times each format (e.g. progress lines on stderr). */
    public interface Steps {
        /** No timing. */
        Steps NONE = new Steps() {
            @Override
            public <T> T step(String what, java.util.function.Supplier<T> work) {
                return work.get();
            }
        };

        <T> T step(String what, java.util.function.Supplier<T> work);
    }

    /**
     * Loads and initialises the PDF and Word libraries (OpenPDF's fonts, POI's XML schema types) by rendering a small
     * sample report in memory; writes nothing. For a thread that would otherwise be idle ({@code run/WarmUp}).
     */
    public static void warmUp() {
        SampleReport.render();
    }

    /**
     * As {@link #renderAll(Report, Path, TemplateSource)}, timing each format through {@code steps}. With two cores
     * or more, report.pdf is rendered on a second thread while this one renders the text formats and the Word files;
     * each file's bytes are the same either way (no renderer shares state with another).
     */
    public static void renderAll(Report report, Path outDir, TemplateSource templates, Steps steps) {
        renderAll(report, outDir, templates, steps, null);
    }

    /**
     * As {@link #renderAll(Report, Path, TemplateSource, Steps)}, the Word files (tables/ID.docx, report.docx)
     * rendered by {@code word} (null: on this thread). When several files fail, the error reported is the one a
     * single thread rendering them one after another meets first: report.md, .tex, .html, then per table its .tex
     * fragment, its .docx and the check of its id, then report.pdf, then report.docx.
     */
    public static void renderAll(Report report, Path outDir, TemplateSource templates, Steps steps,
                                 java.util.concurrent.Executor word) {
        java.util.concurrent.FutureTask<Map<String, byte[]>> documents = new java.util.concurrent.FutureTask<>(() -> {
            Map<String, byte[]> d = new LinkedHashMap<>();
            d.put("report.pdf", steps.step("rendering report.pdf", () -> pdf(report, outDir, sourceDateEpoch())));
            return d;
        });
        java.util.concurrent.FutureTask<WordFiles> words = new java.util.concurrent.FutureTask<>(
                () -> WordFiles.of(report, outDir, steps));
        boolean parallel = Runtime.getRuntime().availableProcessors() > 1;
        if (parallel) {
            Thread t = new Thread(documents, "reprise-render");
            t.setDaemon(true);
            t.start();
        }
        if (word != null) {
            word.execute(words);
        } else {
            words.run();
        }
        Map<String, byte[]> files;
        try {
            files = texts(report, outDir, templates, steps, words);
        } catch (RuntimeException | Error e) {
            if (parallel) {
                awaitQuietly(documents);
            }
            awaitQuietly(words);
            throw e;
        }
        if (!parallel) {
            documents.run();
        }
        WordFiles w = result(words);
        if (w.failedBefore(Integer.MAX_VALUE)) {
            if (parallel) {
                awaitQuietly(documents);
            }
            throw w.failure();
        }
        files.putAll(result(documents));
        if (w.failure() != null) {
            throw w.failure();
        }
        files.putAll(w.files());
        try {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                Path target = outDir.resolve(f.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, f.getValue());
            }
        } catch (IOException e) {
            throw new UserError("Cannot write the report into " + outDir + ": " + e.getMessage()
                    + ". Check that the folder is writable and the disk is not full.", e);
        }
    }

    /**
     * The Word files: each table's .docx in report order, then report.docx; rendering stops at the first failure,
     * kept with the number of tables rendered before it ({@code Integer.MAX_VALUE}: report.docx failed).
     */
    private record WordFiles(Map<String, byte[]> files, int failedAt, RuntimeException failure) {
        static WordFiles of(Report report, Path outDir, Steps steps) {
            Map<String, byte[]> files = new LinkedHashMap<>();
            int n = 0;
            for (Report.Block b : report.blocks()) {
                if (b instanceof Report.TableBlock tb) {
                    try {
                        files.put("tables/" + tb.table().id() + ".docx",
                                DocxReport.table(tb.table(), TemplateData.number(tb, n + 1)));
                    } catch (RuntimeException e) {
                        return new WordFiles(files, n, e);
                    }
                    n++;
                }
            }
            try {
                files.put("report.docx", steps.step("rendering report.docx", () -> docx(report, outDir)));
            } catch (RuntimeException e) {
                return new WordFiles(files, Integer.MAX_VALUE, e);
            }
            return new WordFiles(files, -1, null);
        }

        /** Whether this failure comes before a failure of the text formats at table {@code table} (0-based). */
        boolean failedBefore(int table) {
            return failure != null && failedAt < table;
        }
    }

    /**
     * report.md, report.tex, report.html and each table's .tex, in that order; a failure at a table is reported
     * unless a table's .docx before it failed ({@code words}).
     */
    private static Map<String, byte[]> texts(Report report, Path outDir, TemplateSource templates, Steps steps,
                                             java.util.concurrent.FutureTask<WordFiles> words) {
        TemplateEngine engine = new TemplateEngine(templates);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("report.md", steps.step("rendering report.md", () -> utf8(markdown(report, engine, outDir))));
        files.put("report.tex", steps.step("rendering report.tex and tables/*.tex",
                () -> utf8(latex(report, engine, outDir))));
        files.put("report.html", steps.step("rendering report.html", () -> utf8(html(report, engine, outDir))));
        int n = 0;
        for (Report.Block b : report.blocks()) {
            if (b instanceof Report.TableBlock tb) {
                String name = "tables/" + tb.table().id() + ".tex";
                String number = TemplateData.number(tb, n + 1);
                String fragment;
                try {
                    fragment = latexTable(tb.table(), number, tb.latex(), engine);
                } catch (RuntimeException e) {
                    throw earlier(words, n, e);
                }
                if (files.put(name, utf8(fragment)) != null) {
                    throw earlier(words, n + 1, new UserError("Two tables have the id '" + tb.table().id()
                            + "'; table ids must be unique because each one names the file " + name + "."));
                }
                n++;
            }
        }
        return files;
    }

    /** The Word files' failure if it came before table {@code table}'s failure {@code e}, else {@code e}. */
    private static RuntimeException earlier(java.util.concurrent.FutureTask<WordFiles> words, int table,
                                            RuntimeException e) {
        WordFiles w = result(words);
        return w.failedBefore(table) ? w.failure() : e;
    }

    /** The task's result once it has ended; its own exception is rethrown as it was. */
    private static <T> T result(java.util.concurrent.FutureTask<T> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rendering the report", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw org.reprise.Tasks.rethrow(e.getCause());
        }
    }

    /** Waits for the task to end, ignoring its outcome (the caller has an error of its own to report). */
    private static void awaitQuietly(java.util.concurrent.FutureTask<?> task) {
        try {
            task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            // the caller's error is reported instead
        }
    }

    /** report.md; figures are looked up under {@code outDir} (null: none present). */
    public static String markdown(Report report, TemplateSource templates, Path outDir) {
        return markdown(report, new TemplateEngine(templates), outDir);
    }

    /** report.tex, a standalone pdflatex document; figures are looked up under {@code outDir} (null: none). */
    public static String latex(Report report, TemplateSource templates, Path outDir) {
        return latex(report, new TemplateEngine(templates), outDir);
    }

    /** One table as a LaTeX fragment (the table environment), {@code number} being its position in the report. */
    public static String latexTable(Table table, String number, TemplateSource templates) {
        return latexTable(table, number, Report.LatexOptions.AUTO, new TemplateEngine(templates));
    }

    /** As {@link #latexTable(Table, String, TemplateSource)}, with the size or orientation fixed by {@code latex}. */
    public static String latexTable(Table table, String number, Report.LatexOptions latex, TemplateSource templates) {
        return latexTable(table, number, latex, new TemplateEngine(templates));
    }

    /** As {@link #latexTable(Table, String, TemplateSource)} with a numeric table number. */
    public static String latexTable(Table table, int number, TemplateSource templates) {
        return latexTable(table, Integer.toString(number), templates);
    }

    /** As {@link #markdownTable(Table, String, TemplateSource)} with a numeric table number. */
    public static String markdownTable(Table table, int number, TemplateSource templates) {
        return markdownTable(table, Integer.toString(number), templates);
    }

    /** One table as a Markdown pipe table with its title and notes. */
    public static String markdownTable(Table table, String number, TemplateSource templates) {
        return finish(new TemplateEngine(templates).render("table.md.ftl",
                Map.of("table", TemplateData.table(table, number))));
    }

    /**
     * report.html: one self-contained file (inline CSS, figures as data: URIs, no scripts), its tables built
     * directly as HTML tables (spanning group headers, caption, notes footer).
     */
    public static String html(Report report, TemplateSource templates, Path outDir) {
        return html(report, new TemplateEngine(templates), outDir);
    }

    /** report.docx (native Word tables, figures as pictures); figures are looked up under {@code outDir}. */
    public static byte[] docx(Report report, Path outDir) {
        return DocxReport.report(report, name -> readFigure(outDir, name));
    }

    /** One table as a Word document of its own (caption, table, notes). */
    public static byte[] docxTable(Table table, String number) {
        return DocxReport.table(table, number);
    }

    /** report.pdf; figures are looked up under {@code outDir} (null: none); {@code date} null: no dates. */
    public static byte[] pdf(Report report, Path outDir, Instant date) {
        return PdfReport.render(report, name -> readFigure(outDir, name), date);
    }

    private static String markdown(Report report, TemplateEngine engine, Path outDir) {
        Function<String, TemplateData.FigureFile> figures = name ->
                new TemplateData.FigureFile(readFigure(outDir, name) != null, "figures/" + name + ".png");
        return finish(engine.render("report.md.ftl", TemplateData.report(report, figures)));
    }

    private static String latex(Report report, TemplateEngine engine, Path outDir) {
        Function<String, TemplateData.FigureFile> figures = name ->
                new TemplateData.FigureFile(readFigure(outDir, name) != null, "figures/" + name + ".png");
        return finish(engine.render("report.tex.ftl", TemplateData.report(report, figures)));
    }

    private static String latexTable(Table table, String number, Report.LatexOptions latex, TemplateEngine engine) {
        return finish(engine.render("table.tex.ftl", Map.of("table", TemplateData.table(table, number, latex))));
    }

    private static String html(Report report, TemplateEngine engine, Path outDir) {
        Function<String, TemplateData.FigureFile> figures = name -> {
            byte[] png = readFigure(outDir, name);
            String src = png == null ? "figures/" + name + ".png"
                    : "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
            return new TemplateData.FigureFile(png != null, src);
        };
        return finish(engine.render("report.html.ftl", TemplateData.report(report, figures, true)));
    }

    /** figures/NAME.png under outDir, or null when absent. */
    private static byte[] readFigure(Path outDir, String name) {
        if (outDir == null) {
            return null;
        }
        Path png = outDir.resolve("figures").resolve(name + ".png");
        if (!Files.isRegularFile(png)) {
            return null;
        }
        try {
            return Files.readAllBytes(png);
        } catch (IOException e) {
            throw new UserError("Cannot read figure " + png + ": " + e.getMessage() + ". Check the file is readable.",
                    e);
        }
    }

    /** "\n" line ends, no trailing blank lines, one final newline. */
    private static String finish(String text) {
        String s = text.replace("\r\n", "\n").replace('\r', '\n').stripTrailing();
        return s + "\n";
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** SOURCE_DATE_EPOCH (seconds since 1970, UTC) if set, else null: no dates in the PDF. */
    static Instant sourceDateEpoch() {
        String v = System.getenv("SOURCE_DATE_EPOCH");
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Instant.ofEpochSecond(Long.parseLong(v.strip()));
        } catch (NumberFormatException e) {
            throw new UserError("The environment variable SOURCE_DATE_EPOCH='" + v + "' is not a whole number of "
                    + "seconds since 1970-01-01 UTC; set it to such a number (e.g. the last commit's time) or unset it.");
        }
    }
}
