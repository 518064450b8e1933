package org.reprise.render;

import com.lowagie.text.Chunk;
import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.FontSelector;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;

/**
 * The PDF's fonts: the standard Times faces (WinAnsi: covers ×, ², ±, accented Latin) with OpenPDF's bundled
 * Liberation Sans embedded as a fallback for what WinAnsi lacks (−, ≤, Greek). The embedded subset's name prefix
 * is normally random; here it is fixed so the file is byte-for-byte reproducible.
 */
final class PdfFonts {
    private static final String FALLBACK = "font-fallback/LiberationSans-Regular.ttf";
    private static final byte[] FALLBACK_BYTES = load();
    /**
     * WinAnsi (cp1252) plus Times' own "minus" glyph (U+2212) on an unused code, as an OpenPDF "# full" encoding:
     * a negative number is then one run of Times text, so a line can never break between its minus sign and its
     * digits (a change of font would allow that break).
     */
    private static final String WIN_ANSI_WITH_MINUS = winAnsiWithMinus();

    final BaseFont roman;
    final BaseFont bold;
    final BaseFont italic;
    final BaseFont boldItalic;
    private final BaseFont fallback;

    PdfFonts() {
        try {
            roman = BaseFont.createFont(BaseFont.TIMES_ROMAN, WIN_ANSI_WITH_MINUS, BaseFont.NOT_EMBEDDED);
            bold = BaseFont.createFont(BaseFont.TIMES_BOLD, WIN_ANSI_WITH_MINUS, BaseFont.NOT_EMBEDDED);
            italic = BaseFont.createFont(BaseFont.TIMES_ITALIC, WIN_ANSI_WITH_MINUS, BaseFont.NOT_EMBEDDED);
            boldItalic = BaseFont.createFont(BaseFont.TIMES_BOLDITALIC, WIN_ANSI_WITH_MINUS, BaseFont.NOT_EMBEDDED);
            // write the Times widths into the file, so a viewer that substitutes another serif font still places
            // every glyph where the layout (right-aligned numbers) measured it
            for (BaseFont f : new BaseFont[] {roman, bold, italic, boldItalic}) {
                f.setForceWidthsOutput(true);
            }
            if (FALLBACK_BYTES != null) {
                fallback = BaseFont.createFont("LiberationSans-Regular.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED,
                        false, FALLBACK_BYTES, null);
                fallback.setSecureRandom(new FixedRandom());
            } else {
                fallback = null;
            }
        } catch (IOException e) {
            throw new IllegalStateException("OpenPDF's standard fonts are missing", e);
        }
    }

    private static String winAnsiWithMinus() {
        StringBuilder sb = new StringBuilder("# full");
        java.nio.charset.Charset cp1252 = java.nio.charset.Charset.forName("windows-1252");
        for (int code = 32; code < 256; code++) {
            String decoded = new String(new byte[] {(byte) code}, cp1252);
            int uni = code == 0x81 ? 0x2212 : decoded.charAt(0);
            String name = uni == 0xFFFD ? null : com.lowagie.text.pdf.GlyphList.unicodeToName(uni);
            if (name != null) {
                sb.append(' ').append(code).append(' ').append(name).append(' ')
                        .append(String.format(java.util.Locale.ROOT, "%04X", uni));
            }
        }
        return sb.toString();
    }

    /** The Times face for a Font style (Font.NORMAL, BOLD, ITALIC, BOLDITALIC). */
    BaseFont face(int style) {
        return switch (style & Font.BOLDITALIC) {
            case Font.BOLD -> bold;
            case Font.ITALIC -> italic;
            case Font.BOLDITALIC -> boldItalic;
            default -> roman;
        };
    }

    /**
     * One selector per (style, size): OpenPDF's FontSelector constructor registers and parses its own TrueType
     * fallback font every time, which made each phrase cost a font parse (most of the PDF's time). A selector keeps
     * no state between {@code process} calls, so reusing it changes nothing in the file.
     */
    private final java.util.Map<Long, FontSelector> selectors = new java.util.HashMap<>();

    private FontSelector selector(float size, int style) {
        long key = ((long) Float.floatToIntBits(size) << 8) | (style & 0xff);
        return selectors.computeIfAbsent(key, k -> {
            FontSelector selector = new FontSelector();
            selector.addFont(new Font(face(style), size, Font.NORMAL));
            if (fallback != null) {
                selector.addFont(new Font(fallback, size, style));
            }
            return selector;
        });
    }

    /** Text as a phrase in Times, characters Times lacks in the fallback font. */
    Phrase phrase(String text, float size, int style) {
        FontSelector selector = selector(size, style);
        Phrase p = selector.process(Escape.oneLine(text == null ? "" : text));
        if (p.isEmpty()) {
            // an empty phrase would fall back to Helvetica: keep empty cells in Times
            p = new Phrase(size, new Chunk(" ", new Font(face(style), size, Font.NORMAL)));
        }
        p.setFont(new Font(face(style), size, Font.NORMAL));
        return p;
    }

    /** An empty phrase to add phrases to, in Times (so no default Helvetica creeps in). */
    Phrase container(float size) {
        Phrase p = new Phrase();
        p.setFont(new Font(roman, size, Font.NORMAL));
        return p;
    }

    /** Width of text in points in the Times face (characters Times lacks measured in the fallback font). */
    float width(String text, float size, int style) {
        BaseFont face = face(style);
        float w = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            BaseFont f = face.charExists(c) || fallback == null ? face : fallback;
            w += f.getWidthPoint(String.valueOf(c), size);
        }
        return w;
    }

    private static byte[] load() {
        try (InputStream in = BaseFont.class.getClassLoader().getResourceAsStream(FALLBACK)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }

    /** Makes the subset prefix ("AAAAAA+") a constant instead of random letters. */
    private static final class FixedRandom extends SecureRandom {
        private static final long serialVersionUID = 1L;

        @Override
        public double nextDouble() {
            return 0.5;
        }
    }
}
