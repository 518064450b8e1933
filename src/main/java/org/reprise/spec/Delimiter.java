package org.reprise.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.List;

/**
 * Field separator of a text data file ({@code delimiter:}). {@link #AUTO} lets the reader guess from the first lines;
 * {@link #WHITESPACE} splits on runs of spaces and tabs. Ignored for .dta files.
 */
public enum Delimiter implements Keyword {
    AUTO("auto", List.of()), COMMA(",", List.of("comma")), SEMICOLON(";", List.of("semicolon")),
    TAB("\t", List.of("tab", "\\t")), WHITESPACE("whitespace", List.of("space", "spaces"));

    private final String word;
    private final List<String> aliases;

    Delimiter(String word, List<String> aliases) {
        this.word = word;
        this.aliases = aliases;
    }

    @Override
    public String word() {
        return word;
    }

    @Override
    public List<String> aliases() {
        return aliases;
    }

    @JsonCreator
    static Delimiter of(String text) {
        if (text != null && text.equals("\t")) {
            return TAB;
        }
        if (text != null && text.equals(" ")) {
            return WHITESPACE;
        }
        for (Delimiter d : values()) {
            if (text != null && (d.word.equalsIgnoreCase(text.trim())
                    || d.aliases.contains(text.trim().toLowerCase(java.util.Locale.ROOT)))) {
                return d;
            }
        }
        throw new SpecProblem("`" + text + "` is not a valid delimiter." + Suggest.didYouMean(String.valueOf(text),
                List.of("auto", "comma", "semicolon", "tab", "whitespace"))
                + " Write one of: auto, \",\", \";\", \"\\t\" (tab) or whitespace.");
    }
}
