package org.reprise.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reprise.ledger.Printed;

/**
 * Reads a manuscript's tables from plain text as pdftotext writes it: table cells broken across lines, empty cells
 * gone, a page header in the middle of a table. What it relies on:
 * <ul>
 * <li>a caption is a line starting "Table N" followed by a capitalised title ("Table 2 Results of DID …"); "Table 9
 * show that" or "Table 4. According" is a reference in the text, not a caption;</li>
 * <li>a table runs from its caption to the next caption or to the first run of three lines of prose (five words or
 * more, no number of their own); "Note…" lines under it are its notes;</li>
 * <li>a row is the text before a run of numbers, and the run: numbers in parentheses are standard errors;</li>
 * <li>a number that starts a line of words ("2300 national poverty line", "3.1 Poverty …") is part of a label, and
 * a decimal split over two lines ("51.880" / "6") is joined;</li>
 * <li>a run of standard errors only, after a row with estimates but none, belongs to that row (a page header or
 * footer can sit between them, e.g. "Bingxia Xu 872").</li>
 * </ul>
 */
final class TextPaperReader {
    /** "Table 2 Results …", "Table 2: …", "Table A1: …" (an appendix table, number "A1"). */
    static final Pattern CAPTION = Pattern.compile("^\\s*Table\\s+([A-Z]{0,2}\\d{1,2})[.:]?\\s+(\\p{Lu}.*?)\\s*$");
    static final Pattern NUMBER = Pattern.compile(
            "^([(\\[])?([-+]?(?:\\d{1,3}(?:,\\d{3})+|\\d+)?(?:\\.\\d+)?)([)\\]])?((?:\\^\\{?)?\\*{1,3}\\}?)?$");
    private static final Pattern SMALL_INT = Pattern.compile("^\\d{1,2}$");

    private TextPaperReader() {
    }

    static Paper read(String file, String text) {
        String[] raw = normalise(text).split("\n", -1);
        List<Integer> captions = new ArrayList<>();
        for (int i = 0; i < raw.length; i++) {
            if (CAPTION.matcher(raw[i]).matches()) {
                captions.add(i);
            }
        }
        List<Paper.Table> tables = new ArrayList<>();
        boolean[] inTable = new boolean[raw.length];
        for (int c = 0; c < captions.size(); c++) {
            int start = captions.get(c);
            int limit = c + 1 < captions.size() ? captions.get(c + 1) : raw.length;
            int end = regionEnd(raw, start + 1, limit);
            Matcher m = CAPTION.matcher(raw[start]);
            m.matches();
            Paper.Table t = table(raw, tableNumber(m.group(1)), m.group(2).strip(), start, end);
            int numbers = t.rows().stream().mapToInt(r -> r.values().size()).sum();
            if (numbers >= 3) {
                tables.add(t);
                for (int i = start; i < end; i++) {
                    inTable[i] = true;
                }
            }
        }
        if (tables.isEmpty()) {
            return console(file, normalise(text));
        }
        List<Paper.Line> prose = new ArrayList<>();
        for (int i = 0; i < raw.length; i++) {
            if (!inTable[i] && !raw[i].isBlank()) {
                prose.add(new Paper.Line(i + 1, raw[i].strip()));
            }
        }
        return new Paper(file, tables, prose);
    }

    /**
     * Text without "Table N" captions, such as R or Stata output pasted into a document: read as laid out, with
     * the character position of each word as its horizontal position ({@link LayoutPaperReader}); knitr's "## "
     * before each output line is blanked out.
     */
    static Paper console(String file, String text) {
        String[] raw = text.split("\n", -1);
        List<LayoutPaperReader.Line> lines = new ArrayList<>();
        Pattern word = Pattern.compile("\\S+");
        for (int i = 0; i < raw.length; i++) {
            String l = raw[i].replace("\t", "    ").replaceFirst("^(\\s*)## ?", "$1   ");
            List<LayoutPaperReader.Word> ws = new ArrayList<>();
            Matcher m = word.matcher(l);
            while (m.find()) {
                ws.add(new LayoutPaperReader.Word(m.group(), m.start(), m.end()));
            }
            if (!ws.isEmpty()) {
                lines.add(new LayoutPaperReader.Line(1, i + 1, 1, ws));
            }
        }
        return LayoutPaperReader.read(file, lines, true);
    }

    /** The printed number of "Table 2" ("2") or "Table A1" ("A1"), without leading zeros in its digits. */
    static String tableNumber(String tag) {
        Matcher m = Pattern.compile("([A-Z]*)0*(\\d+)").matcher(tag);
        return m.matches() ? m.group(1) + m.group(2) : tag;
    }

    static String normalise(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n').replace('（', '(').replace('）', ')')
                .replace('\u2212', '-').replace('\u2013', '-').replace('\f', '\n').replace('\u00a0', ' ');
    }

    /** The first line after the table: the start of three consecutive lines of prose, or the limit. */
    private static int regionEnd(String[] raw, int from, int limit) {
        int run = 0;
        int runStart = -1;
        for (int i = from; i < limit; i++) {
            if (raw[i].isBlank()) {
                continue;
            }
            if (prose(raw[i])) {
                if (run == 0) {
                    runStart = i;
                }
                run++;
                if (run >= 3) {
                    return runStart;
                }
            } else {
                run = 0;
            }
        }
        return limit;
    }

