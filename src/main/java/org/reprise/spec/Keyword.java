package org.reprise.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An enum whose constants are written in analysis.yaml as fixed words ({@code ols}, {@code hc1}, ...).
 * To add a choice, add a constant: parsing, suggestions and the list of valid words follow.
 */
public interface Keyword {
    /** The word as written in analysis.yaml. */
    String word();

    /** Other accepted spellings (none by default). */
    default List<String> aliases() {
        return List.of();
    }

    /** The constant written {@code text}; otherwise a problem naming the valid words and the nearest one. */
    static <E extends Enum<E> & Keyword> E parse(Class<E> type, String text, String key) {
        String t = text == null ? "" : text.trim();
        for (E e : type.getEnumConstants()) {
            if (e.word().equals(t) || e.word().equalsIgnoreCase(t) || e.aliases().contains(t.toLowerCase(Locale.ROOT))) {
                return e;
            }
        }
        List<String> words = words(type);
        String shown = t.length() > 60 ? t.substring(0, 57) + "..." : t;
        throw new SpecProblem("`" + shown + "` is not a valid " + key + "." + Suggest.didYouMean(t, words)
                + " Write one of: " + String.join(", ", words) + ".");
    }

    /** The valid words of {@code type}, in declaration order. */
    static <E extends Enum<E> & Keyword> List<String> words(Class<E> type) {
        List<String> words = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            words.add(e.word());
        }
        return words;
    }
}
