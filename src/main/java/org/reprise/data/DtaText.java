package org.reprise.data;

import java.nio.charset.StandardCharsets;

/**
 * Text decoding for .dta files: UTF-8 for releases 118 and 119, Windows-1252 for older releases
 * (Stata before 14 wrote the platform's 8-bit code page; Windows-1252 is a superset of Latin-1's printable range).
 * The five bytes Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) decode as the Latin-1 code point.
 * Fixed-width fields end at the first NUL byte.
 */
final class DtaText {
    private static final char[] CP1252_80_9F = {
        '\u20AC', '\u0081', '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021',
        '\u02C6', '\u2030', '\u0160', '\u2039', '\u0152', '\u008D', '\u017D', '\u008F',
        '\u0090', '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014',
        '\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', '\u009D', '\u017E', '\u0178',
    };

    private final boolean utf8;

    DtaText(boolean utf8) {
        this.utf8 = utf8;
    }

    boolean utf8() {
        return utf8;
    }

    /** The text in b[off, off+max) up to the first NUL. */
    String field(byte[] b, int off, int max) {
        int end = off;
        int limit = off + max;
        while (end < limit && b[end] != 0) {
            end++;
        }
        return decode(b, off, end - off);
    }

    /** Decode exactly len bytes (no NUL handling). */
    String decode(byte[] b, int off, int len) {
        boolean ascii = true;
        for (int i = off; i < off + len; i++) {
            if (b[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new String(b, off, len, StandardCharsets.ISO_8859_1);
        }
        if (utf8) {
            return new String(b, off, len, StandardCharsets.UTF_8);
        }
        char[] c = new char[len];
        for (int i = 0; i < len; i++) {
            int v = b[off + i] & 0xff;
            c[i] = v >= 0x80 && v <= 0x9f ? CP1252_80_9F[v - 0x80] : (char) v;
        }
        return new String(c);
    }
}
