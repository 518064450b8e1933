package org.reprise.render;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reprise.report.Report;
import org.reprise.table.Table;

/** A table wider than the page is scaled to the text width in the PDF instead of running off the page. */
class WideTableTest {
    @Test
    void tenModelsFitThePage() throws Exception {
        int models = 10;
        List<Table.ColumnKind> kinds = new ArrayList<>(List.of(Table.ColumnKind.TEXT));
        List<Table.Span> head = new ArrayList<>(List.of(new Table.Span("", 1)));
        List<Table.Cell> est = new ArrayList<>(List.of(Table.Cell.text("A rather long variable label")));
        List<Table.Cell> se = new ArrayList<>(List.of(Table.Cell.text("")));
        for (int m = 1; m <= models; m++) {
            kinds.add(Table.ColumnKind.NUMBER);
            head.add(new Table.Span("(" + m + ")", 1));
            est.add(new Table.Cell("-1234.5678", "***", "e" + m));
            se.add(new Table.Cell("(100.0001)", "", "s" + m));
        }
        Table t = new Table("wide", "Ten models", kinds, List.of(new Table.HeaderRow(head, false)),
                List.of(new Table.Section(List.of(new Table.Row(est), new Table.Row(se)))), List.of("Note."));
        Report r = new Report("Wide", List.of(), "", List.of(new Report.TableBlock(t)));
        PdfReader reader = new PdfReader(Renderers.pdf(r, null, null));
        String text = new PdfTextExtractor(reader).getTextFromPage(1);
        reader.close();
        assertTrue(text.contains("(10)"), text);
        assertTrue(text.split("\u22121234\\.5678", -1).length - 1 == models, text);
    }
}
