package org.reprise.spec;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * Descriptive metadata of one data column: a label for tables, a longer description, and the group it is listed
 * under in descriptive tables, and the outcome's unit for generated text ({@code probability}, {@code log},
 * {@code level} or {@code level yuan}). Absent parts are empty strings. Short form in YAML: {@code age: "Age"} (label only).
 */
public record VariableMeta(String label, String description, String group, String unit) {
    /** No metadata at all. */
    public static final VariableMeta NONE = new VariableMeta("", "", "", "");

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public VariableMeta {
        label = Immutable.text(label);
        description = Immutable.text(description);
        group = Immutable.text(group);
        unit = Immutable.text(unit);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static VariableMeta ofLabel(String label) {
        return new VariableMeta(label, "", "", "");
    }
}
