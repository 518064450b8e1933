package org.reprise.table;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Significance stars from one rule, which also writes the table note. Levels strictly decreasing,
 * a symbol per level: p below levels[i] earns symbols[i] (the last level met wins).
 * Default * p&lt;0.10, ** p&lt;0.05, *** p&lt;0.01, as the paper.
 */
public record StarRule(List<Double> levels, List<String> symbols) {
    public static final StarRule DEFAULT = new StarRule(List.of(0.10, 0.05, 0.01), List.of("*", "**", "***"));

    public StarRule {
        levels = List.copyOf(levels);
        symbols = List.copyOf(symbols);
        if (levels.size() != symbols.size()) {
            throw new IllegalArgumentException("stars: " + levels.size() + " levels but " + symbols.size() + " symbols");
        }
    }

    /** The stars p earns ("" when none, or when p is NaN). */
    public String stars(double p) {
        String s = "";
        if (Double.isNaN(p)) {
            return s;
        }
        for (int i = 0; i < levels.size(); i++) {
            if (p < levels.get(i)) {
                s = symbols.get(i);
            }
        }
        return s;
    }

    /** Below this ratio of standard error to |estimate| (|t| above 1e12) the standard error is zero to rounding. */
    public static final double ZERO_SE = 1e-12;

    /**
     * The stars of an estimate with p-value p and standard error se: none unless se is finite and positive beyond
     * rounding (se &gt; {@link #ZERO_SE}·|estimate|). A zero, infinite or missing standard error comes from a
     * degenerate model (an exact fit, no residual degrees of freedom), whose "significance" means nothing.
     */
    public String stars(double p, double se, double estimate) {
        boolean real = Double.isFinite(se) && se > 0 && se > ZERO_SE * Math.abs(estimate) && Double.isFinite(p);
        return real ? stars(p) : "";
    }

    /** The smallest level p meets (e.g. 0.05), or NaN when it meets none: what narrative text may claim. */
    public double levelMet(double p) {
        double met = Double.NaN;
        for (double level : levels) {
            if (p < level) {
                met = level;
            }
        }
        return met;
    }

    /** "* p<0.10, ** p<0.05, *** p<0.01". */
    public String note() {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < levels.size(); i++) {
            parts.add(symbols.get(i) + " p<" + plain(levels.get(i)));
        }
        return String.join(", ", parts);
    }

    static String plain(double level) {
        BigDecimal d = BigDecimal.valueOf(level);
        String s = d.toPlainString();
        // keep two decimals at least, as 0.10, 0.05
        return d.scale() < 2 ? d.setScale(2).toPlainString() : s;
    }
}
