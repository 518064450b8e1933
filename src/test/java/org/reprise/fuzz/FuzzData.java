package org.reprise.fuzz;

import java.util.List;
import org.reprise.data.CategoricalColumn;
import org.reprise.data.Dataset;
import org.reprise.data.NumericColumn;

/**
 * The small dataset expressions and model terms are fuzzed against: numbers with missing values, negative and
 * fractional values, huge values, a whole-number factor and a text factor with a missing label.
 */
final class FuzzData {
    static final double NA = Double.NaN;

    /** Column names, for generators. */
    static final List<String> NAMES = List.of("y", "x", "age", "wage", "income", "race", "region", "w", "firm",
            "year", "big", "frac");

    private FuzzData() {
    }

    static Dataset dataset() {
        return new Dataset("fuzz.csv", 8, List.of(
                num("y", 1.5, 2.25, -0.5, 3, NA, 0, 7, 1),
                num("x", 0, 1, 0, 1, 1, 0, 1, 0),
                num("age", 34, 35, 51, 52, NA, 18, 70, 29),
                num("wage", 10, 12.5, 0, 30, 8, NA, 55, 9),
                num("income", 1000, 1200, NA, 800, 950, -5, 0, 1e6),
                num("race", 1, 2, 3, 1, 2, 3, 1, NA),
                new CategoricalColumn("region", new int[] {0, 0, 2, 2, 1, -1, 0, 1}, List.of("east", "north", "west")),
                num("w", 1, 2, 1, 2, 1, 0, 3, 1),
                num("firm", 1, 1, 2, 2, 3, 3, 4, 4),
                num("year", 2001, 2002, 2001, 2002, 2001, 2002, 2001, 2002),
                num("big", 1e300, -1e300, 1e308, 4.9e-324, 0, 1, 2, 3),
                num("frac", 0.5, 1, 2, -1, 3, 1e16, 2, 1)));
    }

    private static NumericColumn num(String name, double... v) {
        return new NumericColumn(name, v);
    }
}
