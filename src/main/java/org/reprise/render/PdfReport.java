package org.reprise.render;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Rectangle;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfEncryption;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import java.util.function.Function;
import org.reprise.UserError;
import org.reprise.report.Report;

/**
 * The report as a PDF with OpenPDF: title block, headings, paragraphs, real tables ({@link PdfTable}) and figures.
 * Deterministic: no creation or modification date unless one is given (SOURCE_DATE_EPOCH), and a document /ID
 * derived from the report's content instead of the clock.
 */
final class PdfReport {
    static final float BODY = 11f;

    private PdfReport() {
    }

    /**
     * @param figures for a figure's base name, the PNG bytes or null when the file is absent
     * @param date    the creation and modification date to record, or null for none
     */
    static byte[] render(Report report, Function<String, byte[]> figures, Instant date) {
        PdfFonts fonts = new PdfFonts();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.LETTER, 72, 72, 72, 72);
        try {
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            writer.setPageEvent(new PageNumbers(fonts));
            writer.setStrictImageSequence(true);
            doc.addTitle(TemplateData.str(report.title()));
            doc.addAuthor(String.join(", ", authors(report)));
            doc.addCreator("Reprise");
            doc.open();
            fixInfo(writer.getInfo(), report, date);
            titleBlock(doc, report, fonts);
            int tables = 0;
            int figureNo = 0;
            for (Report.Block b : report.blocks() == null ? List.<Report.Block>of() : report.blocks()) {
                if (b instanceof Report.Heading h) {
                    heading(doc, h, fonts);
                } else if (b instanceof Report.Paragraph p) {
                    Paragraph para = para(15f, fonts.phrase(NumberCell.trueMinus(p.text()), BODY, Font.NORMAL));
                    para.setAlignment(Element.ALIGN_JUSTIFIED);
                    para.setSpacingAfter(7f);
                    doc.add(para);
                } else if (b instanceof Report.TableBlock t) {
                    doc.add(PdfTable.build(t.table(), TemplateData.number(t, ++tables), fonts,
                            doc.right() - doc.left()));
                } else if (b instanceof Report.Figure f) {
                    figure(doc, f, ++figureNo, figures.apply(TemplateData.str(f.file())), fonts);
                }
            }
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("OpenPDF could not lay out the report: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private static Paragraph para(float leading, Phrase phrase) {
        Paragraph p = new Paragraph(phrase);
        p.setLeading(leading);
        return p;
    }

    private static List<String> authors(Report report) {
        return report.authors() == null ? List.of() : report.authors().stream().map(TemplateData::str).toList();
    }

    /** No clock in the file: dates only from {@code date}; the /ID from a hash of the report. */
    private static void fixInfo(PdfDictionary info, Report report, Instant date) {
        info.remove(PdfName.CREATIONDATE);
        info.remove(PdfName.MODDATE);
        if (date != null) {
            Calendar cal = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            cal.setTimeInMillis(date.toEpochMilli());
            info.put(PdfName.CREATIONDATE, new PdfDate(cal));
            info.put(PdfName.MODDATE, new PdfDate(cal));
        }
        byte[] id = Arrays.copyOf(sha256(report.toString() + "|" + date), 16);
        // PdfWriter.close() takes the trailer /ID from the info dictionary's /ID entry when there is one
        info.put(PdfName.FILEID, PdfEncryption.createInfoId(id, id));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void titleBlock(Document doc, Report report, PdfFonts fonts) throws DocumentException {
        Paragraph title = para(22f, fonts.phrase(report.title(), 18f, Font.BOLD));
        title.setAlignment(Element.ALIGN_CENTER);
        title.setSpacingAfter(8f);
        doc.add(title);
        List<String> authors = authors(report);
        if (!authors.isEmpty()) {
            Paragraph a = para(16f, fonts.phrase(String.join(", ", authors), 12f, Font.NORMAL));
            a.setAlignment(Element.ALIGN_CENTER);
            a.setSpacingAfter(10f);
            doc.add(a);
        }
        String abs = TemplateData.str(report.abstractText()).strip();
        if (!abs.isEmpty()) {
            Paragraph head = para(14f, fonts.phrase("Abstract", 10f, Font.BOLD));
            head.setAlignment(Element.ALIGN_CENTER);
            head.setSpacingBefore(4f);
            doc.add(head);
            Paragraph body = para(13f, fonts.phrase(abs, 10f, Font.NORMAL));
            body.setAlignment(Element.ALIGN_JUSTIFIED);
            body.setIndentationLeft(36f);
            body.setIndentationRight(36f);
            body.setSpacingAfter(12f);
            doc.add(body);
        }
    }

    private static void heading(Document doc, Report.Heading h, PdfFonts fonts) throws DocumentException {
        float size = h.level() <= 1 ? 14f : h.level() == 2 ? 12f : 11f;
        Paragraph p = para(size + 4f, fonts.phrase(h.text(), size, h.level() <= 2 ? Font.BOLD : Font.BOLDITALIC));
        p.setSpacingBefore(h.level() <= 1 ? 14f : 10f);
        p.setSpacingAfter(5f);
        p.setKeepTogether(true);
        doc.add(p);
    }

    /** The image and its caption in one borderless cell block, kept together on one page. */
    private static void figure(Document doc, Report.Figure f, int number, byte[] png, PdfFonts fonts)
            throws DocumentException {
        String caption = TemplateData.str(f.caption()).strip();
        Phrase cap = fonts.container(10f);
        cap.add(fonts.phrase("Figure " + number + (caption.isEmpty() ? "" : ". "), 10f, Font.BOLD));
        cap.add(fonts.phrase(caption, 10f, Font.NORMAL));
        float width = doc.right() - doc.left();
        PdfPTable block = new PdfPTable(1);
        block.setTotalWidth(width);
        block.setLockedWidth(true);
        block.setKeepTogether(true);
        block.setSpacingBefore(8f);
        block.setSpacingAfter(10f);
        PdfPCell picture;
        if (png != null) {
            Image img;
            try {
                img = image(png);
            } catch (IOException | RuntimeException e) {
                throw new UserError("Figure '" + f.id() + "': figures/" + f.file() + ".png is not a readable PNG image ("
                        + e.getMessage() + "); re-create the figure file.", e);
            }
            img.scaleToFit(width * 0.75f, (doc.top() - doc.bottom()) * 0.45f);
            picture = new PdfPCell(img, false);
        } else {
            picture = new PdfPCell(fonts.phrase("[figure file figures/" + f.file() + ".png not found]", 10f,
                    Font.ITALIC));
        }
        picture.setBorder(Rectangle.NO_BORDER);
        picture.setHorizontalAlignment(Element.ALIGN_CENTER);
        block.addCell(picture);
        PdfPCell text = new PdfPCell(cap);
        text.setBorder(Rectangle.NO_BORDER);
        text.setHorizontalAlignment(Element.ALIGN_CENTER);
        text.setPaddingTop(4f);
        block.addCell(text);
        doc.add(block);
    }

    /**
     * The PNG as a PDF image. An opaque image is decoded once and handed over as raw RGB samples: the same samples,
     * in the same order, as OpenPDF's own PNG path extracts through AWT's pixel grabber (which took a quarter of the
     * PDF's time), so the file is unchanged. Anything else (alpha, palettes) goes through OpenPDF's loader.
     */
    private static Image image(byte[] png) throws IOException {
        java.awt.image.BufferedImage bi = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
        if (bi == null || bi.getColorModel().hasAlpha()) {
            return Image.getInstance(png);
        }
        int w = bi.getWidth();
        int h = bi.getHeight();
        byte[] rgb;
        if (bi.getType() == java.awt.image.BufferedImage.TYPE_3BYTE_BGR) {
            // 8-bit sRGB samples stored B, G, R: the raster's data elements are those samples in band order R, G, B,
            // the same bytes getRGB would give, without a colour-model call per pixel
            rgb = (byte[]) bi.getRaster().getDataElements(0, 0, w, h, null);
        } else {
            int[] argb = bi.getRGB(0, 0, w, h, null, 0, w);
            rgb = new byte[3 * w * h];
            for (int i = 0, k = 0; i < argb.length; i++) {
                int px = argb[i];
                rgb[k++] = (byte) (px >> 16);
                rgb[k++] = (byte) (px >> 8);
                rgb[k++] = (byte) px;
            }
        }
        try {
            return Image.getInstance(w, h, 3, 8, rgb);
        } catch (com.lowagie.text.BadElementException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** A centred page number at the foot of every page. */
    private static final class PageNumbers extends PdfPageEventHelper {
        private final PdfFonts fonts;

        PageNumbers(PdfFonts fonts) {
            this.fonts = fonts;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            PdfContentByte cb = writer.getDirectContent();
            String n = String.valueOf(writer.getPageNumber());
            cb.beginText();
            cb.setFontAndSize(fonts.roman, 9.5f);
            float x = (document.left() + document.right()) / 2 - fonts.roman.getWidthPoint(n, 9.5f) / 2;
            cb.setTextMatrix(x, document.bottom() - 30f);
            cb.showText(n);
            cb.endText();
        }
    }
}
