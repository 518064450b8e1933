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

    final String name;
    private final List<double[]> numbers = new ArrayList<>();
    private List<int[]> codes;
    private Map<String, Integer> dictionary;
    private List<String> labels;
    private int rows;
    /** First row read in text mode; rows before it need the second pass. -1 while numeric. */
    int flipRow = -1;

    ColumnBuilder(String name, boolean text) {
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
        int k = rows & (CHUNK - 1);
        if (k == 0) {
            numbers.add(new double[CHUNK]);
        }
        numbers.get(numbers.size() - 1)[k] = v;
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
        codes = new ArrayList<>();
        dictionary = new HashMap<>();
        labels = new ArrayList<>();
        for (int r = 0; r < rows; r += CHUNK) {
            codes.add(new int[CHUNK]);
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
        int chunk = row / CHUNK;
        while (codes.size() <= chunk) {
            codes.add(new int[CHUNK]);
        }
        codes.get(chunk)[row & (CHUNK - 1)] = code;
    }

    /** The finished column; chunks are released as they are copied. */
    Column build() {
        if (!isText()) {
            double[] v = new double[rows];
            for (int c = 0; c < numbers.size(); c++) {
                int from = c * CHUNK;
                System.arraycopy(numbers.get(c), 0, v, from, Math.min(CHUNK, rows - from));
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
            int c = codes.get(r / CHUNK)[r & (CHUNK - 1)];
            v[r] = c < 0 ? -1 : remap[c];
        }
        return new CategoricalColumn(name, v, List.copyOf(levels));
    }
}
