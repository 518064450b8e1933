package org.reprise.narrative;

import java.math.BigDecimal;
import org.reprise.table.Numbers;
import org.reprise.table.StarRule;

/** Small formatting rules shared by the sentence builders. */
final class Words {
    private Words() {
    }

    /** A significance level as text: 0.01 → "1%", 0.10 → "10%", 0.001 → "0.1%". */
    static String level(double level) {
        return BigDecimal.valueOf(level).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    /** The loosest level of the rule (e.g. 0.10), or NaN when it has none. */
    static double loosest(StarRule rule) {
        double max = Double.NaN;
        for (double l : rule.levels()) {
            if (Double.isNaN(max) || l > max) {
                max = l;
            }
        }
        return max;
    }

    /** The table's string without its minus sign. */
    static String magnitude(String printed) {
        return printed.startsWith("-") ? printed.substring(1) : printed;
    }

    /**
     * Percentage points from the table's string: the decimal point moved two places, so the digits are exactly the
     * table's (-0.1413 → "14.13"; decimals − 2, at least 0).
     */
    static String percentagePoints(String printed) {
        return new BigDecimal(magnitude(printed)).movePointRight(2).toPlainString();
    }

    /**
     * A p-value printed with the fewest decimals (3 to 6) at which the printed value meets the same levels as p, so the
     * reader never sees "p = 0.010" beside "significant at the 1% level". Returns null when p &lt; 0.0005: print
     * "p &lt; 0.001" instead.
     */
    static String pValue(double p, StarRule rule) {
        if (p < 0.0005) {
            return null;
        }
        for (int d = 3; d <= 6; d++) {
            if (Double.compare(rule.levelMet(Numbers.rounded(p, d)), rule.levelMet(p)) == 0) {
                return Numbers.fixed(p, d);
            }
        }
        return Numbers.fixed(p, 6);
    }

    private static final String[] SMALL = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
        "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
        "nineteen"};
    private static final String[] TENS = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
        "ninety"};

    /**
     * A count in words ("six", "twenty-three"), as a results section writes small counts; a count of 100 or more is
     * written in digits (and is then a label of the sentence, not a result).
     */
    static String count(int n) {
        if (n < 0 || n >= 100) {
            return Integer.toString(n);
        }
        if (n < 20) {
            return SMALL[n];
        }
        return TENS[n / 10] + (n % 10 == 0 ? "" : "-" + SMALL[n % 10]);
    }

    /** First letter upper case ("without controls" → "Without controls"). */
    static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /**
     * A column named by what it is, as it reads after a verb: a label that is itself a phrase ("With controls",
     * "Without controls") is lower-cased ("with controls"), with the column number after it when the table numbers its
     * columns ("with controls (column 2)"); "Full sample" reads "in the full sample"; any other label of a numbered
     * table "in column 3 (Vul2)", of an unnumbered one (the samples of a matching table) "in the East subsample";
     * no label, "in column 3".
     */
    static String phrase(String label, String columnWord) {
        return phrase(label, columnWord, true);
    }

    /** As {@link #phrase(String, String)}; without {@code cite}, a label that names its column needs no number. */
    static String phrase(String label, String columnWord, boolean cite) {
        String l = label == null ? "" : label.strip();
        String lower = l.toLowerCase(java.util.Locale.ROOT);
        String number = columnWord.isEmpty() || !cite ? "" : " (" + columnWord + ")";
        for (String p : new String[] {"with ", "without ", "excluding ", "including ", "controlling ", "adding ",
            "dropping "}) {
            if (lower.startsWith(p)) {
                return Character.toLowerCase(l.charAt(0)) + l.substring(1) + number;
            }
        }
        if (lower.equals("full sample") || lower.equals("all") || lower.equals("whole sample")) {
            return "in the full sample" + number;
        }
        if (l.isEmpty()) {
            return columnWord.isEmpty() ? "in this column" : "in " + columnWord;
        }
        return columnWord.isEmpty() ? "in the " + l + " subsample" : "in " + columnWord + " (" + l + ")";
    }
}
