package org.reprise.spec;

import java.util.List;

/**
 * A Yes/No row under a regression table. Exactly one of: {@code absorb} (a variable: "Yes" in the columns whose model
 * absorbs it, "No" elsewhere) or {@code values} (one text per column, in column order). After loading, absent
 * {@code absorb} is the empty string and absent {@code values} the empty list.
 */
public record Indicator(String label, String absorb, List<String> values) {
    public Indicator {
        absorb = Immutable.text(absorb);
        values = Immutable.list(values);
    }
}
