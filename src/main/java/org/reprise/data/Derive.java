package org.reprise.data;

import org.reprise.UserError;

/**
 * Adds a derived variable computed row by row from an expression, e.g. {@code lwage = log(wage)},
 * {@code agesq = age^2}, {@code south = region == 'south'}, {@code grp = age < 30 ? 'young' : 'old'}.
 * Numbers and conditions (true = 1, false = 0) give a numeric column; text gives a categorical column.
 * Missing propagates; division by zero and log of non-positive numbers give missing. Syntax: docs/data.md.
 */
public final class Derive {
    private Derive() {
    }

    public static Dataset apply(Dataset d, String name, String expr) {
        String where = "derived variable '" + name + "'";
        if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new UserError(where + ": the name must start with a letter or '_' and contain only letters, "
                    + "digits and '_', e.g. log_wage.");
        }
        if (d.has(name)) {
            throw new UserError(where + ": " + d.source() + " already has a variable '" + name
                    + "'. Choose a new name for the derived variable.");
        }
        Expr e = Expr.compile(d, expr, where);
        int n = d.rows();
        double[] values = new double[n];
        String[] labels = null;
        int firstNumber = -1;
        for (int i = 0; i < n; i++) {
            Object v = e.eval(i);
            if (v instanceof String s) {
                if (labels == null) {
                    labels = new String[n];
                }
                labels[i] = s;
                values[i] = Double.NaN;
                if (firstNumber >= 0) {
                    throw mixed(e, firstNumber, i);
                }
            } else if (v == null) {
                values[i] = Double.NaN;
            } else {
                values[i] = v instanceof Boolean b ? (b ? 1 : 0) : (Double) v;
                if (labels != null && !Double.isNaN(values[i])) {
                    throw mixed(e, i, firstLabel(labels));
                }
                if (firstNumber < 0 && !Double.isNaN(values[i])) {
                    firstNumber = i;
                }
            }
        }
        if (labels != null) {
            return d.with(Levels.column(name, labels));
        }
        return d.with(new NumericColumn(name, values));
    }

    private static int firstLabel(String[] labels) {
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] != null) {
                return i;
            }
        }
        return -1;
    }

    private static UserError mixed(Expr e, int numberRow, int textRow) {
        return new UserError(e.where() + ": gives a number at data row " + (numberRow + 1) + " but text at row "
                + (textRow + 1) + ". Make both branches the same kind, e.g. x > 0 ? 'pos' : 'neg'.");
    }
}
