package org.reprise.verify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Rebuilds tables from words with positions (a PDF page's words, from PDFBox): lines are words at one height; a
 * caption is a line starting "Table N" and a capitalised title; below it, the lines with numbers are the rows.
 * Columns come from the numbers themselves, over all rows at once (a vertical projection): the values of a line are
 * its trailing run of numbers (a number followed by words, "2010 prices", is part of a label), values whose
 * horizontal extents overlap in any rows form one column, and the whitespace between columns separates them however
 * narrow it is; a column where other rows print label words is numbers closing a label ("… 13, 16"), not a column.
 * A header line's phrases (words a space apart) go to every column of numbers they stand over (a header across two
 * columns names both), else to the column under their centre; the lines of a wrapped header join. A line of words
 * only that starts at the left edge is a group header when it comes after rows or its first word ends in a colon
 * ("Vul1: …", "Panel A: …"); a line whose label is empty, or indented and at most two letters (a standard-error line,
 * "M" under "U"), continues the row above. The table ends at the next caption, at a line of prose or of notes after
 * its rows, after a gap of more than three font sizes (the page number at the foot), or at the end of the page.
 */
final class LayoutPaperReader {
    /** A word and its horizontal extent. */
    record Word(String text, double x0, double x1) {
        double centre() {
            return (x0 + x1) / 2;
        }
    }

    /** A line of words, left to right, on a page; {@code size} is its font's height (a PDF's points; 1 in text). */
    record Line(int page, double y, double size, List<Word> words) {
        String text() {
            return String.join(" ", words.stream().map(Word::text).toList());
        }
    }

    private LayoutPaperReader() {
    }

