package org.reprise.estimate;

import java.util.Arrays;
import org.reprise.data.CategoricalColumn;
import org.reprise.data.Column;
import org.reprise.data.NumericColumn;
import org.reprise.results.Summary;

/** summarize: n, mean, sd (n-1 denominator), min, max, median over non-missing values (two-pass mean/variance). */
public final class Describe {
    private Describe() {
    }

    public static Summary of(Column column) {
        double[] v = values(column);
        int n = 0;
        for (double x : v) {
            if (!Double.isNaN(x)) {
                v[n++] = x;
            }
        }
        if (n == 0) {
            return new Summary(column.name(), 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] w = Arrays.copyOf(v, n);
        double sum = 0;
        for (double x : w) {
            sum += x;
        }
        double mean = sum / n;
        double ss = 0;
        double comp = 0;
        for (double x : w) {
            double d = x - mean;
            ss += d * d;
            comp += d;
        }
        double sd = n > 1 ? Math.sqrt((ss - comp * comp / n) / (n - 1)) : Double.NaN;
        Arrays.sort(w);
        double median = n % 2 == 1 ? w[n / 2] : (w[n / 2 - 1] + w[n / 2]) / 2;
        return new Summary(column.name(), n, mean, sd, w[0], w[n - 1], median);
    }

    private static double[] values(Column column) {
        if (column instanceof NumericColumn nc) {
            return nc.values().clone();
        }
        CategoricalColumn cc = (CategoricalColumn) column;
        double[] v = new double[cc.size()];
        for (int i = 0; i < v.length; i++) {
            String s = cc.label(i);
            double x = Double.NaN;
            if (s != null) {
                try {
                    x = Double.parseDouble(s);
                } catch (NumberFormatException e) {
                    x = Double.NaN;
                }
            }
            v[i] = x;
        }
        return v;
    }
}
