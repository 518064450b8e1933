package org.reprise.spec;

import com.fasterxml.jackson.annotation.JsonCreator;

/** Estimation method of a model ({@code method:}). Add a constant to add a method. */
public enum Method implements Keyword {
    OLS("ols"), PROBIT("probit"), LOGIT("logit");

    private final String word;

    Method(String word) {
        this.word = word;
    }

    @Override
    public String word() {
        return word;
    }

    /** True for methods estimated by maximum likelihood (probit, logit). */
    public boolean isMaximumLikelihood() {
        return this != OLS;
    }

    @JsonCreator
    static Method of(String text) {
        return Keyword.parse(Method.class, text, "method");
    }
}
