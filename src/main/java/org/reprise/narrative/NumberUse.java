package org.reprise.narrative;

/**
 * One number printed in a sentence, for the ledger (output/numbers.csv): the text as printed, the value it stands for,
 * its decimals, and where it comes from in results.json ({@code ref}, e.g. "estimates/m1/terms/PxT/estimate";
 * several paths are joined by commas, in the order {@link Kind} describes).
 * With x the value at ref: {@code printed} equals {@code Numbers.fixed(raw, decimals)}, except for
 * {@link Kind#P_BELOW}, and {@code raw} is the kind's function of the values at ref.
 */
public record NumberUse(String printed, double raw, int decimals, String ref, Kind kind) {
    /** How {@code raw} is computed from the value(s) at {@code ref}. */
    public enum Kind {
        /** x itself, printed exactly as the table cell at ref (sign included). */
        AS_PRINTED,
        /** |x|, natural units: the table's string without its minus sign. */
        MAGNITUDE,
        /** |100·x|: the table's string with the decimal point moved two places (decimals − 2). */
        PERCENTAGE_POINTS,
        /** |100·(exp(x) − 1)|, for a log outcome. */
        PERCENT_CHANGE,
        /** z = (x1 − x2)/sqrt(s1² + s2²); ref lists estimate 1, SE 1, estimate 2, SE 2. */
        Z_DIFFERENCE,
        /** two-sided normal p-value of that z; same refs. */
        P_DIFFERENCE,
        /** the p-value is below the printed bound ("p &lt; 0.001"); raw is the p-value; same refs. */
        P_BELOW
    }

    /** A number printed as the table prints it. */
    public NumberUse(String printed, double raw, int decimals, String ref) {
        this(printed, raw, decimals, ref, Kind.AS_PRINTED);
    }
}
