package org.reprise.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprise.report.Report;

/**
 * report.docx and tables/ID.docx hold native Word tables with exactly the cells of the Markdown tables (read back
 * with POI; a merged header cell counts as its label followed by empty cells, as Markdown writes a group header
 * once; a true minus sign reads as '-'), the figures as pictures, and are byte-identical from run to run.
 */
class DocxTest {
    @TempDir
    Path tmp;

    @Test
    void everyWordTableCellIsTheMarkdownCell() throws Exception {
        Path out = TestFiles.outDirWithFigure(tmp.resolve("out"));
        Renderers.renderAll(Fixtures.report(), out, TemplateSource.builtIn());
        sameCellsAsMarkdown(out, Fixtures.report());
        try (XWPFDocument doc = open(out.resolve("report.docx"))) {
            assertEquals(1, doc.getAllPictures().size(), "the figure is in the document");
            String text = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(doc).getText();
            assertTrue(text.contains("Table 1. Effect of training on log wages"), text);
            assertTrue(text.contains("Standard errors in parentheses."), "notes under the table");
            assertTrue(text.contains("Figure 1. Distribution of log hourly wages"), text);
        }
    }

    @Test
    void theDefaultAnalysisInWordHasTheMarkdownCells() throws Exception {
        Path out = tmp.resolve("default");
        org.reprise.run.Pipeline.run(Path.of("analysis.yaml"), out, org.reprise.run.Progress.silent(), false);
        List<List<List<String>>> md = markdownTables(Files.readString(out.resolve("report.md"), StandardCharsets.UTF_8));
        try (XWPFDocument doc = open(out.resolve("report.docx"))) {
            assertEquals(md, wordTables(doc));
            try (var figures = Files.list(out.resolve("figures"))) {
                assertEquals(figures.filter(f -> f.toString().endsWith(".png")).count(), doc.getAllPictures().size());
            }
        }
    }

    @Test
    void wordFilesAreByteIdenticalFromRunToRun() throws Exception {
        Path a = TestFiles.outDirWithFigure(tmp.resolve("a"));
        Path b = TestFiles.outDirWithFigure(tmp.resolve("b"));
        Renderers.renderAll(Fixtures.report(), a, TemplateSource.builtIn());
        Renderers.renderAll(Fixtures.report(), b, TemplateSource.builtIn());
        for (String f : List.of("report.docx", "tables/wages.docx", "tables/desc.docx")) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
        }
        // nothing taken from the clock: every entry dated 1980-01-01, no creation or modification date
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(Files.readAllBytes(a.resolve("report.docx"))))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                assertEquals(java.time.LocalDateTime.of(1980, 1, 1, 0, 0), e.getTimeLocal(), e.getName());
                if (e.getName().equals("docProps/core.xml")) {
                    String core = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                    assertFalse(core.contains("dcterms:created") || core.contains("dcterms:modified"), core);
                }
            }
        }
    }

    /** report.docx and each tables/ID.docx against report.md. */
    static void sameCellsAsMarkdown(Path out, Report report) throws Exception {
        List<List<List<String>>> md = markdownTables(Files.readString(out.resolve("report.md"), StandardCharsets.UTF_8));
        assertFalse(md.isEmpty());
        try (XWPFDocument doc = open(out.resolve("report.docx"))) {
            assertEquals(md, wordTables(doc));
        }
        int k = 0;
        for (Report.Block b : report.blocks()) {
            if (b instanceof Report.TableBlock t) {
                try (XWPFDocument doc = open(out.resolve("tables/" + t.table().id() + ".docx"))) {
                    assertEquals(List.of(md.get(k++)), wordTables(doc), t.table().id());
                }
            }
        }
    }

    static XWPFDocument open(Path docx) throws Exception {
        return new XWPFDocument(new ByteArrayInputStream(Files.readAllBytes(docx)));
    }

    /** Every table's rows of cell texts; a merged cell is its text then empty cells; U+2212 read as '-'. */
    static List<List<List<String>>> wordTables(XWPFDocument doc) {
        List<List<List<String>>> tables = new ArrayList<>();
        for (XWPFTable t : doc.getTables()) {
            List<List<String>> rows = new ArrayList<>();
            for (XWPFTableRow r : t.getRows()) {
                List<String> cells = new ArrayList<>();
                for (XWPFTableCell c : r.getTableCells()) {
                    cells.add(c.getText().replace('\u2212', '-').strip());
                    var pr = c.getCTTc().getTcPr();
                    int span = pr != null && pr.getGridSpan() != null ? pr.getGridSpan().getVal().intValue() : 1;
                    for (int i = 1; i < span; i++) {
                        cells.add("");
                    }
                }
                rows.add(cells);
            }
            tables.add(rows);
        }
        return tables;
    }

    /** The pipe tables of a Markdown file, unescaped, without the alignment row; U+2212 read as '-'. */
    static List<List<List<String>>> markdownTables(String md) {
        List<List<List<String>>> tables = new ArrayList<>();
        List<List<String>> current = null;
        for (String line : md.lines().toList()) {
            if (!line.startsWith("|")) {
                current = null;
                continue;
            }
            if (current == null) {
                current = new ArrayList<>();
                tables.add(current);
            }
            List<String> cells = pipeCells(line);
            if (cells.stream().allMatch(c -> c.matches(":?-+:?"))) {
                continue;
            }
            if (current.isEmpty() && cells.stream().allMatch(String::isEmpty)) {
                continue; // the blank pipe-table header of a table without header rows
            }
            current.add(cells);
        }
        return tables;
    }

    private static List<String> pipeCells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        for (int i = 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                cell.append(line.charAt(++i));
            } else if (c == '|') {
                cells.add(cell.toString().strip().replace('\u2212', '-'));
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        return cells;
    }
}
