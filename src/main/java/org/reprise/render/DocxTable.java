package org.reprise.render;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcBorders;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;
import org.reprise.table.Table;

/**
 * One {@link Table} as a native Word table laid out like booktabs: a heavy rule above the header and below the
 * body, light rules under the header, under spanning labels that ask for one, and between sections; no vertical
 * lines. A spanning header is one merged cell (gridSpan). Text columns are left-aligned, number columns
 * right-aligned, stars are superscript. The caption ("Table N. title") is a paragraph above, the notes are
 * paragraphs below.
 */
final class DocxTable {
    private static final double SIZE = 10;
    private static final double NOTE_SIZE = 9;
    /** Border widths in eighths of a point. */
    private static final int HEAVY = 12;
    private static final int LIGHT = 4;
    /** Cell margin left and right, pt (100 twips). */
    private static final double MARGIN_PT = 5;
    /** Text width of a page with 1-inch margins (6.25 in, as A4), in twentieths of a point. */
    private static final int TEXT_TWIPS = 9000;

    private DocxTable() {
    }

    static void add(XWPFDocument doc, Table t, String number) {
        // the template data checks the shape (spans add up, one cell per column) with clear messages
        TemplateData.table(t, number);
        int n = t.columns().size();
        XWPFParagraph cap = doc.createParagraph();
        cap.setAlignment(ParagraphAlignment.CENTER);
        cap.setKeepNext(true);
        DocxReport.run(cap, "Table " + number + (t.title() == null || t.title().isEmpty() ? "" : ". "), 11, true);
        DocxReport.run(cap, t.title() == null ? "" : t.title(), 11, false);

        List<Table.Row> body = new ArrayList<>();
        List<Integer> sectionStarts = new ArrayList<>();
        for (Table.Section s : t.sections()) {
            sectionStarts.add(body.size());
            body.addAll(s.rows());
        }
        int headRows = t.headers().size();
        XWPFTable table = doc.createTable(headRows + body.size(), n);
        table.setTableAlignment(TableRowAlign.CENTER);
        table.setTopBorder(XWPFTable.XWPFBorderType.SINGLE, HEAVY, 0, "000000");
        table.setBottomBorder(XWPFTable.XWPFBorderType.SINGLE, HEAVY, 0, "000000");
        table.setLeftBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, "auto");
        table.setRightBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, "auto");
        table.setInsideHBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, "auto");
        table.setInsideVBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, "auto");
        table.setCellMargins(20, 100, 20, 100);
        // the grid Word requires (POI leaves it out), with widths from the cells' text
        int[] widths = widths(t, body);
        var grid = table.getCTTbl().getTblGrid() != null ? table.getCTTbl().getTblGrid()
                : table.getCTTbl().addNewTblGrid();
        for (int j = 0; j < n; j++) {
            grid.addNewGridCol().setW(BigInteger.valueOf(widths[j]));
        }

        for (int h = 0; h < headRows; h++) {
            Table.HeaderRow hr = t.headers().get(h);
            XWPFTableRow row = table.getRow(h);
            row.setRepeatHeader(true);
            row.setCantSplitRow(true);
            int k = 0;
            int col = 0;
            for (Table.Span span : hr.spans()) {
                XWPFTableCell cell = row.getCell(k);
                String text = span.text() == null ? "" : span.text().strip();
                boolean centred = t.columns().get(col) == Table.ColumnKind.NUMBER || span.width() > 1;
                write(cell, text, "", centred ? ParagraphAlignment.CENTER : ParagraphAlignment.LEFT, SIZE);
                width(cell, sum(widths, col, col + span.width()));
                if (span.width() > 1) {
                    tcPr(cell).addNewGridSpan().setVal(BigInteger.valueOf(span.width()));
                    for (int r = 1; r < span.width(); r++) {
                        row.removeCell(k + 1);
                    }
                    if (hr.rule() && !text.isEmpty()) {
                        border(cell, false, LIGHT);
                    }
                }
                if (h == headRows - 1) {
                    border(cell, false, LIGHT);
                }
                k++;
                col += span.width();
            }
        }
        for (int i = 0; i < body.size(); i++) {
            XWPFTableRow row = table.getRow(headRows + i);
            row.setCantSplitRow(true);
            List<Table.Cell> cells = body.get(i).cells();
            for (int j = 0; j < n; j++) {
                Table.Cell c = cells.get(j);
                boolean numeric = t.columns().get(j) == Table.ColumnKind.NUMBER;
                XWPFTableCell cell = row.getCell(j);
                width(cell, widths[j]);
                write(cell, c == null ? "" : NumberCell.trueMinus(TemplateData.str(c.text()).strip()),
                        c == null ? "" : TemplateData.str(c.stars()),
                        numeric ? ParagraphAlignment.RIGHT : ParagraphAlignment.LEFT, SIZE);
                if (i > 0 && sectionStarts.contains(i)) {
                    border(cell, true, LIGHT);
                }
            }
        }
        for (String note : t.notes() == null ? List.<String>of() : t.notes()) {
            XWPFParagraph p = doc.createParagraph();
            p.setSpacingAfter(0);
            DocxReport.run(p, NumberCell.trueMinus(note.strip()), NOTE_SIZE, false);
        }
        doc.createParagraph();
    }

    private static void write(XWPFTableCell cell, String text, String stars, ParagraphAlignment align, double size) {
        XWPFParagraph p = cell.getParagraphs().get(0);
        p.setAlignment(align);
        p.setSpacingAfter(0);
        p.setSpacingBefore(0);
        DocxReport.run(p, text, size, false);
        if (!stars.isEmpty()) {
            XWPFRun r = DocxReport.run(p, stars, size, false);
            r.setVerticalAlignment("superscript");
        }
    }

    /**
     * Column widths in twips: each column's widest cell (of a single-column header, its longest word: headers wrap;
     * a spanning header's excess goes to its last column) plus the cell margins; a table wider than the text first wraps its text
     * columns down to their longest word, then every column shrinks in proportion.
     */
    private static int[] widths(Table t, List<Table.Row> body) {
        int n = t.columns().size();
        double[] w = new double[n];
        double[] min = new double[n];
        for (Table.Row r : body) {
            for (int j = 0; j < n; j++) {
                Table.Cell c = r.cells().get(j);
                String text = c == null ? "" : NumberCell.trueMinus(TemplateData.str(c.text()).strip());
                w[j] = Math.max(w[j], TexWidths.text(text) + (c == null ? 0 : TexWidths.stars(TemplateData.str(c.stars()))));
                for (String word : text.split(" +")) {
                    min[j] = Math.max(min[j], TexWidths.text(word));
                }
            }
        }
        for (Table.HeaderRow hr : t.headers()) {
            int col = 0;
            for (Table.Span s : hr.spans()) {
                String label = TemplateData.str(s.text()).strip();
                double need = TexWidths.text(label);
                if (s.width() == 1) {
                    // a column's own header wraps at spaces: only its longest word widens the column
                    for (String word : label.split(" +")) {
                        w[col] = Math.max(w[col], TexWidths.text(word));
                        min[col] = Math.max(min[col], TexWidths.text(word));
                    }
                } else {
                    double room = 0;
                    for (int j = col; j < col + s.width(); j++) {
                        room += w[j] + 2 * MARGIN_PT;
                    }
                    w[col + s.width() - 1] += Math.max(0, need - room);
                }
                col += s.width();
            }
        }
        double total = 0;
        double wrappable = 0;
        for (int j = 0; j < n; j++) {
            w[j] += 2 * MARGIN_PT + 2;
            total += w[j];
            if (t.columns().get(j) == Table.ColumnKind.TEXT) {
                wrappable += Math.max(0, w[j] - (min[j] + 2 * MARGIN_PT + 2));
            }
        }
        double avail = TEXT_TWIPS / 20.0;
        if (total > avail && wrappable > 0) {
            double cut = Math.min(1, (total - avail) / wrappable);
            for (int j = 0; j < n; j++) {
                if (t.columns().get(j) == Table.ColumnKind.TEXT) {
                    double slack = Math.max(0, w[j] - (min[j] + 2 * MARGIN_PT + 2));
                    w[j] -= slack * cut;
                    total -= slack * cut;
                }
            }
        }
        // room to spare goes to every column alike (up to a fifth more), for fonts wider than Times
        double scale = total > avail ? avail / total : Math.min(1.2, avail / total);
        int[] twips = new int[n];
        for (int j = 0; j < n; j++) {
            twips[j] = (int) Math.round(w[j] * scale * 20);
        }
        return twips;
    }

    private static int sum(int[] w, int from, int to) {
        int s = 0;
        for (int j = from; j < to; j++) {
            s += w[j];
        }
        return s;
    }

    private static void width(XWPFTableCell cell, int twips) {
        var w = tcPr(cell).isSetTcW() ? tcPr(cell).getTcW() : tcPr(cell).addNewTcW();
        w.setType(org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth.DXA);
        w.setW(BigInteger.valueOf(twips));
    }

    private static CTTcPr tcPr(XWPFTableCell cell) {
        CTTcPr pr = cell.getCTTc().getTcPr();
        return pr == null ? cell.getCTTc().addNewTcPr() : pr;
    }

    /** A single line above ({@code top}) or below the cell, {@code size} eighths of a point. */
    private static void border(XWPFTableCell cell, boolean top, int size) {
        CTTcPr pr = tcPr(cell);
        CTTcBorders borders = pr.isSetTcBorders() ? pr.getTcBorders() : pr.addNewTcBorders();
        CTBorder b = top ? (borders.isSetTop() ? borders.getTop() : borders.addNewTop())
                : (borders.isSetBottom() ? borders.getBottom() : borders.addNewBottom());
        b.setVal(STBorder.SINGLE);
        b.setSz(BigInteger.valueOf(size));
        b.setSpace(BigInteger.ZERO);
        b.setColor("000000");
    }
}
