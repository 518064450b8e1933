package org.reprise.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.reprise.data.CategoricalColumn;
import org.reprise.data.Column;
import org.reprise.data.Dataset;
import org.reprise.data.NumericColumn;

/** Splits a model frame's rows by the value of a variable (`by:`), in sorted value order; missing values left out. */
final class Groups {
    private Groups() {
    }

    /**
     * @param rows frame rows (indices into d)
     * @return value (integers without decimals) → positions into {@code rows}
     */
    static Map<String, int[]> byValue(Dataset d, String by, int[] rows) {
        Column c = d.column(by);
        TreeMap<String, List<Integer>> groups = new TreeMap<>();
        for (int i = 0; i < rows.length; i++) {
            String key;
            if (c instanceof NumericColumn nc) {
                double v = nc.values()[rows[i]];
                if (Double.isNaN(v)) {
                    continue;
                }
                key = v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
            } else {
                key = ((CategoricalColumn) c).label(rows[i]);
                if (key == null) {
                    continue;
                }
            }
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
        }
        Map<String, int[]> out = new LinkedHashMap<>();
        groups.forEach((k, v) -> out.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        return out;
    }

    /** Positions 0..n-1. */
    static int[] all(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return out;
    }
}
