package org.reprise.spec;

import com.fasterxml.jackson.annotation.JsonCreator;

/** Stata's teffects matching estimator of a {@code teffects:} entry: psmatch (on the score) or nnmatch (on covariates). */
public enum TeffectsKind implements Keyword {
    PSMATCH("psmatch"), NNMATCH("nnmatch");

    private final String word;

    TeffectsKind(String word) {
        this.word = word;
    }

    @Override
    public String word() {
        return word;
    }

    @JsonCreator
    static TeffectsKind of(String text) {
        return Keyword.parse(TeffectsKind.class, text, "teffects estimator");
    }
}
