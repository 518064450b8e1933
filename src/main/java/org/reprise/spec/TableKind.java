package org.reprise.spec;

import com.fasterxml.jackson.annotation.JsonCreator;

/** Kind of a table ({@code type:}). */
public enum TableKind implements Keyword {
    DESCRIPTIVE("descriptive"), REGRESSION("regression"), VULNERABILITY("vulnerability"), MATCHING("matching"), BALANCE("balance"),
    PSM_DID("psm_did"), DID("did");

    private final String word;

    TableKind(String word) {
        this.word = word;
    }

    @Override
    public String word() {
        return word;
    }

    @JsonCreator
    static TableKind of(String text) {
        return Keyword.parse(TableKind.class, text, "table type");
    }
}
