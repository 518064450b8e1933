package org.reprise.data;

import java.util.Arrays;
import org.reprise.UserError;

/**
 * Keeps the rows where a condition is true, e.g. {@code age >= 18 && region == 'east'}.
 * Rows where the condition is missing (it compares a missing value) are dropped, as R's subset() and
 * dplyr::filter() do (unlike Stata, where a missing number counts as +infinity). Syntax: docs/data.md.
 */
public final class Filter {
    private Filter() {
    }

    public static Dataset apply(Dataset d, String expr) {
        return Rows.subset(d, keep(d, expr, "filter"));
    }

    /** Indices of the rows where {@code expr} is true, in order. */
    static int[] keep(Dataset d, String expr, String where) {
        Expr e = Expr.compile(d, expr, where);
        int[] rows = new int[d.rows()];
        int n = 0;
        for (int i = 0; i < d.rows(); i++) {
            Object v = e.eval(i);
            if (isTrue(v, e)) {
                rows[n++] = i;
            }
        }
        return Arrays.copyOf(rows, n);
    }

    private static boolean isTrue(Object v, Expr e) {
        if (v == null) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Double x) {
            return !x.isNaN() && x != 0;
        }
        throw new UserError(e.where() + ": gives text ('" + v + "'), not a condition. Compare it, e.g. "
                + "region == 'east'.");
    }
}
