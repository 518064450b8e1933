package org.reprise.fuzz;

import net.jqwik.api.Assume;
import org.reprise.data.CsvOptions;

/**
 * The exact input classes the properties leave out because they hit a reported bug; each has a {@code @Disabled}
 * reproducer in {@link FuzzBugsTest}. With {@code -Dreprise.fuzz.strict=true} nothing is left out, to check fixes.
 */
final class KnownBugs {
    /** Expressions at least this long may overflow the stack (deep nesting); shorter ones must not. */
    static final int DEEP_EXPRESSION = 300;

    private KnownBugs() {
    }

    /**
     * {@link FuzzBugsTest#emojiInHeaderHangs}: a header line holding a character outside the Basic Multilingual
     * Plane (an emoji) makes delimiter detection loop forever, so such inputs are discarded when the delimiter is
     * detected (a hang cannot be caught and counted like an exception).
     */
    static void assumeNoHang(byte[] bytes, CsvOptions opts) {
        if (!OnlyUserError.STRICT && opts.delimiter() == null && !opts.whitespace()) {
            Assume.that(!fourByteUtf8InFirstLine(bytes));
        }
    }

    /**
     * {@link FuzzBugsTest#whitespaceFileWithoutFinalNewline}: Utf8Reader throws IllegalStateException when read
     * again after it reported the end of the file (as BufferedReader does for a last line without a line break).
     */
    static String csv(Throwable t) {
        if (t instanceof IllegalStateException && thrownVia(t, "org.reprise.data.Utf8Reader")) {
            return "Utf8Reader read after end of file";
        }
        return null;
    }

    /**
     * {@link FuzzBugsTest#deeplyNestedExpressionOverflowsStack}: StackOverflowError in the JEXL parser for
     * expressions nested a few hundred levels deep; excused only for expressions of {@link #DEEP_EXPRESSION}
     * characters or more. {@link FuzzBugsTest#regexOperatorWithInvalidPattern}: PatternSyntaxException from JEXL's
     * regex operators.
     */
    static OnlyUserError.Excuse expression(String expr) {
        return t -> {
            if (t instanceof StackOverflowError && expr.length() >= DEEP_EXPRESSION) {
                return "StackOverflowError on a deeply nested expression";
            }
            if (t instanceof java.util.regex.PatternSyntaxException) {
                return "PatternSyntaxException from =~ or !~"; // FuzzBugsTest#regexOperatorWithInvalidPattern
            }
            return null;
        };
    }

    /**
     * {@link FuzzBugsTest#unclosedBracesTakeExponentialTime}: the JEXL parser backtracks exponentially on unclosed
     * nested braces or brackets ("x {{{{{{{{{{{{1" takes more than 5 s, each further level doubles it), so
     * expressions with 8 or more '{' or 16 or more '[' are discarded.
     */
    static void assumeNoBacktracking(String expr) {
        if (!OnlyUserError.STRICT) {
            Assume.that(count(expr, '{') < 8 && count(expr, '[') < 16);
        }
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            n += s.charAt(i) == c ? 1 : 0;
        }
        return n;
    }

    /** A UTF-8 lead byte of a 4-byte sequence (a supplementary character) before the first line feed. */
    static boolean fourByteUtf8InFirstLine(byte[] b) {
        for (byte x : b) {
            if (x == '\n') {
                return false;
            }
            if ((x & 0xF8) == 0xF0) {
                return true;
            }
        }
        return false;
    }

    private static boolean thrownVia(Throwable t, String className) {
        for (StackTraceElement e : t.getStackTrace()) {
            if (e.getClassName().equals(className)) {
                return true;
            }
        }
        return false;
    }
}
