package org.reprise.data;

/**
 * The functions available in derived-variable and filter expressions (see docs/data.md).
 * Public only because the expression engine calls them by reflection; not meant for Java callers.
 * Every function returns NaN (missing) when an argument is missing.
 */
public final class ExprFunctions {
    private ExprFunctions() {
    }

    /** Natural logarithm; missing for x &lt;= 0. */
    public static double log(Object x) {
        return Math.log(num(x));
    }

    /** Natural logarithm (Stata's name). */
    public static double ln(Object x) {
        return Math.log(num(x));
    }

    public static double log10(Object x) {
        return Math.log10(num(x));
    }

    public static double exp(Object x) {
        return Math.exp(num(x));
    }

    public static double sqrt(Object x) {
        return Math.sqrt(num(x));
    }

    public static double abs(Object x) {
        return Math.abs(num(x));
    }

    /** x to the power p; {@code x^p} is rewritten to this. */
    public static double pow(Object x, Object p) {
        return Math.pow(num(x), num(p));
    }

    /** The smaller value; missing if either is missing (unlike Stata's min(), which ignores missing). */
    public static double min(Object a, Object b) {
        return Math.min(num(a), num(b));
    }

    public static double max(Object a, Object b) {
        return Math.max(num(a), num(b));
    }

    /** Rounds half away from zero, as Stata's round(x). */
    public static double round(Object x) {
        double v = num(x);
        return Math.signum(v) * Math.floor(Math.abs(v) + 0.5);
    }

    public static double floor(Object x) {
        return Math.floor(num(x));
    }

    public static double ceil(Object x) {
        return Math.ceil(num(x));
    }

    /** True when the value is missing (NaN, or a missing category). */
    public static boolean missing(Object x) {
        return x == null || (x instanceof Double d && d.isNaN()) || (x instanceof Float f && f.isNaN());
    }

    static double num(Object x) {
        if (x == null) {
            return Double.NaN;
        }
        if (x instanceof Number n) {
            return n.doubleValue();
        }
        if (x instanceof Boolean b) {
            return b ? 1 : 0;
        }
        throw new IllegalArgumentException("the text value '" + x + "' is used where a number is needed");
    }
}
