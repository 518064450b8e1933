package org.reprise.figure;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.reprise.UserError;

/** Input checks shared by the figure builders; every failure is a {@link UserError} naming the figure. */
final class FigureInputs {
    private FigureInputs() {
    }

    static void notNull(String figure, String what, Object value) {
        if (value == null) {
            throw new UserError("Figure '" + figure + "': " + what + " is missing; pass a value for it.");
        }
    }

    static void sameLength(String figure, String what, int expected, double[] values, String against) {
        notNull(figure, what, values);
        if (values.length != expected) {
            throw new UserError("Figure '" + figure + "': " + what + " has " + values.length + " values but "
                    + against + " has " + expected + "; give one value per entry.");
        }
    }

    static void finite(String figure, String what, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new UserError("Figure '" + figure + "': " + what + " has a missing or infinite value at "
                        + "position " + (i + 1) + "; drop that observation or fix the value before plotting.");
            }
        }
    }

    static void labels(String figure, String what, List<String> labels) {
        notNull(figure, what, labels);
        if (labels.isEmpty()) {
            throw new UserError("Figure '" + figure + "': " + what + " is empty; give at least one.");
        }
        Set<String> seen = new HashSet<>();
        for (String label : labels) {
            if (label == null || label.isBlank()) {
                throw new UserError("Figure '" + figure + "': " + what + " contains an empty label; give every "
                        + "entry a name.");
            }
            if (!seen.add(label)) {
                throw new UserError("Figure '" + figure + "': " + what + " contains '" + label + "' twice; "
                        + "labels must be distinct.");
            }
        }
    }

    static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
