package org.reprise.spec;

import com.fasterxml.jackson.annotation.JsonCreator;

/** A table's font size in LaTeX ({@code latex: {size: small}}); the LaTeX command is {@link #command()}. */
public enum LatexSize implements Keyword {
    NORMAL("normal", "normalsize"), SMALL("small", "small"), FOOTNOTESIZE("footnotesize", "footnotesize"),
    SCRIPTSIZE("scriptsize", "scriptsize");

    private final String word;
    private final String command;

    LatexSize(String word, String command) {
        this.word = word;
        this.command = command;
    }

    @Override
    public String word() {
        return word;
    }

    /** The size command without its backslash. */
    public String command() {
        return command;
    }

    @JsonCreator
    static LatexSize of(String text) {
        return Keyword.parse(LatexSize.class, text, "value for `latex: {size: ...}`");
    }
}
