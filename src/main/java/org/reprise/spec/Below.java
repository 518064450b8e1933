package org.reprise.spec;

import com.fasterxml.jackson.annotation.JsonCreator;

/** What a regression table prints in parentheses under each estimate ({@code below:}). */
public enum Below implements Keyword {
    SE("se"), T("t"), CI("ci"), P("p");

    private final String word;

    Below(String word) {
        this.word = word;
    }

    @Override
    public String word() {
        return word;
    }

    @JsonCreator
    static Below of(String text) {
        return Keyword.parse(Below.class, text, "value for `below`");
    }
}
