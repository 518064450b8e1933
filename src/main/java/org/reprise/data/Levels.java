package org.reprise.data;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Numeric-aware ordering of category labels: labels that are whole numbers compare as numbers
 * ("2" before "10"), numbers come before text, and text compares by runs ("grade 2" before "grade 10";
 * digit runs by value, other runs by Unicode order).
 */
final class Levels {
    private Levels() {
    }

    static final Comparator<String> ORDER = Levels::compare;

    static int compare(String a, String b) {
        double x = NumberText.parseOrNaN(a);
        double y = NumberText.parseOrNaN(b);
        boolean nx = !Double.isNaN(x);
        boolean ny = !Double.isNaN(y);
        if (nx && ny) {
            int c = Double.compare(x, y);
            return c != 0 ? c : a.compareTo(b);
        }
        if (nx != ny) {
            return nx ? -1 : 1;
        }
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int ei = i;
                while (ei < a.length() && Character.isDigit(a.charAt(ei))) {
                    ei++;
                }
                int ej = j;
                while (ej < b.length() && Character.isDigit(b.charAt(ej))) {
                    ej++;
                }
                String ra = stripZeros(a.substring(i, ei));
                String rb = stripZeros(b.substring(j, ej));
                if (ra.length() != rb.length()) {
                    return ra.length() - rb.length();
                }
                int c = ra.compareTo(rb);
                if (c != 0) {
                    return c;
                }
                i = ei;
                j = ej;
            } else {
                if (ca != cb) {
                    return Character.compare(ca, cb);
                }
                i++;
                j++;
            }
        }
        int c = (a.length() - i) - (b.length() - j);
        return c != 0 ? c : a.compareTo(b);
    }

    private static String stripZeros(String s) {
        int k = 0;
        while (k < s.length() - 1 && s.charAt(k) == '0') {
            k++;
        }
        return s.substring(k);
    }

    /** Builds a categorical column from labels (null = missing), levels sorted by {@link #ORDER}. */
    static CategoricalColumn column(String name, String[] labels) {
        Map<String, Integer> index = new HashMap<>();
        for (String s : labels) {
            if (s != null) {
                index.putIfAbsent(s, 0);
            }
        }
        List<String> levels = sorted(index.keySet());
        for (int k = 0; k < levels.size(); k++) {
            index.put(levels.get(k), k);
        }
        int[] codes = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            codes[i] = labels[i] == null ? -1 : index.get(labels[i]);
        }
        return new CategoricalColumn(name, codes, List.copyOf(levels));
    }

    static List<String> sorted(Collection<String> labels) {
        List<String> levels = new ArrayList<>(labels);
        levels.sort(ORDER);
        return levels;
    }
}
