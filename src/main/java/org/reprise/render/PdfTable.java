package org.reprise.render;

import com.lowagie.text.Chunk;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import java.util.ArrayList;
import java.util.List;
import org.reprise.table.Table;

/**
 * One {@link Table} as a real PdfPTable laid out like booktabs: a heavy rule above the header and below the body,
 * light rules under the header and between sections, short rules under spanning header labels, no vertical lines.
 * Number cells are right-aligned with their closing parenthesis and stars hanging in a reserved margin, so the
 * last digits of "-0.0223***" and "(0.0123)" line up. The title is the first row, the notes the last
 * (small italics); the title and header rows repeat when the table breaks across pages.
 */
final class PdfTable {
    private static final float SIZE = 9.5f;
    private static final float STAR_SIZE = 7f;
    private static final float NOTE_SIZE = 8.5f;
    private static final float HEAVY = 0.9f;
    private static final float LIGHT = 0.45f;
    private static final float PAD = 5f;
    /** Room for rounding so that a cell measured to fit never wraps. */
    private static final float SLACK = 3f;
    private static final float MIN_SHARE = 0.5f;

    private PdfTable() {
    }

    static PdfPTable build(Table t, int number, PdfFonts fonts, float available) throws DocumentException {
        // the template data checks the shape (spans add up, one cell per column) with clear messages
        TemplateData.table(t, number);
        int n = t.columns().size();
        boolean[] numeric = new boolean[n];
        for (int j = 0; j < n; j++) {
            numeric[j] = t.columns().get(j) == Table.ColumnKind.NUMBER;
        }
        List<Table.Row> rows = new ArrayList<>();
        List<Integer> sectionStarts = new ArrayList<>();
        for (Table.Section s : t.sections()) {
            sectionStarts.add(rows.size());
            rows.addAll(s.rows());
        }
        float[] suffix = new float[n];
        float[] widths = new float[n];
        for (Table.Row r : rows) {
            for (int j = 0; j < n; j++) {
                Table.Cell c = r.cells().get(j);
                float sw = numeric[j] ? suffixWidth(c, fonts) : 0f;
                suffix[j] = Math.max(suffix[j], sw);
                widths[j] = Math.max(widths[j], fonts.width(text(c), SIZE, Font.NORMAL)
                        + fonts.width(stars(c), STAR_SIZE, Font.NORMAL) - sw);
            }
        }
        for (int j = 0; j < n; j++) {
            widths[j] += suffix[j] + 2 * PAD + SLACK;
        }
        for (Table.HeaderRow hr : t.headers()) {
            int col = 0;
            for (Table.Span s : hr.spans()) {
                float need = fonts.width(TemplateData.str(s.text()), SIZE, Font.NORMAL) + 2 * PAD;
                float have = 0;
                for (int k = col; k < col + s.width(); k++) {
                    have += widths[k];
                }
                for (int k = col; k < col + s.width() && need > have; k++) {
                    widths[k] += (need - have) / s.width();
                }
                col += s.width();
            }
        }
        // at least half the text width, and wide enough for the title on one line when that fits
        float title = fonts.width(captionText(t, number), 10.5f, Font.BOLD) + 2 * PAD + SLACK;
        float total = 0;
        for (float w : widths) {
            total += w;
        }
        float wanted = Math.min(available, Math.max(MIN_SHARE * available, title));
        if (total < wanted) {
            for (int j = 0; j < n; j++) {
                widths[j] += (wanted - total) / n;
            }
            total = wanted;
        }
        PdfPTable table = new PdfPTable(n);
        if (total > available) {
            table.setWidthPercentage(100f);
            table.setWidths(widths);
        } else {
            table.setTotalWidth(widths);
            table.setLockedWidth(true);
        }
        table.setHorizontalAlignment(Element.ALIGN_CENTER);
        table.setSpacingBefore(10f);
        table.setSpacingAfter(10f);
        table.setSplitLate(true);
        table.setKeepTogether(true);

        table.addCell(caption(t, number, n, fonts));
        int h = 0;
        for (Table.HeaderRow hr : t.headers()) {
            boolean first = h == 0;
            boolean last = h == t.headers().size() - 1;
            int col = 0;
            for (Table.Span s : hr.spans()) {
                int align = s.width() > 1 || numeric[col] ? Element.ALIGN_CENTER : Element.ALIGN_LEFT;
                PdfPCell cell = cell(fonts.phrase(TemplateData.str(s.text()).strip(), SIZE, Font.NORMAL), align);
                cell.setColspan(s.width());
                if (first) {
                    rule(cell, true, HEAVY);
                    cell.setPaddingTop(4f);
                }
                if (last) {
                    rule(cell, false, LIGHT);
                    cell.setPaddingBottom(4.5f);
                }
                if (hr.rule() && s.width() > 1 && !TemplateData.str(s.text()).isBlank()) {
                    cell.setCellEvent(PdfTable::shortRule);
                    cell.setPaddingBottom(cell.getPaddingBottom() + 2f);
                }
                table.addCell(cell);
                col += s.width();
            }
            h++;
        }
        table.setHeaderRows(1 + t.headers().size());
        for (int i = 0; i < rows.size(); i++) {
            boolean sectionStart = sectionStarts.contains(i) && i > 0;
            boolean first = i == 0 && t.headers().isEmpty();
            boolean last = i == rows.size() - 1;
            for (int j = 0; j < n; j++) {
                Table.Cell c = rows.get(i).cells().get(j);
                PdfPCell cell = numeric[j] ? numberCell(c, suffix[j], fonts) : cell(body(c, fonts), Element.ALIGN_LEFT);
                if (i == 0 || sectionStart) {
                    cell.setPaddingTop(4f);
                }
                if (sectionStart) {
                    rule(cell, true, LIGHT);
                }
                if (first) {
                    rule(cell, true, HEAVY);
                }
                if (last) {
                    rule(cell, false, HEAVY);
                    cell.setPaddingBottom(4f);
                }
                table.addCell(cell);
            }
        }
        if (rows.isEmpty()) {
            PdfPCell empty = cell(new Phrase(""), Element.ALIGN_LEFT);
            empty.setColspan(n);
            rule(empty, false, HEAVY);
            table.addCell(empty);
        }
        for (String note : t.notes() == null ? List.<String>of() : t.notes()) {
            PdfPCell cell = cell(fonts.phrase(TemplateData.str(note).strip(), NOTE_SIZE, Font.ITALIC), Element.ALIGN_LEFT);
            cell.setColspan(n);
            cell.setPaddingTop(3f);
            cell.setPaddingBottom(0f);
            cell.setNoWrap(false);
            table.addCell(cell);
        }
        return table;
    }

