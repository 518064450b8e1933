package org.reprise.data;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Column builders for the .dta reader: string dictionaries and value-label conversion. */
final class DtaColumns {
    private DtaColumns() {
    }

    /** Codes strings as they are read; the empty string is missing (code -1), as Stata treats "" as missing. */
    static final class Strings {
        private final int[] codes;
        private final Map<String, Integer> index = new HashMap<>();
        private final List<String> levels = new ArrayList<>();

        Strings(int rows) {
            codes = new int[rows];
        }

        void set(int row, String s) {
            if (s == null || s.isEmpty()) {
                codes[row] = -1;
                return;
            }
            Integer code = index.get(s);
            if (code == null) {
                code = levels.size();
                index.put(s, code);
                levels.add(s);
            }
            codes[row] = code;
        }

        CategoricalColumn build(String name) {
            return sorted(name, codes, levels);
        }
    }

    /** Re-codes so that the levels are in sort order (numbers numerically and before text, text by code point). */
    static CategoricalColumn sorted(String name, int[] codes, List<String> levels) {
        int n = levels.size();
        double[] num = new double[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            num[i] = asNumber(levels.get(i));
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparing((Integer i) -> Double.isNaN(num[i]))
                .thenComparing((a, b) -> Double.isNaN(num[a]) ? levels.get(a).compareTo(levels.get(b))
                        : Double.compare(num[a], num[b]))
                .thenComparing(levels::get));
        int[] newCode = new int[n];
        List<String> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            newCode[order[k]] = k;
            out.add(levels.get(order[k]));
        }
        for (int i = 0; i < codes.length; i++) {
            if (codes[i] >= 0) {
                codes[i] = newCode[codes[i]];
            }
        }
        return new CategoricalColumn(name, codes, List.copyOf(out));
    }

    private static double asNumber(String s) {
        char c = s.charAt(0);
        if (!(c >= '0' && c <= '9') && c != '-' && c != '+' && c != '.') {
            return Double.NaN;
        }
        try {
            double d = Double.parseDouble(s);
            return Double.isFinite(d) ? d : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** True when every non-missing value has a label. */
    static boolean fullyLabelled(double[] values, Map<Double, String> labels) {
        for (double v : values) {
            if (!Double.isNaN(v) && !labels.containsKey(v + 0.0)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A numeric column as categories: one level per distinct non-missing value, in increasing order of the value;
     * the level is the value's label, or the value as text when it has none. Values sharing a label share a level.
     */
    static CategoricalColumn labelled(String name, double[] values, Map<Double, String> labels) {
        int rows = values.length;
        double[] sorted = new double[rows];
        int m = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                sorted[m++] = v + 0.0;
            }
        }
        Arrays.sort(sorted, 0, m);
        int d = 0;
        for (int i = 0; i < m; i++) {
            if (d == 0 || sorted[i] != sorted[d - 1]) {
                sorted[d++] = sorted[i];
            }
        }
        double[] distinct = Arrays.copyOf(sorted, d);
        Map<String, Integer> levelIndex = new LinkedHashMap<>();
        int[] levelOf = new int[d];
        for (int i = 0; i < d; i++) {
            String text = labels.get(distinct[i]);
            if (text == null) {
                text = numberText(distinct[i]);
            }
            Integer idx = levelIndex.get(text);
            if (idx == null) {
                idx = levelIndex.size();
                levelIndex.put(text, idx);
            }
            levelOf[i] = idx;
        }
        int[] codes = new int[rows];
        for (int i = 0; i < rows; i++) {
            double v = values[i];
            codes[i] = Double.isNaN(v) ? -1 : levelOf[Arrays.binarySearch(distinct, v + 0.0)];
        }
        return new CategoricalColumn(name, codes, List.copyOf(levelIndex.keySet()));
    }

    /** A number as Stata would show it in a level name: integers without a decimal point. */
    static String numberText(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
