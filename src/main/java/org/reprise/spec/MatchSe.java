package org.reprise.spec;

import com.fasterxml.jackson.annotation.JsonCreator;

/** Standard errors of matching estimates: psmatch2's analytic SE (treats the score as known), Abadie-Imbens (2006) for nearest neighbour, or the bootstrap with the score re-estimated in each replicate. */
public enum MatchSe implements Keyword {
    ANALYTIC("analytic"), AI("ai"), BOOTSTRAP("bootstrap");

    private final String word;

    MatchSe(String word) {
        this.word = word;
    }

    @Override
    public String word() {
        return word;
    }

    @JsonCreator
    public static MatchSe of(String text) {
        return Keyword.parse(MatchSe.class, text, "matching standard error");
    }
}
