package org.reprise.spec;

import com.fasterxml.jackson.annotation.JsonCreator;

/** Matching method of a {@code methods:} entry: nearest neighbour, radius, kernel or local linear regression (psmatch2's). */
public enum MatchKind implements Keyword {
    NEAREST("nearest"), RADIUS("radius"), KERNEL("kernel"), LLR("llr");

    private final String word;

    MatchKind(String word) {
        this.word = word;
    }

    @Override
    public String word() {
        return word;
    }

    @JsonCreator
    static MatchKind of(String text) {
        return Keyword.parse(MatchKind.class, text, "matching method");
    }
}
