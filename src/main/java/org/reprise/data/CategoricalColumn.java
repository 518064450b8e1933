package org.reprise.data;

import java.util.List;

/**
 * A categorical column: integer codes into {@code levels}; -1 is missing.
 * Levels are in their sort order (numeric-aware), so the first level is the default base, as Stata's i. and R factors.
 */
public record CategoricalColumn(String name, int[] codes, List<String> levels) implements Column {
    @Override
    public int size() {
        return codes.length;
    }

    @Override
    public boolean isMissing(int row) {
        return codes[row] < 0;
    }

    public String label(int row) {
        return codes[row] < 0 ? null : levels.get(codes[row]);
    }
}
