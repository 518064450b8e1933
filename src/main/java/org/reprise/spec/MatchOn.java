package org.reprise.spec;

import com.fasterxml.jackson.annotation.JsonCreator;

/** What units are matched on: the estimated probability (psmatch2's default), its log-odds, or the linear index. */
public enum MatchOn implements Keyword {
    PROBABILITY("probability"), LOGODDS("logodds"), INDEX("index");

    private final String word;

    MatchOn(String word) {
        this.word = word;
    }

    @Override
    public String word() {
        return word;
    }

    @JsonCreator
    static MatchOn of(String text) {
        return Keyword.parse(MatchOn.class, text, "score scale");
    }
}
