package org.reprise.table;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one rounding rule: half-up on the decimal value (the shortest decimal that round-trips the double,
 * so 2.675 rounds to 2.68, as a reader of the printed number expects), a fixed number of decimals,
 * and never a negative zero ("-0.000" prints as "0.000").
 */
public final class Numbers {
    private Numbers() {
    }

    /** Fixed decimals; NaN and infinities print as "" (a table never shows Inf or NaN). */
    public static String fixed(double x, int decimals) {
        if (!Double.isFinite(x)) {
            return "";
        }
        BigDecimal d = BigDecimal.valueOf(x).setScale(decimals, RoundingMode.HALF_UP);
        if (d.signum() == 0) {
            d = d.abs();
        }
        return d.toPlainString();
    }

    /** The value the printed text stands for (used by the ledger and by verify). */
    public static double rounded(double x, int decimals) {
        if (!Double.isFinite(x)) {
            return x;
        }
        return BigDecimal.valueOf(x).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }

    /** A count: no decimals, no thousands separator (as Stata's esttab). */
    public static String count(double x) {
        return fixed(x, 0);
    }
}
