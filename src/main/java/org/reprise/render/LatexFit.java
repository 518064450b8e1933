package org.reprise.render;

import java.util.ArrayList;
import java.util.List;

/**
 * How a LaTeX table is made to fit the text width of an 11 pt article with 1-inch margins (docs/output.md,
 * "LaTeX tables that fit"). The natural width is estimated from the cells ({@link TexWidths}); the first of these
 * layouts that fits is used, each step keeping what the previous ones did:
 * <ol>
 *   <li>as it is (normal size, {@code \tabcolsep} 6 pt);</li>
 *   <li>headers wider than their column wrap onto up to three lines ({@code \makecell});</li>
 *   <li>{@code \tabcolsep} 4 pt;</li>
 *   <li>the widest text column wraps (a ragged-right p-column), down to a third of its natural width;</li>
 *   <li>the same in {@code \small}, then in {@code \footnotesize};</li>
 *   <li>all of it again on a landscape page ({@code sidewaystable}).</li>
 * </ol>
 * A spec's {@code latex: {size, landscape}} fixes the size or the orientation; the steps then run within it.
 */
final class LatexFit {
    /** Text width in pt: A4 with 1-inch margins (159.2 mm), the narrower of A4 and US letter (6.5 in = 469.8 pt). */
    static final double TEXT_WIDTH = 451.0;
    /** Line length on a landscape page: US letter's 9 in of text height, the shorter of letter and A4. */
    static final double LANDSCAPE_WIDTH = 650.0;
    /** Estimates err this much on the wide side (rounding, kerning the estimate does not know). */
    private static final double SAFETY = 1.03;
    /** Font sizes of the 11 pt article, and their names. */
    private static final double[] SIZES = {10.95, 10.0, 9.0};
    private static final String[] SIZE_NAMES = {"normalsize", "small", "footnotesize"};

    /** A header label over columns first..last (0-based, inclusive). */
    record Span(int first, int last, String text) {
    }

    /**
     * What the estimate needs, widths at 10 pt.
     *
     * @param body     per column, the widest body cell (S columns: the width table-format reserves)
     * @param text     per column, whether it holds text (and may wrap)
     * @param minText  per column, the longest word of its body cells (a wrapped column is never narrower)
     * @param spans    the header labels
     * @param fullRows widths of rows set across the whole table (a label with nothing in the other columns)
     */
    record Input(double[] body, boolean[] text, double[] minText, List<Span> spans, List<Double> fullRows) {
    }

    /**
     * The layout chosen.
     *
     * @param size      "normalsize", "small" or "footnotesize"
     * @param landscape set on its own landscape page
     * @param tabcolsep half the space between columns, pt
     * @param lines     per span of {@link Input#spans()}, its lines (one line: not wrapped)
     * @param wrap      per column, its width as a share of {@code \linewidth} when it wraps, else 0
     * @param fits      whether the estimate fits (false: the last layout tried, the narrowest)
     */
    record Plan(String size, boolean landscape, int tabcolsep, List<List<String>> lines, double[] wrap,
                boolean fits) {
        boolean wrapsHeaders() {
            return lines.stream().anyMatch(l -> l.size() > 1);
        }

        boolean wrapsColumns() {
            for (double w : wrap) {
                if (w > 0) {
                    return true;
                }
            }
            return false;
        }
    }

    private LatexFit() {
    }

    /**
     * The first layout that fits.
     *
     * @param size      null (choose), or "normalsize", "small", "footnotesize", "scriptsize"
     * @param landscape null (choose), or fixed
     */
    static Plan plan(Input in, String size, Boolean landscape) {
        List<Boolean> orientations = landscape == null ? List.of(false, true) : List.of(landscape);
        List<Integer> sizes = new ArrayList<>();
        if (size == null) {
            sizes.addAll(List.of(0, 1, 2));
        } else {
            sizes.add(List.of(SIZE_NAMES).indexOf(size));
        }
        Plan last = null;
        for (boolean land : orientations) {
            double avail = land ? LANDSCAPE_WIDTH : TEXT_WIDTH;
            for (int s : sizes) {
                String name = s < 0 ? size : SIZE_NAMES[s];
                double pt = s < 0 ? 8.0 : SIZES[s];
                for (int step = 0; step < 4; step++) {
                    last = attempt(in, name, pt, land, avail, step);
                    if (last.fits()) {
                        return last;
                    }
                }
            }
        }
        return last;
    }

