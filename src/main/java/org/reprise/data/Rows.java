package org.reprise.data;

import java.util.ArrayList;
import java.util.List;

/** Row subsets of a dataset. */
final class Rows {
    private Rows() {
    }

    /** A new dataset holding the given rows (indices into {@code d}, in this order); categories keep all levels. */
    static Dataset subset(Dataset d, int[] rows) {
        List<Column> cols = new ArrayList<>();
        for (Column c : d.columns()) {
            if (c instanceof NumericColumn nc) {
                double[] v = new double[rows.length];
                double[] src = nc.values();
                for (int i = 0; i < rows.length; i++) {
                    v[i] = src[rows[i]];
                }
                cols.add(new NumericColumn(nc.name(), v));
            } else {
                CategoricalColumn cc = (CategoricalColumn) c;
                int[] v = new int[rows.length];
                int[] src = cc.codes();
                for (int i = 0; i < rows.length; i++) {
                    v[i] = src[rows[i]];
                }
                cols.add(new CategoricalColumn(cc.name(), v, cc.levels()));
            }
        }
        return new Dataset(d.source(), rows.length, cols);
    }
}
