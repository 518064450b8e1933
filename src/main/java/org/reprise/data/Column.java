package org.reprise.data;

/** One column of a {@link Dataset}: numeric (NaN = missing) or categorical (code -1 = missing). */
public sealed interface Column permits NumericColumn, CategoricalColumn {
    String name();

    int size();

    boolean isMissing(int row);
}
