package org.reprise.verify;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.reprise.UserError;

/**
 * Reads a PDF manuscript's tables: Apache PDFBox gives each word with its position; words at one height (within
 * half a font size, so that superscript stars stay on their line) form a line; {@link LayoutPaperReader} rebuilds
 * the tables from the lines.
 */
final class PdfPaperReader {
    /** PDFBox reports fonts without a Unicode map on java.util.logging; the reader's own output says what matters. */
    private static final java.util.logging.Logger PDFBOX = java.util.logging.Logger.getLogger("org.apache.pdfbox");

    static {
        PDFBOX.setLevel(java.util.logging.Level.SEVERE);
    }

    private PdfPaperReader() {
    }

    private record Placed(int page, double y, double size, LayoutPaperReader.Word word) {
    }

    static Paper read(Path file) {
        return LayoutPaperReader.read(file.toString(), lines(file), false);
    }

    /** The PDF's lines of words, page by page, top to bottom. */
    static List<LayoutPaperReader.Line> lines(Path file) {
        List<Placed> words = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            PDFTextStripper s = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> pos) {
                    if (pos.isEmpty() || text.isBlank()) {
                        return;
                    }
                    // words as PDFBox separates them; split further at wide gaps inside a chunk
                    int start = 0;
                    for (int i = 1; i <= pos.size(); i++) {
                        boolean cut = i == pos.size() || pos.get(i).getUnicode().isBlank()
                                || pos.get(i).getXDirAdj() - (pos.get(i - 1).getXDirAdj()
                                        + pos.get(i - 1).getWidthDirAdj()) > 0.25 * pos.get(i - 1).getFontSizeInPt();
                        if (cut) {
                            StringBuilder t = new StringBuilder();
                            for (int k = start; k < i; k++) {
                                t.append(pos.get(k).getUnicode());
                            }
                            String w = t.toString().strip();
                            if (!w.isEmpty()) {
                                TextPosition p0 = pos.get(start);
                                TextPosition p1 = pos.get(i - 1);
                                words.add(new Placed(getCurrentPageNo(), p0.getYDirAdj(), p0.getFontSizeInPt(),
                                        new LayoutPaperReader.Word(w, p0.getXDirAdj(),
                                                p1.getXDirAdj() + p1.getWidthDirAdj())));
                            }
                            start = i < pos.size() && pos.get(i).getUnicode().isBlank() ? i + 1 : i;
                        }
                    }
                }
            };
            s.setSortByPosition(true);
            s.writeText(doc, new StringWriter());
        } catch (IOException e) {
            throw new UserError(file + ": could not read the PDF (" + e.getMessage() + "). Check that it is a PDF"
                    + " that is not encrypted, or pass the .tex source or a pdftotext .txt instead.");
        }
        return lines(words);
    }

    private static List<LayoutPaperReader.Line> lines(List<Placed> words) {
        List<Placed> sorted = new ArrayList<>(words);
        sorted.sort(Comparator.comparingInt(Placed::page).thenComparingDouble(Placed::y));
        List<LayoutPaperReader.Line> out = new ArrayList<>();
        List<Placed> current = new ArrayList<>();
        for (Placed p : sorted) {
            if (!current.isEmpty()) {
                Placed first = current.get(0);
                double tol = 0.5 * Math.max(first.size(), p.size());
                if (p.page() != first.page() || Math.abs(p.y() - baseline(current)) > tol) {
                    out.add(line(current));
                    current = new ArrayList<>();
                }
            }
            current.add(p);
        }
        if (!current.isEmpty()) {
            out.add(line(current));
        }
        return out;
    }

    /** The line's height: its largest words' baseline (superscripts are smaller and raised). */
    private static double baseline(List<Placed> line) {
        Placed best = line.get(0);
        for (Placed p : line) {
            if (p.size() > best.size()) {
                best = p;
            }
        }
        return best.y();
    }

    private static LayoutPaperReader.Line line(List<Placed> ps) {
        List<Placed> byX = new ArrayList<>(ps);
        byX.sort(Comparator.comparingDouble(p -> p.word().x0()));
        double size = ps.stream().mapToDouble(Placed::size).max().orElse(0);
        return new LayoutPaperReader.Line(ps.get(0).page(), baseline(ps), size,
                byX.stream().map(Placed::word).toList());
    }
}
