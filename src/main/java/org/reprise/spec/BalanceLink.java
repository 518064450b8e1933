package org.reprise.spec;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * The model of the balance table's joint test ({@code balance_link:}): {@code probit} (default; pstest always
 * re-estimates a probit, whatever model built the score) or {@code score} (the score model's own link).
 */
public enum BalanceLink implements Keyword {
    PROBIT("probit"), SCORE("score");

    private final String word;

    BalanceLink(String word) {
        this.word = word;
    }

    @Override
    public String word() {
        return word;
    }

    @JsonCreator
    static BalanceLink of(String text) {
        return Keyword.parse(BalanceLink.class, text, "balance link");
    }
}
