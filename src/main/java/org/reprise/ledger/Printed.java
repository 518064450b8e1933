package org.reprise.ledger;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A number as a reader sees it printed: "-0.1697", ".0505957" (Stata drops the leading zero), "−0.0223" (a Unicode
 * minus), "6,124" (thousands separators), "1.2e-05", optionally with stars ("-0.1697***") or in parentheses or
 * brackets ("(0.0095)", "[0.1, 0.2]"). Its precision is the number of decimals written: "0.0670" has 4.
 *
 * @param text     the number as printed, stars and brackets removed ("-0.1697", "6,124")
 * @param value    its exact decimal value
 * @param decimals the decimals written (BigDecimal scale; negative for "1.2e3"-style numbers)
 */
public record Printed(String text, BigDecimal value, int decimals) {
    private static final Pattern GROUPED = Pattern.compile("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d*)?");
    private static final Pattern PLAIN = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    /** Reads one printed number; empty when {@code s} is not one. */
    public static Optional<Printed> parse(String s) {
        if (s == null) {
            return Optional.empty();
        }
        String t = strip(s);
        if (t.length() > 2 && (t.startsWith("(") && t.endsWith(")") || t.startsWith("[") && t.endsWith("]"))) {
            t = strip(t.substring(1, t.length() - 1));
        }
        String shown = t;
        String n = t.replace('\u2212', '-').replace('\u2013', '-');
        if (GROUPED.matcher(n).matches()) {
            n = n.replace(",", "");
        }
        if (!PLAIN.matcher(n).matches()) {
            return Optional.empty();
        }
        BigDecimal v = new BigDecimal(n.startsWith("+") ? n.substring(1) : n);
        return Optional.of(new Printed(shown, v, v.scale()));
    }

    /**
     * The numbers one table cell prints, in order: one for "0.1234***" or "(0.0123)", two for "[0.1, 0.2]"; empty
     * when the cell is text ("Yes") or blank.
     */
    public static List<Printed> inCell(String cellText) {
        List<Printed> out = new ArrayList<>();
        if (cellText == null || cellText.isBlank()) {
            return out;
        }
        String t = strip(cellText);
        if (t.startsWith("[") && t.endsWith("]") && t.contains(", ")) {
            for (String part : t.substring(1, t.length() - 1).split(", ")) {
                Optional<Printed> p = parse(part);
                if (p.isEmpty()) {
                    return List.of();
                }
                out.add(p.get());
            }
            return out;
        }
        if (t.equals("Inf") || t.equals("-Inf")) {
            return List.of(new Printed(t, null, 0));
        }
        parse(t).ifPresent(out::add);
        return out;
    }

    /** Full precision, the shortest decimal that reads back as the same double, plain notation ("" for NaN). */
    public static String plain(double x) {
        if (Double.isNaN(x)) {
            return "";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "Inf" : "-Inf";
        }
        if (x == 0) {
            return "0";
        }
        return BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
    }

    /** Trims blanks and trailing significance stars. */
    private static String strip(String s) {
        String t = s.strip();
        while (t.endsWith("*")) {
            t = t.substring(0, t.length() - 1).strip();
        }
        return t;
    }
}
