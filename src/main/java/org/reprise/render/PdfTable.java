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
    /** A table wider than the text is set in a smaller size, down to this share of the normal one. */
    private static final float MIN_SCALE = 0.65f;
    private static final float NOTE_SIZE = 8.5f;
    private static final float HEAVY = 0.9f;
    private static final float LIGHT = 0.45f;
    private static final float PAD = 5f;
    /** Room for rounding so that a cell measured to fit never wraps. */
    private static final float SLACK = 3f;
    private static final float MIN_SHARE = 0.5f;
    /** Text columns of a table wider than the page wrap down to this width before numbers get smaller. */
    private static final float MIN_TEXT = 72f;

    private final PdfFonts fonts;
    private final float size;
    private final float starSize;
    private final float pad;

    private PdfTable(PdfFonts fonts, float scale) {
        this.fonts = fonts;
        this.size = SIZE * scale;
        this.starSize = STAR_SIZE * scale;
        this.pad = PAD * scale;
    }

    static PdfPTable build(Table t, String number, PdfFonts fonts, float available) throws DocumentException {
        // the template data checks the shape (spans add up, one cell per column) with clear messages
        TemplateData.table(t, number);
        float natural = sum(new PdfTable(fonts, 1f).widths(t));
        // shrink by the share still missing once text columns are allowed to wrap down to MIN_TEXT
        float textSlack = 0;
        float[] w = new PdfTable(fonts, 1f).widths(t);
        for (int j = 0; j < w.length; j++) {
            if (t.columns().get(j) == Table.ColumnKind.TEXT) {
                textSlack += Math.max(0f, w[j] - MIN_TEXT);
            }
        }
        float scale = natural - textSlack <= available ? 1f
                : Math.max(MIN_SCALE, available / (natural - textSlack));
        return new PdfTable(fonts, scale).layout(t, number, available);
    }

    private static float sum(float[] w) {
        float total = 0;
        for (float x : w) {
            total += x;
        }
        return total;
    }

    private static boolean[] numeric(Table t) {
        boolean[] numeric = new boolean[t.columns().size()];
        for (int j = 0; j < numeric.length; j++) {
            numeric[j] = t.columns().get(j) == Table.ColumnKind.NUMBER;
        }
        return numeric;
    }

    private static List<Table.Row> rows(Table t) {
        List<Table.Row> rows = new ArrayList<>();
        for (Table.Section s : t.sections()) {
            rows.addAll(s.rows());
        }
        return rows;
    }

    /** Per column: the room for the widest ")***" hanging right of the digits. */
    private float[] suffixes(Table t) {
        boolean[] numeric = numeric(t);
        float[] suffix = new float[numeric.length];
        for (Table.Row r : rows(t)) {
            for (int j = 0; j < numeric.length; j++) {
                suffix[j] = Math.max(suffix[j], numeric[j] ? suffixWidth(r.cells().get(j)) : 0f);
            }
        }
        return suffix;
    }

    /** Natural column widths: widest cell, header labels spread over their columns, padding. */
    private float[] widths(Table t) {
        boolean[] numeric = numeric(t);
        int n = numeric.length;
        float[] suffix = suffixes(t);
        float[] widths = new float[n];
        for (Table.Row r : rows(t)) {
            for (int j = 0; j < n; j++) {
                Table.Cell c = r.cells().get(j);
                float sw = numeric[j] ? suffixWidth(c) : 0f;
                widths[j] = Math.max(widths[j], fonts.width(text(c), size, Font.NORMAL)
                        + fonts.width(stars(c), starSize, Font.NORMAL) - sw);
            }
        }
        for (int j = 0; j < n; j++) {
            widths[j] += suffix[j] + 2 * pad + SLACK;
        }
        for (Table.HeaderRow hr : t.headers()) {
            int col = 0;
            for (Table.Span s : hr.spans()) {
                float need = fonts.width(TemplateData.str(s.text()), size, Font.NORMAL) + 2 * pad + SLACK;
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
        return widths;
    }

    private PdfPTable layout(Table t, String number, float available) throws DocumentException {
        boolean[] numeric = numeric(t);
        int n = numeric.length;
        List<Table.Row> rows = rows(t);
        List<Integer> sectionStarts = new ArrayList<>();
        int at = 0;
        for (Table.Section sec : t.sections()) {
            sectionStarts.add(at);
            at += sec.rows().size();
        }
        float[] suffix = suffixes(t);
        float[] widths = widths(t);
        // at least half the text width, and wide enough for the title on one line when that fits
        float title = fonts.width(captionText(t, number), 10.5f, Font.BOLD) + 2 * pad + SLACK;
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
        // too wide: let the text columns wrap (down to MIN_TEXT) before anything else
        for (int j = 0; j < n && total > available; j++) {
            if (!numeric[j] && widths[j] > MIN_TEXT) {
                float cut = Math.min(widths[j] - MIN_TEXT, total - available);
                widths[j] -= cut;
                total -= cut;
            }
        }
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
                PdfPCell cell = cell(fonts.phrase(TemplateData.str(s.text()).strip(), size, Font.NORMAL), align);
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
            PdfPCell cell = cell(fonts.phrase(TemplateData.str(note).strip(), NOTE_SIZE * size / SIZE, Font.ITALIC), Element.ALIGN_LEFT);
            cell.setColspan(n);
            cell.setPaddingTop(3f);
            cell.setPaddingBottom(0f);
            cell.setNoWrap(false);
            table.addCell(cell);
        }
        return table;
    }

    private static String captionText(Table t, String number) {
        String title = TemplateData.str(t.title()).strip();
        return "Table " + number + (title.isEmpty() ? "" : ". " + title);
    }

    private PdfPCell caption(Table t, String number, int n, PdfFonts fonts) {
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

    private PdfPCell cell(Phrase phrase, int align) {
        PdfPCell cell = new PdfPCell(phrase);
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setHorizontalAlignment(align);
        cell.setPaddingLeft(pad);
        cell.setPaddingRight(pad);
        cell.setPaddingTop(1.8f);
        cell.setPaddingBottom(2.6f);
        cell.setUseAscender(true);
        cell.setLeading(0f, 1.15f);
        return cell;
    }

    /** A text cell: the text, then its stars as a superscript. */
    private Phrase body(Table.Cell c, PdfFonts fonts) {
        Phrase p = fonts.phrase(text(c), size, Font.NORMAL);
        addStars(p, c, fonts);
        return p;
    }

    /** Right-aligned; the right padding leaves room for the widest ")***" of the column minus this cell's own. */
    private PdfPCell numberCell(Table.Cell c, float columnSuffix, PdfFonts fonts) {
        PdfPCell cell = cell(body(c, fonts), Element.ALIGN_RIGHT);
        cell.setNoWrap(true);
        cell.setPaddingRight(pad + columnSuffix - suffixWidth(c));
        return cell;
    }

    private void addStars(Phrase p, Table.Cell c, PdfFonts fonts) {
        String stars = stars(c);
        if (!stars.isEmpty()) {
            for (Object o : fonts.phrase(stars, starSize, Font.NORMAL)) {
                Chunk chunk = (Chunk) o;
                chunk.setTextRise(3.2f);
                p.add(chunk);
            }
        }
    }

    /** Width of what hangs right of the last digit: a closing parenthesis or bracket and the stars. */
    private float suffixWidth(Table.Cell c) {
        NumberText x = NumberText.parse(text(c));
        return fonts.width(x.post(), size, Font.NORMAL) + fonts.width(stars(c), starSize, Font.NORMAL);
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