    static boolean prose(String line) {
        String s = line.strip();
        if (s.startsWith("Note")) {
            return false;
        }
        String[] words = s.split("\\s+");
        if (words.length < 5 || s.length() < 30) {
            return false;
        }
        for (String w : words) {
            if (number(w).isPresent()) {
                return false;
            }
        }
        return true;
    }

    /** A cell's number: "-0.1697*", "(0.0045)", "6,124", "0.0129^{**}"; not "(1)" (a model number) or "1:4". */
    static Optional<Paper.Value> number(String token) {
        return number(token, -1, 0);
    }

    static Optional<Paper.Value> number(String token, int column, int subrow, int line) {
        return number(token, column, line).map(v -> new Paper.Value(v.text(), v.number(), v.stars(), v.paren(),
                column, subrow, line));
    }

    static Optional<Paper.Value> number(String token, int column, int line) {
        String t = token.strip().replace('\u2212', '-').replace('\u2013', '-').replace('\u2217', '*').replace('（', '(').replace('）', ')');
        Matcher m = NUMBER.matcher(t);
        if (!m.matches() || m.group(2).isEmpty() || !m.group(2).matches(".*\\d.*")) {
            return Optional.empty();
        }
        boolean open = m.group(1) != null;
        boolean close = m.group(3) != null;
        if (open != close) {
            return Optional.empty();
        }
        if (open && !m.group(2).contains(".")) {
            return Optional.empty();
        }
        Optional<Printed> p = Printed.parse(m.group(2));
        if (p.isEmpty() || p.get().value() == null) {
            return Optional.empty();
        }
        String stars = m.group(4) == null ? "" : m.group(4).replaceAll("[^*]", "");
        return Optional.of(new Paper.Value(t, p.get(), stars, open, column, -1, line));
    }

    private record Token(String text, Paper.Value value, int line) {
    }

    private static Paper.Table table(String[] raw, String number, String caption, int start, int end) {
        List<Token> tokens = new ArrayList<>();
        StringBuilder notes = new StringBuilder();
        boolean inNotes = false;
        for (int i = start + 1; i < end; i++) {
            String line = raw[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("Note") || inNotes) {
                inNotes = true;
                notes.append(notes.length() == 0 ? "" : " ").append(line);
                continue;
            }
            String[] words = line.split("\\s+");
            for (int w = 0; w < words.length; w++) {
                Optional<Paper.Value> v = number(words[w], -1, i + 1);
                if (v.isPresent() && w == 0 && words.length > 1 && number(words[1]).isEmpty()
                        && Character.isLetter(words[1].charAt(0))) {
                    v = Optional.empty();
                }
                if (v.isPresent() && w == words.length - 1 && v.get().stars().isEmpty() && !v.get().paren()
                        && v.get().number().decimals() > 0) {
                    int next = nextNonBlank(raw, i + 1, end);
                    if (next > 0 && SMALL_INT.matcher(raw[next].strip()).matches()) {
                        String joined = words[w] + raw[next].strip();
                        v = number(joined, -1, i + 1);
                        raw[next] = "";
                    }
                }
                tokens.add(new Token(words[w], v.orElse(null), i + 1));
            }
        }
        List<Paper.Row> rows = new ArrayList<>();
        StringBuilder label = new StringBuilder();
        List<Paper.Value> values = new ArrayList<>();
        int labelLine = start + 2;
        for (Token t : tokens) {
            if (t.value() != null) {
                values.add(t.value());
                continue;
            }
            if (!values.isEmpty()) {
                add(rows, label.toString(), values, labelLine);
                label.setLength(0);
                values = new ArrayList<>();
            }
            if (label.length() == 0) {
                labelLine = t.line();
            }
            label.append(label.length() == 0 ? "" : " ").append(t.text());
        }
        if (!values.isEmpty()) {
            add(rows, label.toString(), values, labelLine);
        }
        String header = rows.isEmpty() ? "" : rows.get(0).label();
        return new Paper.Table(number, caption, header, List.of(), rows, notes.toString(), start + 1, "");
    }

    /**
     * Adds a row; a run of standard errors only (after page-furniture integers, if any) goes under the previous row
     * when that row has as many estimates and no standard errors.
     */
    private static void add(List<Paper.Row> rows, String label, List<Paper.Value> values, int line) {
        int lead = 0;
        while (lead < values.size() && !values.get(lead).paren() && values.get(lead).stars().isEmpty()
                && values.get(lead).number().decimals() == 0) {
            lead++;
        }
        List<Paper.Value> rest = values.subList(lead, values.size());
        if (!rows.isEmpty() && !rest.isEmpty() && rest.stream().allMatch(Paper.Value::paren)) {
            Paper.Row prev = rows.get(rows.size() - 1);
            if (prev.errors().isEmpty() && prev.estimates().size() == rest.size()) {
                List<Paper.Value> merged = new ArrayList<>(prev.values());
                merged.addAll(rest);
                rows.set(rows.size() - 1, new Paper.Row(prev.label(), merged, prev.line()));
                if (lead > 0) {
                    rows.add(new Paper.Row(label, values.subList(0, lead), line));
                }
                return;
            }
        }
        rows.add(new Paper.Row(label, values, line));
    }

    private static int nextNonBlank(String[] raw, int from, int end) {
        for (int i = from; i < end; i++) {
            if (!raw[i].isBlank()) {
                return i;
            }
        }
        return -1;
    }
}
