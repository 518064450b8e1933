package org.reprise.data;

/** A numeric column stored as a primitive array; missing values are NaN. */
public record NumericColumn(String name, double[] values) implements Column {
    @Override
    public int size() {
        return values.length;
    }

    @Override
    public boolean isMissing(int row) {
        return Double.isNaN(values[row]);
    }
}
