package org.reprise.data;

/**
 * Strict parsing of decimal number text: {@code [+-]? (d+ [. d*] | . d+) ([eE] [+-]? d+)?}, nothing else
 * (no hex, no "1d", no spaces, no thousands separators, no NaN/Infinity). Numbers with at most 15-16
 * significant digits and a small exponent take an exact fast path (one correctly rounded IEEE operation);
 * everything else goes through {@link Double#parseDouble}, so results are always correctly rounded.
 */
final class NumberText {
    private static final double[] POW10 = new double[23];
    private static final long MAX_EXACT = 1L << 53;

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    private NumberText() {
    }

    /** The value, or NaN if {@code s} is not a plain decimal number. Overflow gives ±Infinity. */
    static double parseOrNaN(String s) {
        return parseOrNaN(s.toCharArray(), 0, s.length());
    }

    /** As {@link #parseOrNaN(String)}, for the characters {@code b[off, off+len)}. */
    static double parseOrNaN(char[] b, int off, int len) {
        int n = off + len;
        int i = off;
        boolean negative = false;
        if (i < n && (b[i] == '+' || b[i] == '-')) {
            negative = b[i] == '-';
            i++;
        }
        long mant = 0;
        int digits = 0;
        int exp10 = 0;
        boolean sawDigit = false;
        boolean lost = false;
        while (i < n) {
            char c = b[i];
            if (c < '0' || c > '9') {
                break;
            }
            sawDigit = true;
            if (mant == 0 && c == '0') {
                // leading zero
            } else if (digits < 18) {
                mant = mant * 10 + (c - '0');
                digits++;
            } else {
                exp10++;
                lost = true;
            }
            i++;
        }
        if (i < n && b[i] == '.') {
            i++;
            while (i < n) {
                char c = b[i];
                if (c < '0' || c > '9') {
                    break;
                }
                sawDigit = true;
                if (mant == 0 && c == '0') {
                    exp10--;
                } else if (digits < 18) {
                    mant = mant * 10 + (c - '0');
                    digits++;
                    exp10--;
                } else {
                    lost = true;
                }
                i++;
            }
        }
        if (!sawDigit) {
            return Double.NaN;
        }
        int expo = 0;
        if (i < n && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            boolean eneg = false;
            if (i < n && (b[i] == '+' || b[i] == '-')) {
                eneg = b[i] == '-';
                i++;
            }
            boolean eDigit = false;
            while (i < n && b[i] >= '0' && b[i] <= '9') {
                if (expo < 100000) {
                    expo = expo * 10 + (b[i] - '0');
                }
                eDigit = true;
                i++;
            }
            if (!eDigit) {
                return Double.NaN;
            }
            expo = eneg ? -expo : expo;
        }
        if (i != n) {
            return Double.NaN;
        }
        double v;
        int total = exp10 + expo;
        if (mant == 0) {
            v = 0.0;
        } else if (!lost && mant < MAX_EXACT && total >= -22 && total <= 22) {
            v = total >= 0 ? mant * POW10[total] : mant / POW10[-total];
        } else {
            return Double.parseDouble(new String(b, off, len));
        }
        return negative ? -v : v;
    }

    /** True for the spellings of not-a-number and infinity that spreadsheets and R write (NaN, Inf, -Infinity...). */
    static boolean isNonFinite(String s) {
        String t = s.startsWith("-") || s.startsWith("+") ? s.substring(1) : s;
        t = t.toLowerCase(java.util.Locale.ROOT);
        return t.equals("nan") || t.equals("inf") || t.equals("infinity") || t.equals("1.#inf") || t.equals("1.#ind")
                || t.equals("#num!") || t.equals("#div/0!");
    }
}
