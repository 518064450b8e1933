package org.reprise.render;

import java.time.Instant;
import java.util.List;
import org.reprise.report.Report;
import org.reprise.table.Table;
import org.reprise.table.Table.Cell;

/** A small throw-away report rendered to PDF and Word to load those libraries early ({@link Renderers#warmUp}). */
final class SampleReport {
    private SampleReport() {
    }

    /** Renders the sample report to Word (one table alone, then the whole report) and PDF, in memory. */
    static void render() {
        Report report = sample();
        DocxReport.table(((Report.TableBlock) report.blocks().get(1)).table(), "1");
        DocxReport.report(report, name -> null);
        PdfReport.render(report, name -> null, Instant.EPOCH);
    }

    private static Report sample() {
        Table table = new Table("warm_up", "Warm-up", List.of(Table.ColumnKind.TEXT, Table.ColumnKind.NUMBER),
                List.of(new Table.HeaderRow(List.of(new Table.Span("", 1), new Table.Span("(1)", 1)), true)),
                List.of(new Table.Section(List.of(
                        new Table.Row(List.of(Cell.text("Treated"), new Cell("\u22120.0223", "***", "a"))),
                        new Table.Row(List.of(Cell.text(""), new Cell("(0.0123)", "", "b")))))),
                List.of("Standard errors in parentheses."));
        return new Report("Warm-up", List.of("A"), "Abstract.",
                List.of(new Report.Heading(1, "Results"), new Report.TableBlock(table),
                        new Report.Paragraph("Text with a number, \u22120.0223.")));
    }
}
