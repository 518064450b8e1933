package org.reprise.spec;

import com.fasterxml.jackson.annotation.JsonCreator;

/** Standard errors of a DID analysis as Stata's diff offers them: regress's default, {@code robust}, {@code cluster()}. */
public enum DidSe implements Keyword {
    OLS("ols"), ROBUST("robust"), CLUSTER("cluster");

    private final String word;

    DidSe(String word) {
        this.word = word;
    }

    @Override
    public String word() {
        return word;
    }

    @JsonCreator
    static DidSe of(String text) {
        return Keyword.parse(DidSe.class, text, "DID standard error");
    }
}
