package org.reprise.render;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.function.Function;
import javax.imageio.ImageIO;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.reprise.UserError;
import org.reprise.report.Report;
import org.reprise.table.Table;

/**
 * report.docx and tables/ID.docx: Word documents with native Word tables ({@link DocxTable}), the same cells,
 * stars and notes as every other format, and the figures as PNG pictures. Negative numbers have a true minus sign
 * (U+2212) as in HTML and PDF. Deterministic: {@link DocxZip} fixes the zip entries' times and drops the
 * creation and modification times POI writes.
 */
public final class DocxReport {
    static {
        quietLogging();
    }

    static final String FONT = "Times New Roman";
    /** Widest figure: the text width of a page with 1-inch margins, less a little. */
    private static final double MAX_FIGURE_PT = 6.0 * 72;

    private DocxReport() {
    }

    /**
     * POI (and commons-logging, through JEXL) log through log4j-api, which without a logging backend prints an
     * error on stderr at its first use: choose log4j's simple provider (errors only, to stderr) unless the user
     * chose one. Called first thing by the command line, and before POI is used.
     */
    public static void quietLogging() {
        // "log4j.provider" is the key of log4j-api 2.24
        if (System.getProperty("log4j.provider") == null) {
            System.setProperty("log4j.provider", "org.apache.logging.log4j.simple.internal.SimpleProvider");
        }
    }

    /** The whole report; {@code figures} gives figures/NAME.png's bytes, or null when absent. */
    static byte[] report(Report report, Function<String, byte[]> figures) {
        try (XWPFDocument doc = new XWPFDocument()) {
            text(doc, report.title(), 16, true, ParagraphAlignment.CENTER);
            if (report.authors() != null && !report.authors().isEmpty()) {
                text(doc, String.join(", ", report.authors()), 12, false, ParagraphAlignment.CENTER);
            }
            if (report.abstractText() != null && !report.abstractText().isBlank()) {
                XWPFParagraph p = doc.createParagraph();
                run(p, "Abstract. ", 11, true);
                run(p, NumberCell.trueMinus(report.abstractText()), 11, false);
            }
            int tables = 0;
            int figureNo = 0;
            for (Report.Block b : report.blocks()) {
                if (b instanceof Report.Heading h) {
                    XWPFParagraph p = text(doc, h.text(), h.level() <= 1 ? 14 : 12, true, ParagraphAlignment.LEFT);
                    p.setSpacingBefore(240);
                    p.setKeepNext(true);
                } else if (b instanceof Report.Paragraph p) {
                    text(doc, NumberCell.trueMinus(p.text()), 11, false, ParagraphAlignment.BOTH);
                } else if (b instanceof Report.TableBlock t) {
                    DocxTable.add(doc, t.table(), TemplateData.number(t, ++tables));
                } else if (b instanceof Report.Figure f) {
                    figure(doc, f, ++figureNo, figures.apply(f.file()));
                }
            }
            return DocxZip.normalise(bytes(doc));
        } catch (IOException e) {
            throw new IllegalStateException("writing report.docx in memory failed", e);
        }
    }

    /** One table alone: its caption, the table and its notes. */
    static byte[] table(Table table, String number) {
        try (XWPFDocument doc = new XWPFDocument()) {
            DocxTable.add(doc, table, number);
            return DocxZip.normalise(bytes(doc));
        } catch (IOException e) {
            throw new IllegalStateException("writing a table's .docx in memory failed", e);
        }
    }

    private static byte[] bytes(XWPFDocument doc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.write(out);
        return out.toByteArray();
    }

    static XWPFParagraph text(XWPFDocument doc, String text, int size, boolean bold, ParagraphAlignment align) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(align);
        run(p, text == null ? "" : text, size, bold);
        return p;
    }

    static XWPFRun run(XWPFParagraph p, String text, double size, boolean bold) {
        XWPFRun r = p.createRun();
        r.setFontFamily(FONT);
        r.setFontSize(size);
        r.setBold(bold);
        r.setText(Escape.oneLine(text));
        return r;
    }

    private static final byte[] PNG_START = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13,
        'I', 'H', 'D', 'R'};

    /**
     * Width and height in pixels from a PNG's header (the IHDR chunk that must come first), without decoding the
     * image; null when the bytes do not start like a PNG or give a size of 0 or above 2^31 - 1 (the caller then
     * decodes the image, which reports what is wrong).
     */
    static int[] pngSize(byte[] png) {
        if (png.length < 24) {
            return null;
        }
        for (int i = 0; i < PNG_START.length; i++) {
            if (png[i] != PNG_START[i]) {
                return null;
            }
        }
        int w = java.nio.ByteBuffer.wrap(png, 16, 4).getInt();
        int h = java.nio.ByteBuffer.wrap(png, 20, 4).getInt();
        return w > 0 && h > 0 ? new int[] {w, h} : null;
    }

    private static void figure(XWPFDocument doc, Report.Figure f, int number, byte[] png) throws IOException {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        p.setKeepNext(true);
        String caption = f.caption() == null ? "" : f.caption();
        if (png == null) {
            run(p, "[figure file figures/" + f.file() + ".png not found]", 10, false);
        } else {
            int[] size = pngSize(png);
            if (size == null) {
                BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
                if (img == null) {
                    throw new UserError("Figure '" + f.id() + "': figures/" + f.file() + ".png is not a PNG image; "
                            + "delete the output folder and run again.");
                }
                size = new int[] {img.getWidth(), img.getHeight()};
            }
            double w = Math.min(MAX_FIGURE_PT, size[0] * 0.75);
            double h = w * size[1] / size[0];
            try {
                p.createRun().addPicture(new ByteArrayInputStream(png), XWPFDocument.PICTURE_TYPE_PNG,
                        f.file() + ".png", Units.toEMU(w), Units.toEMU(h));
            } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
                throw new IllegalStateException(e);
            }
        }
        XWPFParagraph cap = doc.createParagraph();
        cap.setAlignment(ParagraphAlignment.CENTER);
        run(cap, "Figure " + number + (caption.isEmpty() ? "" : ". "), 10, true);
        run(cap, caption, 10, false);
    }
}
