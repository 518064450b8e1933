package org.reprise.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
        int[] fast = keepPresent(d, expr, where);
        return fast != null ? fast : keepAll(d, expr, where);
    }

    /** {@code ... && !missing(name)} at the end of a condition, {@code name} a plain column name. */
    private static final Pattern PRESENT = Pattern.compile("\\s*&&\\s*!missing\\(\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\)\\s*$");
    private static final Pattern ONLY_PRESENT = Pattern.compile("^\\s*!missing\\(\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\)\\s*$");

    /**
     * The rows kept by a condition of the form {@code (cond) && !missing(a) && !missing(b) ...} (what matching and
     * DID build from the spec's if: and their outcomes), with the missing-value tests done on the columns directly
     * rather than through the expression engine row by row: a row is kept when cond is true and no named column is
     * missing there, which is what {@code &&} gives. Returns null (the caller evaluates the whole expression) for any
     * other form, when a name is not a plain column, and when cond gives anything but true, false or missing or
     * fails, so that every message stays the one the whole expression gives.
     */
    private static int[] keepPresent(Dataset d, String expr, String where) {
        List<Column> present = new ArrayList<>();
        String rest = expr;
        for (Matcher m = PRESENT.matcher(rest); m.find(); m = PRESENT.matcher(rest)) {
            if (!plainColumn(d, m.group(1))) {
                return null;
            }
            present.add(d.column(m.group(1)));
            rest = rest.substring(0, m.start());
        }
        Matcher only = ONLY_PRESENT.matcher(rest);
        String cond = null;
        if (only.matches()) {
            if (!plainColumn(d, only.group(1))) {
                return null;
            }
            present.add(d.column(only.group(1)));
        } else {
            String c = rest.strip();
            if (present.isEmpty() || !c.startsWith("(") || !c.endsWith(")") || !balanced(c)) {
                return null;
            }
            cond = c;
        }
        boolean[] ok = new boolean[d.rows()];
        if (cond == null) {
            Arrays.fill(ok, true);
        } else {
            try {
                Expr e = Expr.compile(d, cond, where);
                for (int i = 0; i < ok.length; i++) {
                    Object v = e.eval(i);
                    if (v != null && !(v instanceof Boolean)) {
                        return null;
                    }
                    ok[i] = v != null && (Boolean) v;
                }
            } catch (UserError e) {
                return null;
            }
        }
        for (Column c : present) {
            for (int i = 0; i < ok.length; i++) {
                if (ok[i] && missing(c, i)) {
                    ok[i] = false;
                }
            }
        }
        int[] rows = new int[ok.length];
        int n = 0;
        for (int i = 0; i < ok.length; i++) {
            if (ok[i]) {
                rows[n++] = i;
            }
        }
        return Arrays.copyOf(rows, n);
    }

    /** A column the expression engine would read under this name (not a word of the language). */
    private static boolean plainColumn(Dataset d, String name) {
        return d.has(name) && !Expr.RESERVED.contains(name) && !Expr.FUNCTIONS.contains(name);
    }

    /** missing(x) of the expression language for the column's value at row i (as the engine's row lookup gives it). */
    private static boolean missing(Column c, int i) {
        Object v = c instanceof NumericColumn nc ? (Object) nc.values()[i]
                : c instanceof CategoricalColumn cc ? cc.label(i) : null;
        return ExprFunctions.missing(v);
    }

    /** "(...)" whose first parenthesis closes at the end, outside quotes. */
    private static boolean balanced(String c) {
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < c.length(); i++) {
            char ch = c.charAt(i);
            if (quote != 0) {
                if (ch == '\\') {
                    i++;
                } else if (ch == quote) {
                    quote = 0;
                }
            } else if (ch == '\'' || ch == '"' || ch == '`') {
                quote = ch;
            } else if (ch == '(') {
                depth++;
            } else if (ch == ')' && --depth == 0 && i != c.length() - 1) {
                return false;
            }
        }
        return depth == 0 && quote == 0;
    }

    /** Every row through the expression engine. */
    private static int[] keepAll(Dataset d, String expr, String where) {
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
