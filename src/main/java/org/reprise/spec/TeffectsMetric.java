package org.reprise.spec;

import com.fasterxml.jackson.annotation.JsonCreator;

/** teffects nnmatch's {@code metric()}: mahalanobis (Stata's default), ivariance or euclidean. */
public enum TeffectsMetric implements Keyword {
    MAHALANOBIS("mahalanobis"), IVARIANCE("ivariance"), EUCLIDEAN("euclidean");

    private final String word;

    TeffectsMetric(String word) {
        this.word = word;
    }

    @Override
    public String word() {
        return word;
    }

    @JsonCreator
    static TeffectsMetric of(String text) {
        return Keyword.parse(TeffectsMetric.class, text, "teffects nnmatch metric");
    }
}