    private static Plan attempt(Input in, String name, double pt, boolean land, double avail, int step) {
        int n = in.body().length;
        double scale = pt / 10.0 * SAFETY;
        int sep = step >= 2 ? 4 : 6;
        double[] col = new double[n];
        for (int j = 0; j < n; j++) {
            col[j] = in.body()[j] * scale;
        }
        // headers: wrap those wider than the body of their columns
        List<List<String>> lines = new ArrayList<>();
        for (Span sp : in.spans()) {
            double room = room(col, sp, sep);
            List<String> l = step >= 1 && TexWidths.text(sp.text()) * scale > room ? wrap(sp.text(), room / scale)
                    : List.of(sp.text());
            lines.add(l);
        }
        double[] wrapAt = new double[n];
        if (step >= 3) {
            // the widest text column wraps to what is left, down to a third of its width or its longest word
            int widest = -1;
            for (int j = 0; j < n; j++) {
                if (in.text()[j] && (widest < 0 || col[j] > col[widest])) {
                    widest = j;
                }
            }
            if (widest >= 0) {
                double[] w = widths(in, col, lines, scale, sep);
                double left = avail - (total(w, sep) - w[widest]) - 1;
                double min = Math.max(col[widest] / 3, in.minText()[widest] * scale);
                if (left >= min && left < col[widest]) {
                    col[widest] = left;
                    wrapAt[widest] = Math.floor(left / avail * 100) / 100;
                }
            }
        }
        double width = total(widths(in, col, lines, scale, sep), sep);
        for (double full : in.fullRows()) {
            width = Math.max(width, full * scale);
        }
        return new Plan(name, land, sep, lines, wrapAt, width <= avail);
    }

    /** Column widths: body, single-column headers, and the excess of spanning headers on their last column. */
    private static double[] widths(Input in, double[] col, List<List<String>> lines, double scale, int sep) {
        double[] w = col.clone();
        for (int k = 0; k < in.spans().size(); k++) {
            Span sp = in.spans().get(k);
            if (sp.first() == sp.last()) {
                w[sp.first()] = Math.max(w[sp.first()], linesWidth(lines.get(k)) * scale);
            }
        }
        for (int k = 0; k < in.spans().size(); k++) {
            Span sp = in.spans().get(k);
            if (sp.first() != sp.last()) {
                double need = linesWidth(lines.get(k)) * scale - room(w, sp, sep);
                if (need > 0) {
                    w[sp.last()] += need;
                }
            }
        }
        return w;
    }

    private static double room(double[] w, Span sp, int sep) {
        double r = 0;
        for (int j = sp.first(); j <= sp.last(); j++) {
            r += w[j];
        }
        return r + 2 * sep * (sp.last() - sp.first());
    }

    private static double total(double[] w, int sep) {
        double t = 0;
        for (double x : w) {
            t += x;
        }
        return t + 2 * sep * (w.length - 1);
    }

    private static double linesWidth(List<String> lines) {
        double w = 0;
        for (String l : lines) {
            w = Math.max(w, TexWidths.text(l));
        }
        return w;
    }

    /**
     * Splits at spaces into two lines, or three when two are still wider than {@code room}, choosing the split
     * with the narrowest widest line; never inside parentheses when there is another space to split at.
     */
    static List<String> wrap(String text, double room) {
        String[] words = text.strip().split(" +");
        List<Integer> at = new ArrayList<>();
        int depth = 0;
        for (int i = 1; i < words.length; i++) {
            depth += count(words[i - 1], '(') + count(words[i - 1], '[') - count(words[i - 1], ')')
                    - count(words[i - 1], ']');
            if (depth <= 0) {
                at.add(i);
            }
        }
        if (at.isEmpty()) {
            for (int i = 1; i < words.length; i++) {
                at.add(i);
            }
        }
        List<String> best = List.of(text);
        double bestWidth = TexWidths.text(text);
        for (int i : at) {
            List<String> two = List.of(join(words, 0, i), join(words, i, words.length));
            double w = linesWidth(two);
            if (w < bestWidth) {
                best = two;
                bestWidth = w;
            }
        }
        if (bestWidth <= room) {
            return best;
        }
        List<String> two = best;
        for (int i : at) {
            for (int k : at) {
                if (k <= i) {
                    continue;
                }
                List<String> three = List.of(join(words, 0, i), join(words, i, k), join(words, k, words.length));
                double w = linesWidth(three);
                if (w < bestWidth) {
                    best = three;
                    bestWidth = w;
                }
            }
        }
        return bestWidth <= room ? best : two;
    }

    private static int count(String s, char c) {
        return (int) s.chars().filter(x -> x == c).count();
    }

    private static String join(String[] words, int from, int to) {
        return String.join(" ", java.util.Arrays.asList(words).subList(from, to));
    }
}
