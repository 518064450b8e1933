package org.reprise.spec;

import com.fasterxml.jackson.annotation.JsonCreator;

/** Kernel of kernel matching (psmatch2's kernels). */
public enum KernelKind implements Keyword {
    NORMAL("normal"), EPANECHNIKOV("epanechnikov"), BIWEIGHT("biweight"), UNIFORM("uniform"), TRICUBE("tricube");

    private final String word;

    KernelKind(String word) {
        this.word = word;
    }

    @Override
    public String word() {
        return word;
    }

    @JsonCreator
    static KernelKind of(String text) {
        return Keyword.parse(KernelKind.class, text, "kernel");
    }
}
