package org.reprise.spec;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * A coefficient row of a regression table: the term as the estimates name it ({@code x1}, {@code 2.region},
 * {@code c.age#c.age}, {@code _cons}) and an optional label (empty: the table layer picks one).
 * Short form in YAML: {@code x1} for {@code {term: x1}}.
 */
public record TermRow(String term, String label) {
    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public TermRow {
        label = Immutable.text(label);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static TermRow of(String term) {
        return new TermRow(term, "");
    }
}
