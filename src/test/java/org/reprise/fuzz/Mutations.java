package org.reprise.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Structured mutations of a valid seed input. A mutation is a small record (operation, position, length, choice), so
 * jqwik shrinks a failing case towards fewer and simpler edits of the seed. Each input format gives its own
 * vocabulary ({@link Grammar}): what a "key" and a "value" look like, and what to put in their place.
 */
final class Mutations {
    /** What one mutation does. */
    enum Op {
        /** Flip one bit (of the low 8) of a character. */
        FLIP_CHAR,
        /** Flip one bit of a byte of the UTF-8 encoding (only in {@link #applyBytes}). */
        FLIP_BYTE,
        /** Cut the text at a position. */
        TRUNCATE,
        /** Insert a special string (tab, NUL, BOM, quotes, braces, long line, deep nesting, huge numbers...). */
        INSERT_SPECIAL,
        /** Delete a span. */
        DELETE,
        /** Repeat a span in place. */
        DUPLICATE,
        /** Replace a key (or identifier) by another known key or a misspelling. */
        RENAME_KEY,
        /** Replace a value by one of another type (list for scalar, map, number, bool, null...). */
        SWAP_TYPE,
        /** Exchange two lines. */
        SWAP_LINES
    }

    /** One edit; positions and choices are taken modulo the text length and list sizes. */
    record Mutation(Op op, int at, int length, int pick) {
    }

    /** The vocabulary of one input format. */
    record Grammar(Pattern key, List<String> keys, Pattern value, List<String> values) {
    }

    /** Strings that break parsers: control characters, quoting, nesting, numbers at the limits, odd Unicode. */
    static final List<String> SPECIALS = List.of(
            "\t", "\0", "\uFEFF", "\"", "'", "`", "{", "}", "[", "]", "(", ")", ":", ": ", "- ", "#", " #", ",", ";",
            "\n", "\r", "\r\n", "\\", "\\u", "&a ", "*a", "!!binary ", "!!java.io.File ", "!<tag:x> ", "---\n",
            "...\n", "? ", "|", ">", "%", "@", "~", "null", "yes", "NO", "=", "==", "^", "**", "##", ".", "..",
            "1e308", "1e309", "-1e309", "4.9e-324", "1e-400", "NaN", ".nan", ".inf", "-.inf", "Infinity", "-0",
            "0x1F", "1_000", "1,5", "9223372036854775808", "99999999999999999999999999999999999999",
            "\u00e9", "\u00d7", "\u202e", "e\u0301", "\ud83d\ude00", "\ud800", "\udfff", "\u00a0", "\u2028",
            "\u0085", "\ufffd", "\u0661\u0662", "\uff11",
            "x".repeat(10_000),
            "[".repeat(2_000) + "]".repeat(2_000),
            "{a: ".repeat(500) + "1" + "}".repeat(500),
            "- ".repeat(1_000) + "x",
            "(".repeat(3_000) + "1" + ")".repeat(3_000),
            "(".repeat(3_000),
            "-".repeat(3_000) + "1",
            "!".repeat(3_000) + "1",
            "1+".repeat(3_000) + "1",
            "x^".repeat(500) + "2",
            "a#".repeat(300) + "a",
            "\"" + "\\\"".repeat(500) + "\"",
            "${x}", "#{x}", "#pragma x 1\n", "<<: *a\n", "%YAML 1.1\n", "__proto__", "$");

    private Mutations() {
    }

    /** One to four mutations. */
    static Arbitrary<List<Mutation>> lists() {
        Arbitrary<Mutation> one = Combinators.combine(
                Arbitraries.of(Op.values()),
                Arbitraries.integers().between(0, 1 << 20),
                Arbitraries.integers().between(1, 80),
                Arbitraries.integers().between(0, 1 << 16)).as(Mutation::new);
        return one.list().ofMinSize(1).ofMaxSize(4);
    }

    /** Applies the text mutations in order ({@link Op#FLIP_BYTE} is ignored). */
    static String apply(String seed, List<Mutation> ms, Grammar g) {
        String s = seed;
        for (Mutation m : ms) {
            s = applyOne(s, m, g);
        }
        return s;
    }

    /** Applies the text mutations, encodes as UTF-8 and then flips the bytes {@link Op#FLIP_BYTE} names. */
    static byte[] applyBytes(String seed, List<Mutation> ms, Grammar g) {
        byte[] b = apply(seed, ms, g).getBytes(StandardCharsets.UTF_8);
        for (Mutation m : ms) {
            if (m.op() == Op.FLIP_BYTE && b.length > 0) {
                b[m.at() % b.length] ^= (byte) (1 << (m.pick() % 8));
            }
        }
        return b;
    }

    private static String applyOne(String s, Mutation m, Grammar g) {
        int n = s.length();
        int at = m.at() % (n + 1);
        int end = Math.min(n, at + m.length());
        switch (m.op()) {
            case FLIP_CHAR:
                if (n == 0) {
                    return s;
                }
                int i = m.at() % n;
                return s.substring(0, i) + (char) (s.charAt(i) ^ (1 << (m.pick() % 8))) + s.substring(i + 1);
            case TRUNCATE:
                return s.substring(0, at);
            case INSERT_SPECIAL:
                return s.substring(0, at) + pick(SPECIALS, m.pick()) + s.substring(at);
            case DELETE:
                return s.substring(0, at) + s.substring(end);
            case DUPLICATE:
                return s.substring(0, end) + s.substring(at, end) + s.substring(end);
            case RENAME_KEY:
                return replaceMatch(s, g.key(), m.at(), pick(g.keys(), m.pick()));
            case SWAP_TYPE:
                return replaceMatch(s, g.value(), m.at(), pick(g.values(), m.pick()));
            case SWAP_LINES:
                return swapLines(s, m.at(), m.length());
            default:
                return s;
        }
    }

    static String pick(List<String> list, int k) {
        return list.get(k % list.size());
    }

    /** Replaces the k-th (modulo the count) match of {@code p} in {@code s}. */
    private static String replaceMatch(String s, Pattern p, int k, String with) {
        List<int[]> spans = new ArrayList<>();
        Matcher m = p.matcher(s);
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        if (spans.isEmpty()) {
            return s;
        }
        int[] span = spans.get(k % spans.size());
        return s.substring(0, span[0]) + with + s.substring(span[1]);
    }

    private static String swapLines(String s, int a, int b) {
        String[] lines = s.split("\n", -1);
        if (lines.length < 2) {
            return s;
        }
        int i = a % lines.length;
        int j = (a + b) % lines.length;
        String t = lines[i];
        lines[i] = lines[j];
        lines[j] = t;
        return String.join("\n", lines);
    }
}
