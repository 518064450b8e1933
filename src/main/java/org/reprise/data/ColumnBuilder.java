package org.reprise.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects one column while a file streams past, without keeping cell text.
 * Numeric mode: values go into fixed-size double chunks (no copying as the column grows; the final array is
 * assembled once). The first non-numeric value flips the column to text mode: from that row on, cells are
 * dictionary-encoded (int codes + one String per distinct value), the numeric chunks are dropped, and the rows
 * before the flip are filled in by a second pass over the file (so a level keeps its exact text, e.g. "01").
 */
final class ColumnBuilder {
    static final int CHUNK = 1 << 16;
    /** Rows per chunk of a builder for a range of rows ({@link CsvChunks}): little left unused at a range's end. */
    static final int SMALL_CHUNK = 1 << 12;

    private final int chunk;

    final String name;
    private final List<double[]> numbers = new ArrayList<>();
    /** The last chunk of numbers (the one being filled). */
    private double[] current;
    private List<int[]> codes;
    private Map<String, Integer> dictionary;
    private List<String> labels;
    private int rows;
    /** First row read in text mode; rows before it need the second pass. -1 while numeric. */
    int flipRow = -1;

    ColumnBuilder(String name, boolean text) {
        this(name, text, CHUNK);
    }

    /** A builder with chunks of {@code chunk} rows, a power of two. */
    ColumnBuilder(String name, boolean text, int chunk) {
        this.chunk = chunk;
        this.name = name;
        if (text) {
            toText();
        }
    }

    boolean isText() {
        return flipRow >= 0;
    }

    int rows() {
        return rows;
    }

    void addNumber(double v) {
        int k = rows & (chunk - 1);
        if (k == 0) {
            current = new double[chunk];
            numbers.add(current);
        }
        current[k] = v;
        rows++;
    }

    /** Adds a text cell (null = missing) in text mode. */
    void addText(String s) {
        setCode(rows, code(s));
        rows++;
    }

    /** Switches to text mode at the current row. */
    void toText() {
        flipRow = rows;
        numbers.clear();
        current = null;
        codes = new ArrayList<>();
        dictionary = new HashMap<>();
        labels = new ArrayList<>();
        for (int r = 0; r < rows; r += chunk) {
            codes.add(new int[chunk]);
        }
    }

    /** Second pass: the text of a row before the flip. */
    void setText(int row, String s) {
        setCode(row, code(s));
    }

    private int code(String s) {
        if (s == null) {
            return -1;
        }
        Integer c = dictionary.get(s);
        if (c == null) {
            c = labels.size();
            dictionary.put(s, c);
            labels.add(s);
        }
        return c;
    }

    private void setCode(int row, int code) {
        int c = row / chunk;
        while (codes.size() <= c) {
            codes.add(new int[chunk]);
        }
        codes.get(c)[row & (chunk - 1)] = code;
    }

    /** Copies the numbers (numeric mode) into dest from position at, releasing them; returns at + rows. */
    int moveNumbers(double[] dest, int at) {
        for (int c = 0; c < numbers.size(); c++) {
            int from = c * chunk;
            System.arraycopy(numbers.get(c), 0, dest, at + from, Math.min(chunk, rows - from));
            numbers.set(c, null);
        }
        return at + rows;
    }

    /** The finished column; chunks are released as they are copied. */
    Column build() {
        if (!isText()) {
            double[] v = new double[rows];
            for (int c = 0; c < numbers.size(); c++) {
                int from = c * chunk;
                System.arraycopy(numbers.get(c), 0, v, from, Math.min(chunk, rows - from));
                numbers.set(c, null);
            }
            return new NumericColumn(name, v);
        }
        List<String> levels = Levels.sorted(labels);
        int[] remap = new int[labels.size()];
        Map<String, Integer> pos = new HashMap<>();
        for (int k = 0; k < levels.size(); k++) {
            pos.put(levels.get(k), k);
        }
        for (int k = 0; k < labels.size(); k++) {
            remap[k] = pos.get(labels.get(k));
        }
        int[] v = new int[rows];
        for (int r = 0; r < rows; r++) {
            int c = codes.get(r / chunk)[r & (chunk - 1)];
            v[r] = c < 0 ? -1 : remap[c];
        }
        return new CategoricalColumn(name, v, List.copyOf(levels));
    }
}
