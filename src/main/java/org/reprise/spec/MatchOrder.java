package org.reprise.spec;

import com.fasterxml.jackson.annotation.JsonCreator;

/** Order in which treated units pick controls when matching without replacement: psmatch2's data order, a seeded random order, or MatchIt's descending score (largest). */
public enum MatchOrder implements Keyword {
    DATA("data"), RANDOM("random"), LARGEST("largest"), SMALLEST("smallest");

    private final String word;

    MatchOrder(String word) {
        this.word = word;
    }

    @Override
    public String word() {
        return word;
    }

    @JsonCreator
    static MatchOrder of(String text) {
        return Keyword.parse(MatchOrder.class, text, "matching order");
    }
}
