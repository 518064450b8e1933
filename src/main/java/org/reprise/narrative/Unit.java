package org.reprise.narrative;

import java.util.Locale;
import org.reprise.UserError;

/**
 * The unit an outcome is measured in, declared per outcome by the spec; it decides how the size of an effect is worded.
 * <ul>
 *   <li>{@link Kind#PROBABILITY} (also shares and rates between 0 and 1): effects are differences of probabilities,
 *       stated in percentage points (b·100, with the table's decimals minus two): -0.1413 is
 *       "14.13 percentage points", never "14.13%".</li>
 *   <li>{@link Kind#LOG}: the outcome is a logarithm; the effect is stated as a percent change 100·(exp(b)−1).</li>
 *   <li>{@link Kind#LEVEL}: natural units, the estimate's magnitude as printed in the table, followed by the optional
 *       unit word ("yuan").</li>
 * </ul>
 * Used like an enum ({@code Unit.PROBABILITY}, {@code Unit.LOG}, {@code Unit.LEVEL});
 * {@link #level(String)} adds a word.
 */
public record Unit(Kind kind, String word) {
    /** How effects on the outcome are stated. */
    public enum Kind { PROBABILITY, LOG, LEVEL }

    public static final Unit PROBABILITY = new Unit(Kind.PROBABILITY, "");
    public static final Unit LOG = new Unit(Kind.LOG, "");
    public static final Unit LEVEL = new Unit(Kind.LEVEL, "");

    public Unit {
        if (kind == null) {
            throw new IllegalArgumentException("unit kind is null");
        }
        word = word == null ? "" : word.strip();
        if (!word.isEmpty() && kind != Kind.LEVEL) {
            throw new IllegalArgumentException("only a LEVEL unit takes a unit word, not " + kind);
        }
    }

    /** Natural units with a word printed after the number ("yuan", "hours"); "" for none. */
    public static Unit level(String word) {
        return new Unit(Kind.LEVEL, word);
    }

    /**
     * Reads a unit as the spec writes it: "probability", "share", "log", "level", or "level WORD" ("level yuan").
     * {@code where} names the key for the error message (e.g. "analysis.yaml: outcomes.Vul1.unit").
     */
    public static Unit parse(String text, String where) {
        String t = text == null ? "" : text.strip();
        String head = t.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        String rest = t.length() > head.length() ? t.substring(head.length()).strip() : "";
        switch (head) {
            case "probability", "share", "proportion", "rate":
                if (rest.isEmpty()) {
                    return PROBABILITY;
                }
                break;
            case "log":
                if (rest.isEmpty()) {
                    return LOG;
                }
                break;
            case "level":
                return level(rest);
            default:
                break;
        }
        throw new UserError(where + ": the unit \"" + t + "\" is not known. Write \"probability\" (or \"share\") for an"
                + " outcome between 0 and 1, whose effects are stated in percentage points; \"log\" for a logarithm,"
                + " whose effects are stated as percent changes; or \"level\", optionally followed by a unit word"
                + " (\"level yuan\"), for natural units.");
    }
}
