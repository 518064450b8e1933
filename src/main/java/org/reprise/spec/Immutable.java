package org.reprise.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Null-tolerant immutable copies for record constructors (null becomes empty; order is kept). */
final class Immutable {
    private Immutable() {
    }

    static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : Collections.unmodifiableList(new java.util.ArrayList<>(list));
    }

    static <K, V> Map<K, V> map(Map<K, V> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    static String text(String s) {
        return s == null ? "" : s;
    }
}
