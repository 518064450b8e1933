package org.reprise.render;

/**
 * Estimated widths of text as pdflatex sets it in Computer Modern (T1) at 10 pt, in points. The ASCII widths were
 * measured with pdflatex ({@code \settowidth} of each character of the T1 font, 10 pt article); other characters
 * count as the widest glyph (1 em) unless listed, so an estimate errs on the wide side. Times (the report's font)
 * is narrower than Computer Modern, so a table that fits in Computer Modern fits in the report too.
 */
final class TexWidths {
    /** Widths of characters 32..126 in T1 Computer Modern at 10 pt (space: the interword space). */
    private static final double[] ASCII = {
        3.33, 2.78, 5.00, 8.33, 5.00, 8.33, 7.78, 2.78, 3.89, 3.89, 5.00, 7.78, 2.78, 3.33, 2.78, 5.00,
        5.00, 5.00, 5.00, 5.00, 5.00, 5.00, 5.00, 5.00, 5.00, 5.00, 2.78, 2.78, 7.78, 7.78, 7.78, 4.72,
        7.78, 7.50, 7.08, 7.22, 7.64, 6.80, 6.53, 7.85, 7.50, 3.61, 5.14, 7.78, 6.25, 9.16, 7.50, 7.78,
        6.80, 7.78, 7.36, 5.55, 7.22, 7.50, 7.50, 10.28, 7.50, 7.50, 6.11, 2.78, 5.00, 2.78, 6.11, 7.78,
        2.78, 5.00, 5.55, 4.44, 5.55, 4.44, 3.05, 5.00, 5.55, 2.78, 3.05, 5.28, 2.78, 8.33, 5.55, 5.00,
        5.55, 5.28, 3.92, 3.94, 3.89, 5.55, 5.28, 7.22, 5.28, 5.28, 4.44, 5.00, 2.78, 5.00, 6.11};
    /** {@code \sym{***}}: three superscript stars. */
    static final double STAR = 4.27;
    /** A digit (all digits have the same width). */
    static final double DIGIT = 5.00;
    /** The decimal point. */
    static final double POINT = 2.78;
    /** The math minus sign siunitx prints. */
    static final double MINUS = 7.78;
    /** 1 em at 10 pt: the width assumed for characters not listed. */
    private static final double EM = 10.0;

    private TexWidths() {
    }

    /** Width of plain text at 10 pt. */
    static double text(String s) {
        double w = 0;
        for (int i = 0; i < s.length(); i++) {
            w += of(s.charAt(i));
        }
        return w;
    }

    /** Width of superscript stars at 10 pt. */
    static double stars(String stars) {
        return stars.isEmpty() ? 0 : stars.length() * STAR + 0.3;
    }

    private static double of(char c) {
        if (c >= 32 && c <= 126) {
            return ASCII[c - 32];
        }
        if (c == '\u2212' || c == '\u00d7' || c == '\u00b1' || c == '\u2264' || c == '\u2265' || c == '\u2260'
                || c == '\u2248' || c == '\u2192') {
            return 7.78;
        }
        if (c == '\u00b2' || c == '\u00b3' || c == '\u00b9') {
            return 4.45;
        }
        if (c == '\u00a0' || c == '\u2009') {
            return 3.33;
        }
        if (c >= '\u0391' && c <= '\u03c9') {
            return 6.3;
        }
        if (c >= '\u00c0' && c <= '\u017f') {
            return Character.isUpperCase(c) ? 7.8 : 5.6;
        }
        return EM;
    }
}
