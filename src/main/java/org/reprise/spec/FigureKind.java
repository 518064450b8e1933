package org.reprise.spec;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * Kind of figure ({@code type:}): the propensity-score distributions before and after matching, a love plot of
 * standardised bias, a coefficient plot of the ATTs by method and sample, or group means by wave for DID.
 */
public enum FigureKind implements Keyword {
    SCORE("score"), LOVE("love"), COEFFICIENTS("coefficients"), GROUP_MEANS("group_means");

    private final String word;

    FigureKind(String word) {
        this.word = word;
    }

    @Override
    public String word() {
        return word;
    }

    @JsonCreator
    static FigureKind of(String text) {
        return Keyword.parse(FigureKind.class, text, "figure type");
    }
}
