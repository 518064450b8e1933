package org.reprise.render;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * (Not data.NumberText, which parses numbers out of data files: this one only splits text already formatted.)
 * A formatted number cell split for alignment, never re-formatted: "(0.0123)" → "(", "0.0123", ")".
 * {@code numeric} is true when the core is a plain decimal ("-0.0223", "6124", "1.5"); cells such as "6,124",
 * "Yes" or "[0.01, 0.03]" are not numeric and are laid out as text.
 *
 * @param pre  opening parenthesis or bracket, or ""
 * @param core the number as written (a U+2212 minus becomes "-" only in {@link #latexCore()})
 * @param post closing parenthesis or bracket, or ""
 */
record NumberCell(String pre, String core, String post, boolean numeric) {
    private static final Pattern PARTS = Pattern.compile("([(\\[]?)(.*?)([)\\]]?)");
    /** A hyphen-minus that starts a number: at the start or after a space or an opening bracket, before a digit. */
    private static final Pattern MINUS = Pattern.compile("(?<=^|[\\s(\\[{,;:=])-(?=\\.?\\d)");
    private static final Pattern DECIMAL = Pattern.compile("[-+\u2212]?(\\d+)(?:\\.(\\d+))?");

    /**
     * The text with a true minus sign (U+2212) for every hyphen-minus that makes a number negative ("-0.0223",
     * "(-0.15, SE 0.01)", "[-0.3, 0.1]"); hyphens inside words and ranges ("2014-2016", "1-inch") stay.
     * For HTML, PDF and Word; Markdown, LaTeX, the ledger and results.json keep the plain hyphen-minus.
     */
    static String trueMinus(String text) {
        return text == null ? "" : MINUS.matcher(text).replaceAll("\u2212");
    }

    static NumberCell parse(String text) {
        String t = text == null ? "" : text.strip();
        Matcher m = PARTS.matcher(t);
        if (m.matches() && balanced(m.group(1), m.group(3))) {
            String core = m.group(2);
            return new NumberCell(m.group(1), core, m.group(3), DECIMAL.matcher(core).matches());
        }
        return new NumberCell("", t, "", DECIMAL.matcher(t).matches());
    }

    private static boolean balanced(String open, String close) {
        return open.isEmpty() && close.isEmpty() || "(".equals(open) && ")".equals(close)
                || "[".equals(open) && "]".equals(close);
    }

    /** Digits before the decimal point (0 when not numeric). */
    int integerDigits() {
        Matcher m = DECIMAL.matcher(core);
        return m.matches() ? m.group(1).length() : 0;
    }

    /** Digits after the decimal point (0 when not numeric). */
    int decimalDigits() {
        Matcher m = DECIMAL.matcher(core);
        return m.matches() && m.group(2) != null ? m.group(2).length() : 0;
    }

    boolean negative() {
        return numeric && (core.startsWith("-") || core.startsWith("\u2212"));
    }

    /** The core as siunitx parses it: a U+2212 minus sign becomes an ASCII hyphen (siunitx prints a true minus). */
    String latexCore() {
        return core.replace('\u2212', '-');
    }
}
