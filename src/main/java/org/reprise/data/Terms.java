package org.reprise.data;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reprise.UserError;

/**
 * Parser for model terms in Stata's factor-variable notation (docs/data.md):
 * {@code age}, {@code c.age}, {@code i.race}, {@code ib3.race}, {@code ib(last).race}, {@code ibn.race},
 * {@code 2.race}, {@code c.age#c.age}, {@code i.race#c.age}, {@code a##b}. Several terms may share one string,
 * separated by spaces.
 */
final class Terms {
    enum Kind { CONTINUOUS, FACTOR, LEVEL }

    /** How the base level of a factor is chosen. */
    enum BaseRule { LOWEST, VALUE, FIRST, LAST, FREQ, NONE }

    /** One variable in a term. {@code level} is the base value (FACTOR, VALUE rule) or the level (LEVEL). */
    record Part(String var, Kind kind, BaseRule base, String level) {
        String key() {
            return var + (kind == Kind.CONTINUOUS ? ":c" : ":i");
        }
    }

    /** A product of parts; a single part is a main effect. */
    record Term(List<Part> parts) {
    }

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern PREFIXED = Pattern.compile("([^.]+)\\.([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern IB = Pattern.compile("ib(?:(\\d+)|\\(([^)]+)\\))");

    private Terms() {
    }

    static List<Term> parse(Dataset d, List<String> specs) {
        List<Term> out = new ArrayList<>();
        for (String spec : specs) {
            if (spec == null) {
                continue;
            }
            for (String t : spec.trim().split("\\s+")) {
                if (!t.isEmpty()) {
                    out.addAll(parseTerm(d, t));
                }
            }
        }
        return out;
    }

    private static List<Term> parseTerm(Dataset d, String text) {
        if (text.contains("##")) {
            String[] pieces = text.split("##", -1);
            List<List<Part>> groups = new ArrayList<>();
            for (String p : pieces) {
                groups.add(parseProduct(d, p, text));
            }
            List<Term> out = new ArrayList<>();
            int k = groups.size();
            for (int size = 1; size <= k; size++) {
                for (int mask = 1; mask < (1 << k); mask++) {
                    if (Integer.bitCount(mask) != size) {
                        continue;
                    }
                    List<Part> parts = new ArrayList<>();
                    for (int g = 0; g < k; g++) {
                        if ((mask & (1 << g)) != 0) {
                            parts.addAll(groups.get(g));
                        }
                    }
                    out.add(check(new Term(parts), text));
                }
            }
            return out; // Stata's order: a b c a#b a#c b#c a#b#c (by size, then position)
        }
        return List.of(check(new Term(parseProduct(d, text, text)), text));
    }

    private static Term check(Term t, String text) {
        for (int i = 0; i < t.parts().size(); i++) {
            for (int j = i + 1; j < t.parts().size(); j++) {
                Part a = t.parts().get(i);
                Part b = t.parts().get(j);
                if (a.var().equals(b.var()) && (a.kind() != Kind.CONTINUOUS || b.kind() != Kind.CONTINUOUS)) {
                    throw new UserError("model term '" + text + "': " + a.var() + " is interacted with itself as a "
                            + "factor. Interact a factor with other variables, or write c." + a.var() + "#c."
                            + a.var() + " for a square.");
                }
            }
        }
        return t;
    }

    private static List<Part> parseProduct(Dataset d, String text, String whole) {
        List<Part> parts = new ArrayList<>();
        for (String f : text.split("#", -1)) {
            parts.add(parsePart(d, f, whole));
        }
        return parts;
    }

    private static Part parsePart(Dataset d, String f, String whole) {
        String where = "model term '" + whole + "'";
        if (NAME.matcher(f).matches()) {
            Column c = column(d, f, where);
            if (c instanceof CategoricalColumn cc && TextCells.looksNumeric(cc)) {
                throw new UserError(where + ": '" + f + "' looks numeric but was read as text because of "
                        + TextCells.firstNonNumber(cc, d.source()) + ", so it would enter the model as a factor with "
                        + cc.levels().size() + " levels. Fix those cells or declare them missing (data: missing:"
                        + " [...]); write i." + f + " if it really is a category.");
            }
            return c instanceof CategoricalColumn ? new Part(f, Kind.FACTOR, BaseRule.LOWEST, null)
                    : new Part(f, Kind.CONTINUOUS, null, null);
        }
        Matcher m = PREFIXED.matcher(f);
        if (!m.matches()) {
            throw new UserError(where + ": cannot read '" + f + "'. Terms are variable names with optional "
                    + "prefixes and interactions, e.g. age, i.race, ib3.race, 2.race, c.age#c.age, i.race#c.age, "
                    + "a##b.");
        }
        String op = m.group(1);
        String var = m.group(2);
        Column c = column(d, var, where);
        switch (op) {
            case "c":
                if (c instanceof CategoricalColumn) {
                    throw new UserError(where + ": c." + var + " asks for a continuous variable but " + var
                            + " holds text categories. Use i." + var + ", or derive a numeric variable.");
                }
                return new Part(var, Kind.CONTINUOUS, null, null);
            case "i":
                return new Part(var, Kind.FACTOR, BaseRule.LOWEST, null);
            case "ibn":
                return new Part(var, Kind.FACTOR, BaseRule.NONE, null);
            default:
                break;
        }
        Matcher ib = IB.matcher(op);
        if (ib.matches()) {
            if (ib.group(1) != null) {
                return new Part(var, Kind.FACTOR, BaseRule.VALUE, ib.group(1));
            }
            String arg = ib.group(2).trim();
            switch (arg) {
                case "first":
                    return new Part(var, Kind.FACTOR, BaseRule.FIRST, null);
                case "last":
                    return new Part(var, Kind.FACTOR, BaseRule.LAST, null);
                case "freq":
                    return new Part(var, Kind.FACTOR, BaseRule.FREQ, null);
                default:
                    return new Part(var, Kind.FACTOR, BaseRule.VALUE, arg);
            }
        }
        if (op.matches("\\d+")) {
            return new Part(var, Kind.LEVEL, null, op);
        }
        if (c instanceof CategoricalColumn cc && cc.levels().contains(op)) {
            return new Part(var, Kind.LEVEL, null, op);
        }
        throw new UserError(where + ": '" + op + ".' is not a supported prefix. Use i. (factor), c. (continuous), "
                + "ib#. or ib(first|last|freq). (base level), ibn. (no base) or #. (one level); time-series "
                + "operators (L., D., F.) are not supported: create lags with a derived variable.");
    }

    private static Column column(Dataset d, String var, String where) {
        if (!d.has(var)) {
            throw new UserError(where + ": there is no variable '" + var + "' in " + d.source() + "."
                    + Names.suggest(var, d.names()));
        }
        return d.column(var);
    }
}
