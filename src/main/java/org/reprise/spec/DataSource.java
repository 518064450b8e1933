package org.reprise.spec;

import java.util.List;
import java.util.Map;

/**
 * One data file and how to read it. After loading: {@code name} defaults to "main"; {@code file} is relative to the
 * spec's folder (use {@link Spec#resolve(String)}); {@code panel} is null when not a panel; {@code filter} is empty
 * when absent; lists and maps are empty, never null. {@code missing} are extra missing-value codes besides empty,
 * NA and "." which are always missing.
 */
public record DataSource(String name, String file, Delimiter delimiter, Panel panel, List<String> missing,
                         List<String> categorical, Map<String, VariableMeta> variables, List<Derived> derive,
                         String filter,
                         @com.fasterxml.jackson.annotation.JsonFormat(with = com.fasterxml.jackson.annotation.JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                         List<Vulnerability> vulnerability, Map<String, Map<String, String>> valueLabels) {
    /** Name used when a source has no {@code name:}. */
    public static final String DEFAULT_NAME = "main";

    public DataSource {
        name = name == null ? DEFAULT_NAME : name;
        delimiter = delimiter == null ? Delimiter.AUTO : delimiter;
        missing = Immutable.list(missing);
        categorical = Immutable.list(categorical);
        variables = Immutable.map(variables);
        derive = Immutable.list(derive);
        filter = Immutable.text(filter);
        vulnerability = Immutable.list(vulnerability);
        valueLabels = Immutable.map(valueLabels);
    }

    /** The label of one level of a variable ({@code value_labels:}, or a Stata file's value labels), or null. */
    public String valueLabel(String column, String level) {
        Map<String, String> m = valueLabels.get(column);
        return m == null ? null : m.get(level);
    }

    /**
     * The same source with labels read from the data file (a Stata file's variable and value labels) added where
     * the spec gives none: the spec's own labels win.
     */
    public DataSource withFileLabels(Map<String, String> variableLabels, Map<String, Map<String, String>> levels) {
        Map<String, VariableMeta> vars = new java.util.LinkedHashMap<>(variables);
        variableLabels.forEach((col, label) -> {
            VariableMeta m = vars.getOrDefault(col, VariableMeta.NONE);
            if (m.label().isEmpty()) {
                vars.put(col, new VariableMeta(label, m.description(), m.group(), m.unit()));
            }
        });
        Map<String, Map<String, String>> vl = new java.util.LinkedHashMap<>(levels);
        vl.putAll(valueLabels);
        return new DataSource(name, file, delimiter, panel, missing, categorical, vars, derive, filter, vulnerability,
                vl);
    }

    /** Metadata of a column, {@link VariableMeta#NONE} when the spec gives none. */
    public VariableMeta variable(String column) {
        return variables.getOrDefault(column, VariableMeta.NONE);
    }

    /** The label of a column: its metadata label, or the derived variable's label, or the column name itself. */
    public String label(String column) {
        VariableMeta meta = variables.get(column);
        if (meta != null && !meta.label().isEmpty()) {
            return meta.label();
        }
        for (Derived d : derive) {
            if (d.name().equals(column) && !d.label().isEmpty()) {
                return d.label();
            }
        }
        return column;
    }

    /** True when {@code panel:} was given. */
    public boolean hasPanel() {
        return panel != null;
    }
}