    /**
     * @param rightAligned monospaced text (console output): a header word belongs to the column whose numbers end at
     *                     or after it; in a PDF, to the column under its centre
     */
    static Paper read(String file, List<Line> lines, boolean rightAligned) {
        List<Paper.Table> tables = new ArrayList<>();
        boolean[] used = new boolean[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = TextPaperReader.CAPTION.matcher(lines.get(i).text());
            boolean console = !m.matches() && consoleCaption(lines, i);
            if (!m.matches() && !console) {
                continue;
            }
            String caption = console ? lines.get(i).text().replaceFirst(":\\s*$", "").strip() : m.group(2).strip();
            int first = i + 1;
            // a caption as wide as the table wraps: its next lines, words only, continue it
            double widest = 0;
            for (int k = i + 1; k < Math.min(lines.size(), i + 40) && lines.get(k).page() == lines.get(i).page(); k++) {
                widest = Math.max(widest, width(lines.get(k)));
            }
            while (!console && first < lines.size() && width(lines.get(i)) >= 0.8 * widest
                    && values(lines.get(first)).isEmpty() && lines.get(first).page() == lines.get(i).page()
                    && wrapsUnder(lines.get(i), lines.get(first - 1), lines.get(first))) {
                caption = caption + " " + lines.get(first).text();
                first++;
            }
            int end = first;
            boolean seen = false;
            while (end < lines.size() && lines.get(end).page() == lines.get(i).page()
                    && !TextPaperReader.CAPTION.matcher(lines.get(end).text()).matches()) {
                if (console && lines.get(end).y() - lines.get(end - 1).y() > 1.5) {
                    break;
                }
                // after the rows, a gap of more than three font sizes (down to the page number) ends the table
                if (!console && seen && lines.get(end).y() - lines.get(end - 1).y() > 3 * em(lines.get(end - 1))) {
                    break;
                }
                boolean numbers = !values(lines.get(end)).isEmpty();
                if (seen && !numbers && (TextPaperReader.prose(lines.get(end).text()) || note(lines.get(end).text()))) {
                    break;
                }
                seen |= numbers;
                end++;
            }
            if (!seen) {
                continue;
            }
            StringBuilder notes = new StringBuilder();
            for (int k = end; k < Math.min(lines.size(), end + 5); k++) {
                String t = lines.get(k).text();
                if (note(t)) {
                    notes.append(notes.length() == 0 ? "" : " ").append(t);
                    used[k] = true;
                }
            }
            Paper.Table t = table(console ? "" : TextPaperReader.tableNumber(m.group(1)), caption, lines.subList(first, end),
                    notes.toString(), lines.get(i).page(), rightAligned);
            if (t.rows().stream().mapToInt(r -> r.values().size()).sum() >= 3) {
                tables.add(t);
                for (int k = i; k < end; k++) {
                    used[k] = true;
                }
            }
        }
        List<Paper.Line> prose = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!used[i]) {
                prose.add(new Paper.Line(lines.get(i).page(), lines.get(i).text()));
            }
        }
        return new Paper(file, tables, prose);
    }

    /** A line of the table's notes: "Note…", "Standard errors…", "* p<0.10, …". */
    private static boolean note(String t) {
        return t.startsWith("Note") || t.contains("p<") || t.contains("p <") || t.startsWith("*")
                || t.startsWith("Standard errors");
    }

    /**
     * A caption of console output ("Summary of Balance for All Data:"): words ending in a colon, then a line of
     * words (the header), then a line that ends in numbers, with no blank line between.
     */
    static boolean consoleCaption(List<Line> lines, int i) {
        if (i + 2 >= lines.size() || !lines.get(i).text().endsWith(":") || !values(lines.get(i)).isEmpty()) {
            return false;
        }
        Line h = lines.get(i + 1);
        Line d = lines.get(i + 2);
        return h.y() - lines.get(i).y() <= 1.5 && d.y() - h.y() <= 1.5 && values(h).isEmpty()
                && h.words().size() >= 2 && values(d).size() >= 2;
    }

    /**
     * A caption's line continues it when it follows the line above at the caption's line spacing, at most 1.7 font
     * sizes (a table's header is set further below: the caption's skip and a rule), and starts where the caption
     * starts (a wrapped paragraph), where its title starts (a hanging caption) or is centred under it (a centred
     * caption).
     */
    private static boolean wrapsUnder(Line caption, Line above, Line next) {
        if (next.y() - above.y() > 1.7 * em(caption)) {
            return false;
        }
        List<Word> cw = caption.words();
        List<Word> nw = next.words();
        Word title = cw.get(Math.min(2, cw.size() - 1));
        double x = nw.get(0).x0();
        double tol = 0.25 * charWidth(title);
        double centre = (cw.get(0).x0() + cw.get(cw.size() - 1).x1()) / 2;
        return Math.abs(x - cw.get(0).x0()) <= tol || Math.abs(x - title.x0()) <= tol
                || Math.abs((x + nw.get(nw.size() - 1).x1()) / 2 - centre) <= tol;
    }

    /**
     * How far right of the labels' left edge a line starts to be indented: 4 characters in console text, 0.45 font
     * sizes in a PDF (4pt at 9pt; an indent, \quad, is a font size).
     */
    private static double indent(Line l, boolean console) {
        return console || l.size() <= 0 ? 4 : 0.45 * l.size();
    }

    /** A line's font size, the unit of vertical gaps; unknown (0) counts as no limit. */
    private static double em(Line l) {
        return l.size() > 0 ? l.size() : Double.POSITIVE_INFINITY;
    }

    private static double width(Line l) {
        return l.words().isEmpty() ? 0 : l.words().get(l.words().size() - 1).x1() - l.words().get(0).x0();
    }

    /** The trailing run of numbers of a line (with the star words that follow a number joined to it). */
    static List<Word> values(Line line) {
        List<Word> ws = joinStars(line.words());
        int k = ws.size();
        while (k > 0 && (TextPaperReader.number(ws.get(k - 1).text()).isPresent() || empty(ws.get(k - 1)))) {
            k--;
        }
        while (k < ws.size() && empty(ws.get(k))) {
            k++;
        }
        List<Word> out = new ArrayList<>();
        for (Word w : ws.subList(k, ws.size())) {
            if (!empty(w)) {
                out.add(w);
            }
        }
        return out;
    }

    /** An empty cell printed as ".", "-", "–" or "NA" (R prints "." for a variance ratio it does not compute). */
    private static boolean empty(Word w) {
        return w.text().equals(".") || w.text().equals("-") || w.text().equals("–") || w.text().equals("NA");
    }

    /** Joins stars set apart from their number ("0.498 **"; in a PDF often the math asterisk "∗", U+2217) to it. */
    static List<Word> joinStars(List<Word> words) {
        List<Word> out = new ArrayList<>();
        for (Word w : words) {
            if (!out.isEmpty() && w.text().matches("[*\u2217]{1,3}")
                    && TextPaperReader.number(out.get(out.size() - 1).text()).isPresent()) {
                Word prev = out.remove(out.size() - 1);
                out.add(new Word(prev.text() + w.text(), prev.x0(), w.x1()));
            } else {
                out.add(w);
            }
        }
        return out;
    }

    private static Paper.Table table(String number, String caption, List<Line> body, String notes, int page,
            boolean rightAligned) {
        List<double[]> columns = new ArrayList<>();
        for (Line l : body) {
            List<Word> ws = joinStars(l.words());
            for (Word w : values(l)) {
                int i = ws.indexOf(w);
                // a number a space after a label word (less than 0.6 font sizes) ends that label: "Income in 2010"
                boolean glued = i > 0 && !empty(ws.get(i - 1)) && TextPaperReader.number(ws.get(i - 1).text()).isEmpty()
                        && w.x0() - ws.get(i - 1).x1() < 0.6 * l.size();
                columns.add(new double[] {w.x0(), w.x1(), glued ? 0 : 1});
            }
        }
        columns.sort(Comparator.comparingDouble(a -> a[0]));
        List<double[]> all = new ArrayList<>();
        for (double[] c : columns) {
            double[] last = all.isEmpty() ? null : all.get(all.size() - 1);
            if (last != null && c[0] <= last[1]) {
                last[1] = Math.max(last[1], c[1]);
                last[2] += c[2];
            } else {
                all.add(new double[] {c[0], c[1], c[2]});
            }
        }
        // numbers where other rows print label words close a label ("… 13, 16", "at 2010"): not a column; nor are
        // numbers that all end a label
        List<Word> labelWords = new ArrayList<>();
        for (Line l : body) {
            List<Word> vals = values(l);
            if (!vals.isEmpty()) {
                joinStars(l.words()).stream().filter(w -> !vals.contains(w) && !empty(w)).forEach(labelWords::add);
            }
        }
        List<double[]> clusters = all.stream().filter(c -> c[2] > 0 && labelWords.stream().noneMatch(w -> w.x0() <= c[1]
                && w.x1() >= c[0])).toList();
        double[] bounds = new double[clusters.size() + 1];
        bounds[0] = clusters.isEmpty() ? Double.MAX_VALUE : clusters.get(0)[0] - 1;
        for (int k = 1; k < clusters.size(); k++) {
            bounds[k] = (clusters.get(k - 1)[1] + clusters.get(k)[0]) / 2;
        }
        bounds[clusters.size()] = Double.MAX_VALUE;
        String[] header = new String[clusters.size() + 1];
        java.util.Arrays.fill(header, "");
        double left = Double.MAX_VALUE;
        for (Line l : body) {
            if (!values(l).isEmpty() && !l.words().isEmpty()) {
                left = Math.min(left, l.words().get(0).x0());
            }
        }
        List<Paper.Row> rows = new ArrayList<>();
        boolean data = false;
        for (Line l : body) {
            List<Word> vals = new ArrayList<>(values(l));
            while (!vals.isEmpty() && !inside(clusters, vals.get(0))) {
                vals.remove(0);
            }
            List<Word> words = joinStars(l.words());
            List<Word> text = new ArrayList<>();
            for (Word w : words) {
                if (!vals.contains(w) && !(empty(w) && !vals.isEmpty() && w.x0() > vals.get(0).x0())) {
                    text.add(w);
                }
            }
            if (vals.isEmpty()) {
                boolean group = !text.isEmpty() && text.get(0).x0() <= left + indent(l, rightAligned)
                        && (data || text.get(0).text().endsWith(":"));
                if (group) {
                    rows.add(new Paper.Row(String.join(" ", text.stream().map(Word::text).toList()), List.of(),
                            page));
                } else if (!data && rightAligned) {
                    for (Word w : text) {
                        int c = columnEnding(clusters, w.x1());
                        header[c] = (header[c] + " " + w.text()).strip();
                    }
                } else if (!data) {
                    for (List<Word> phrase : phrases(text)) {
                        String p = String.join(" ", phrase.stream().map(Word::text).toList());
                        for (int c : under(clusters, bounds, phrase.get(0).x0(), phrase.get(phrase.size() - 1).x1())) {
                            header[c] = (header[c] + " " + p).strip();
                        }
                    }
                }
                continue;
            }
            data = true;
            String label = String.join(" ", text.stream().map(Word::text).toList());
            int letters = label.replaceAll("[^\\p{L}]", "").length();
            Paper.Row prev = rows.isEmpty() ? null : rows.get(rows.size() - 1);
            boolean indented = text.isEmpty() || text.get(0).x0() > left + indent(l, rightAligned);
            boolean continuation = prev != null && !prev.values().isEmpty() && letters < 3 && indented;
            int sub = continuation ? prev.values().stream().mapToInt(Paper.Value::subrow).max().orElse(0) + 1 : 0;
            List<Paper.Value> values = new ArrayList<>(continuation ? prev.values() : List.of());
            for (Word w : vals) {
                Optional<Paper.Value> v = TextPaperReader.number(w.text(), column(bounds, w.centre()), sub, page);
                v.ifPresent(values::add);
            }
            if (continuation) {
                rows.set(rows.size() - 1, new Paper.Row(prev.label(), values, prev.line()));
            } else {
                rows.add(new Paper.Row(label, values, page));
            }
        }
        List<String> cols = List.of(header);
        return new Paper.Table(number, caption, String.join(" ", cols).strip(), cols, rows, notes, page, "");
    }

    /**
     * A header line's phrases: words closer than the width of one of their characters (a space) belong together
     * ("Vul1 ($1.90 line)"); columns are set further apart than that.
     */
    static List<List<Word>> phrases(List<Word> words) {
        List<List<Word>> out = new ArrayList<>();
        for (Word w : words) {
            List<Word> last = out.isEmpty() ? null : out.get(out.size() - 1);
            Word prev = last == null ? null : last.get(last.size() - 1);
            if (prev != null && w.x0() - prev.x1() <= Math.min(charWidth(prev), charWidth(w))) {
                last.add(w);
            } else {
                out.add(new ArrayList<>(List.of(w)));
            }
        }
        return out;
    }

    private static double charWidth(Word w) {
        return (w.x1() - w.x0()) / Math.max(1, w.text().length());
    }

    /**
     * The columns a header phrase from x0 to x1 stands over: every column of numbers it overlaps (a header set across
     * two columns, \multicolumn, names both, as the LaTeX reader repeats it), else the column under its centre.
     */
    private static List<Integer> under(List<double[]> clusters, double[] bounds, double x0, double x1) {
        List<Integer> out = new ArrayList<>();
        for (int k = 0; k < clusters.size(); k++) {
            if (x0 <= clusters.get(k)[1] && x1 >= clusters.get(k)[0]) {
                out.add(k + 1);
            }
        }
        return out.isEmpty() ? List.of(column(bounds, (x0 + x1) / 2)) : out;
    }

    /** The first column whose numbers end at or after {@code x1} (header text right-aligned over its numbers). */
    private static int columnEnding(List<double[]> clusters, double x1) {
        for (int k = 0; k < clusters.size(); k++) {
            if (clusters.get(k)[1] >= x1 - 0.5) {
                return x1 <= clusters.get(k)[0] - 1 && k == 0 && x1 < clusters.get(0)[0] - 8 ? 0 : k + 1;
            }
        }
        return clusters.size();
    }

    private static boolean inside(List<double[]> clusters, Word w) {
        for (double[] c : clusters) {
            if (w.x0() <= c[1] && w.x1() >= c[0]) {
                return true;
            }
        }
        return false;
    }

    /** The column of a position: 0 left of the first column of numbers, k for the k-th. */
    private static int column(double[] bounds, double x) {
        if (x < bounds[0]) {
            return 0;
        }
        for (int k = 1; k < bounds.length; k++) {
            if (x < bounds[k]) {
                return k;
            }
        }
        return bounds.length - 1;
    }
}
