package org.reprise.spec;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * What VEP does with a non-positive fitted variance X_i θ̂ ({@code nonpositive:}): {@link #FLOOR} replaces it with the
 * smallest positive fitted variance in the sample; {@link #DROP} leaves the household's vulnerability missing.
 * Either way the count is reported.
 */
public enum VarianceRule implements Keyword {
    FLOOR("floor"), DROP("drop");

    private final String word;

    VarianceRule(String word) {
        this.word = word;
    }

    @Override
    public String word() {
        return word;
    }

    @JsonCreator
    static VarianceRule of(String text) {
        return Keyword.parse(VarianceRule.class, text, "rule for non-positive variances");
    }
}
