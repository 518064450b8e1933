package org.reprise.data;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * How {@link DtaReader} turns value-labelled numeric variables into columns.
 *
 * @param valueLabels  true (the default): every numeric variable with a value-label set attached becomes a
 *                     {@link CategoricalColumn} whose levels are the labels; false: all numeric variables stay numeric
 * @param numeric      variables to keep numeric even though they carry value labels
 * @param categorical  numeric variables to read as categorical even without value labels (or with
 *                     {@code valueLabels} false); values without a label become their number as text
 */
public record DtaOptions(boolean valueLabels, Set<String> numeric, Set<String> categorical) {
    public DtaOptions {
        numeric = Set.copyOf(numeric);
        categorical = Set.copyOf(categorical);
    }

    /** Value labels become categorical levels. */
    public static DtaOptions defaults() {
        return new DtaOptions(true, Set.of(), Set.of());
    }

    /** Every numeric variable stays numeric; labels are still returned in {@link DtaFile#valueLabels()}. */
    public static DtaOptions noValueLabels() {
        return new DtaOptions(false, Set.of(), Set.of());
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
