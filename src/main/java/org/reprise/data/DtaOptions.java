package org.reprise.data;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * How {@link DtaReader} turns value-labelled numeric variables into columns.
 *
 * @param valueLabels  which labelled numeric variables become {@link CategoricalColumn}s (default
 *                     {@link ValueLabels#WHEN_COMPLETE})
 * @param numeric      variables to keep numeric whatever their labels
 * @param categorical  numeric variables to read as categorical whatever their labels; values without a label
 *                     become their number as text
 */
public record DtaOptions(ValueLabels valueLabels, Set<String> numeric, Set<String> categorical) {
    /** When a numeric variable with an attached value-label set becomes categorical. */
    public enum ValueLabels {
        /**
         * Only when every non-missing value in the data has a label (Stata keeps labelled variables numeric; survey
         * files often label only special codes such as -8 "not applicable" on IDs, ages and incomes, which must stay
         * numbers).
         */
        WHEN_COMPLETE,
        /** Always; values without a label become their number as text (like haven's as_factor or pandas). */
        ALWAYS,
        /** Never; labels are still returned in {@link DtaFile#valueLabels()}. */
        NEVER
    }

    public DtaOptions {
        numeric = Set.copyOf(numeric);
        categorical = Set.copyOf(categorical);
    }

    /** Fully labelled variables become categorical. */
    public static DtaOptions defaults() {
        return new DtaOptions(ValueLabels.WHEN_COMPLETE, Set.of(), Set.of());
    }

    /** Every numeric variable stays numeric. */
    public static DtaOptions noValueLabels() {
        return new DtaOptions(ValueLabels.NEVER, Set.of(), Set.of());
    }

    /** Every labelled numeric variable becomes categorical. */
    public static DtaOptions allValueLabels() {
        return new DtaOptions(ValueLabels.ALWAYS, Set.of(), Set.of());
    }

    public DtaOptions withNumeric(String... variables) {
        Set<String> s = new LinkedHashSet<>(numeric);
        s.addAll(Arrays.asList(variables));
        return new DtaOptions(valueLabels, s, categorical);
    }

    public DtaOptions withCategorical(String... variables) {
        Set<String> s = new LinkedHashSet<>(categorical);
        s.addAll(Arrays.asList(variables));
        return new DtaOptions(valueLabels, numeric, s);
    }
}
