package org.reprise.data;

import java.util.ArrayList;
import java.util.List;

/** Small hand-made datasets for tests. */
final class TestData {
    private TestData() {
    }

    static NumericColumn num(String name, double... v) {
        return new NumericColumn(name, v);
    }

    /** Categorical column from labels (null = missing), levels sorted. */
    static CategoricalColumn cat(String name, String... labels) {
        return Levels.column(name, labels);
    }

    static Dataset of(Column... cols) {
        List<Column> list = new ArrayList<>(List.of(cols));
        return new Dataset("test.csv", cols[0].size(), list);
    }
}
