package org.reprise.render;

import java.util.Map;

/**
 * The escaping rules of Reprise's text formats, used by the Freemarker output formats.
 * Line breaks inside a value become single spaces (a value is one line of the output),
 * so a label can never end a table row or start a new paragraph.
 */
final class Escape {
    private Escape() {
    }

    /** Unicode characters pdflatex does not know out of the box, or that are safer as commands. */
    private static final Map<Character, String> LATEX_UNICODE = Map.ofEntries(
            Map.entry('\u2212', "\\textminus{}"),
            Map.entry('\u00d7', "\\texttimes{}"),
            Map.entry('\u00b2', "\\texttwosuperior{}"),
            Map.entry('\u00b3', "\\textthreesuperior{}"),
            Map.entry('\u00b9', "\\textonesuperior{}"),
            Map.entry('\u00b1', "\\textpm{}"),
            Map.entry('\u00a0', "~"),
            Map.entry('\u2009', "\\,"),
            Map.entry('\u2264', "\\ensuremath{\\leq}"),
            Map.entry('\u2265', "\\ensuremath{\\geq}"),
            Map.entry('\u2260', "\\ensuremath{\\neq}"),
            Map.entry('\u2248', "\\ensuremath{\\approx}"),
            Map.entry('\u221e', "\\ensuremath{\\infty}"),
            Map.entry('\u2192', "\\ensuremath{\\rightarrow}"),
            Map.entry('\u00b7', "\\textperiodcentered{}"),
            Map.entry('\u2030', "\\textperthousand{}"),
            Map.entry('\u20ac', "\\texteuro{}"));

    private static final String GREEK_LOWER = "αβγδεζηθικλμνξοπρςστυφχψω";
    private static final String[] GREEK_LOWER_NAMES = {"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta",
        "theta", "iota", "kappa", "lambda", "mu", "nu", "xi", "o", "pi", "rho", "varsigma", "sigma", "tau", "upsilon",
        "phi", "chi", "psi", "omega"};
    private static final String GREEK_UPPER = "ΓΔΘΛΞΠΣΦΨΩ";
    private static final String[] GREEK_UPPER_NAMES = {"Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma",
        "Phi", "Psi", "Omega"};

    /** Collapses every whitespace run that holds a line break into one space. */
    static String oneLine(String s) {
        return s.replaceAll("[ \\t]*(\\r\\n|\\r|\\n)[\\s]*", " ");
    }

    /** Escapes plain text for LaTeX text mode (T1 font encoding; see the preamble requirements). */
    static String latex(String text) {
        String s = oneLine(text);
        StringBuilder b = new StringBuilder(s.length() + 16);
        int hexRun = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            // a long hexadecimal string (a file hash) may break every 8 characters instead of running into the margin
            hexRun = isHex(c) ? hexRun + 1 : 0;
            if (hexRun > 1 && hexRun % 8 == 1 && hexRunLength(s, i - hexRun + 1) >= HASH_RUN) {
                b.append("\\allowbreak{}");
            }
            switch (c) {
                case '\\' -> b.append("\\textbackslash{}");
                case '{', '}', '$', '&', '#', '_', '%' -> b.append('\\').append(c);
                case '^' -> b.append("\\textasciicircum{}");
                case '~' -> b.append("\\textasciitilde{}");
                case '<' -> b.append("\\textless{}");
                case '>' -> b.append("\\textgreater{}");
                case '|' -> b.append("\\textbar{}");
                case '"' -> b.append("\\textquotedbl{}");
                // a bracket right after \\ or \item would be read as an optional argument
                case '[', ']' -> b.append('{').append(c).append('}');
                // "--" would become an en dash, "``" or "''" typographic quotes: keep what the user wrote
                case '-', '`', '\'' -> {
                    b.append(c);
                    if (i + 1 < s.length() && s.charAt(i + 1) == c) {
                        b.append("{}");
                    }
                }
                default -> appendLatexChar(b, c);
            }
        }
        // a star right after \\ would make it \\*
        if (s.startsWith("*")) {
            b.insert(0, "{}");
        }
        return b.toString();
    }

    /** Hexadecimal runs at least this long are file hashes (SHA-256: 64) and may break in LaTeX. */
    private static final int HASH_RUN = 32;

    private static boolean isHex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    private static int hexRunLength(String s, int from) {
        int i = from;
        while (i < s.length() && isHex(s.charAt(i))) {
            i++;
        }
        return i - from;
    }

    private static void appendLatexChar(StringBuilder b, char c) {
        String mapped = LATEX_UNICODE.get(c);
        if (mapped != null) {
            b.append(mapped);
            return;
        }
        int g = GREEK_LOWER.indexOf(c);
        if (g >= 0) {
            b.append("\\ensuremath{\\").append(GREEK_LOWER_NAMES[g]).append('}');
            return;
        }
        g = GREEK_UPPER.indexOf(c);
        if (g >= 0) {
            b.append("\\ensuremath{\\").append(GREEK_UPPER_NAMES[g]).append('}');
            return;
        }
        if (c < 0x20) {
            b.append(' ');
            return;
        }
        b.append(c);
    }

    /**
     * Escapes plain text for CommonMark / GitHub Markdown, in a paragraph or a pipe-table cell:
     * every character with inline meaning gets a backslash, and a leading character that would start a
     * list, heading or quote is neutralised. Leading and trailing blanks are dropped (four leading blanks would
     * start a code block).
     */
    static String markdown(String text) {
        String s = oneLine(text).strip();
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '#', '~', '&' -> b.append('\\').append(c);
                default -> b.append(c < 0x20 ? ' ' : c);
            }
        }
        // "- x", "+ x", "= x" at the start of a line start a list or a heading underline; "1. x" an ordered list
        if (s.matches("[-+=](\\s.*)?")) {
            b.insert(0, '\\');
        } else if (s.matches("\\d{1,9}[.)](\\s.*)?")) {
            int dot = 0;
            while (Character.isDigit(b.charAt(dot))) {
                dot++;
            }
            b.insert(dot, '\\');
        }
        return b.toString();
    }
}
