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
}