    private static String captionText(Table t, int number) {
        String title = TemplateData.str(t.title()).strip();
        return "Table " + number + (title.isEmpty() ? "" : ". " + title);
    }

    private static PdfPCell caption(Table t, int number, int n, PdfFonts fonts) {
        String title = TemplateData.str(t.title()).strip();
        Phrase p = fonts.container(10.5f);
        p.add(fonts.phrase("Table " + number + (title.isEmpty() ? "" : ". "), 10.5f, Font.BOLD));
        p.add(fonts.phrase(title, 10.5f, Font.NORMAL));
        PdfPCell cell = cell(p, Element.ALIGN_CENTER);
        cell.setColspan(n);
        cell.setPaddingBottom(6f);
        cell.setNoWrap(false);
        return cell;
    }

    private static PdfPCell cell(Phrase phrase, int align) {
        PdfPCell cell = new PdfPCell(phrase);
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setHorizontalAlignment(align);
        cell.setPaddingLeft(PAD);
        cell.setPaddingRight(PAD);
        cell.setPaddingTop(1.8f);
        cell.setPaddingBottom(2.6f);
        cell.setUseAscender(true);
        cell.setLeading(0f, 1.15f);
        return cell;
    }

    /** A text cell: the text, then its stars as a superscript. */
    private static Phrase body(Table.Cell c, PdfFonts fonts) {
        Phrase p = fonts.phrase(text(c), SIZE, Font.NORMAL);
        addStars(p, c, fonts);
        return p;
    }

    /** Right-aligned; the right padding leaves room for the widest ")***" of the column minus this cell's own. */
    private static PdfPCell numberCell(Table.Cell c, float columnSuffix, PdfFonts fonts) {
        PdfPCell cell = cell(body(c, fonts), Element.ALIGN_RIGHT);
        cell.setPaddingRight(PAD + columnSuffix - suffixWidth(c, fonts));
        return cell;
    }

    private static void addStars(Phrase p, Table.Cell c, PdfFonts fonts) {
        String stars = stars(c);
        if (!stars.isEmpty()) {
            for (Object o : fonts.phrase(stars, STAR_SIZE, Font.NORMAL)) {
                Chunk chunk = (Chunk) o;
                chunk.setTextRise(3.2f);
                p.add(chunk);
            }
        }
    }

    /** Width of what hangs right of the last digit: a closing parenthesis or bracket and the stars. */
    private static float suffixWidth(Table.Cell c, PdfFonts fonts) {
        NumberText x = NumberText.parse(text(c));
        return fonts.width(x.post(), SIZE, Font.NORMAL) + fonts.width(stars(c), STAR_SIZE, Font.NORMAL);
    }

    private static void rule(PdfPCell cell, boolean top, float width) {
        if (top) {
            cell.setBorderWidthTop(width);
        } else {
            cell.setBorderWidthBottom(width);
        }
    }

    /** booktabs' \cmidrule(lr): a light rule under a spanning label, trimmed at both ends. */
    private static void shortRule(PdfPCell cell, Rectangle pos, PdfContentByte[] canvases) {
        PdfContentByte cb = canvases[PdfPTable.LINECANVAS];
        cb.saveState();
        cb.setLineWidth(LIGHT);
        float y = pos.getBottom() + 1.5f;
        cb.moveTo(pos.getLeft() + 4f, y);
        cb.lineTo(pos.getRight() - 4f, y);
        cb.stroke();
        cb.restoreState();
    }

    private static String text(Table.Cell c) {
        return c == null ? "" : TemplateData.str(c.text()).strip();
    }

    private static String stars(Table.Cell c) {
        return c == null ? "" : TemplateData.str(c.stars());
    }
}
