package org.reprise.spec;

import java.util.List;

/**
 * Significance stars: {@code levels} strictly decreasing in (0, 1) and one symbol per level. A p-value below
 * {@code levels[i]} earns {@code symbols[i]} (the last level it is below wins). Empty lists mean no stars.
 */
public record StarsSpec(List<Double> levels, List<String> symbols) {
    /** 0.10 *, 0.05 **, 0.01 ***. */
    public static final StarsSpec DEFAULT = new StarsSpec(List.of(0.10, 0.05, 0.01), List.of("*", "**", "***"));

    public StarsSpec {
        levels = Immutable.list(levels);
        symbols = Immutable.list(symbols);
    }
}
