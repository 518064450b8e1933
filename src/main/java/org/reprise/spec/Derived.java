package org.reprise.spec;

/**
 * A derived variable: {@code name} is computed from the expression {@code expr} (Commons JEXL syntax, evaluated by the
 * data layer) and may be used by later derived variables, the filter, models and tables. {@code label} may be empty.
 */
public record Derived(String name, String expr, String label) {
    public Derived {
        label = Immutable.text(label);
    }
}
