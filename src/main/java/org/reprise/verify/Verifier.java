package org.reprise.verify;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.reprise.ledger.Refs;
import org.reprise.results.Results;
import org.reprise.table.Numbers;

/**
 * Compares published numbers with computed results. Each computed value is rounded to the decimals the published
 * number shows (half-up on the decimal value, the rule of {@link Numbers}); then, in this order:
 * <ul>
 * <li><b>reproduced</b>: the two decimals are equal;</li>
 * <li><b>last digit</b>: they differ by exactly one unit in the last printed digit;</li>
 * <li><b>close</b>: the full-precision value is within the relative tolerance of the published value, or within one
 * standard error of it where the ledger knows the standard error (a term's estimate or confidence bound);</li>
 * <li><b>differs</b>: otherwise.</li>
 * </ul>
 * All comparisons are exact decimal arithmetic on the shortest decimal of the computed double, so the boundaries
 * (exactly one unit, exactly 1%, exactly one SE) count as inside.
 */
public final class Verifier {
    private static final MathContext MC = MathContext.DECIMAL64;

    private Verifier() {
    }

    public static Verification check(Manuscript m, Results results, String specName) {
        return check(m, results, specName, Tolerance.DEFAULT);
    }

    public static Verification check(Manuscript m, Results results, String specName, Tolerance tol) {
        List<Check> checks = new ArrayList<>();
        for (PublishedNumber p : m.numbers()) {
            checks.add(check(p, results, tol));
        }
        String file = java.nio.file.Path.of(m.file()).getFileName().toString();
        return new Verification(m.source(), specName, file, checks, tol);
    }

    static Check check(PublishedNumber p, Results results) {
        return check(p, results, Tolerance.DEFAULT);
    }

    static Check check(PublishedNumber p, Results results, Tolerance tol) {
        Refs.Lookup found = Refs.lookup(results, p.ref());
        if (!found.found()) {
            return new Check(p, Check.Status.MISSING, "", Double.NaN, found.problem());
        }
        double raw = found.value();
        if (Double.isNaN(raw)) {
            return new Check(p, Check.Status.MISSING, "", raw, "results.json holds no number at " + p.ref()
                    + " (null: an omitted term, or a statistic this model does not have).");
        }
        if (Double.isInfinite(raw)) {
            return new Check(p, Check.Status.DIFFERS, raw > 0 ? "Inf" : "-Inf", raw, "");
        }
        int decimals = p.value().decimals();
        BigDecimal published = p.value().value();
        BigDecimal computed = rounded(raw, decimals);
        String text = decimals >= 0 ? Numbers.fixed(raw, decimals) : computed.toPlainString();
        BigDecimal exact = BigDecimal.valueOf(raw);
        BigDecimal gap = exact.subtract(published);
        double relative = published.signum() == 0 ? Double.NaN
                : gap.divide(published.abs(), MC).doubleValue();
        double se = stdError(results, p.ref());
        double inSe = Double.isNaN(se) || se <= 0 ? Double.NaN
                : gap.divide(BigDecimal.valueOf(se), MC).doubleValue();
        Check.Status status = status(published, computed, gap, se, tol);
        return new Check(p, status, text, raw, "", relative, se, inSe);
    }

    private static Check.Status status(BigDecimal published, BigDecimal computed, BigDecimal gap, double se,
            Tolerance tol) {
        BigDecimal off = computed.subtract(published).abs();
        if (off.signum() == 0) {
            return Check.Status.REPRODUCED;
        }
        if (off.compareTo(BigDecimal.ONE.scaleByPowerOfTen(-published.scale())) == 0) {
            return Check.Status.LAST_DIGIT;
        }
        BigDecimal size = gap.abs();
        if (size.compareTo(published.abs().multiply(tol.relative())) <= 0) {
            return Check.Status.CLOSE;
        }
        if (!Double.isNaN(se) && se > 0 && size.compareTo(BigDecimal.valueOf(se)) <= 0) {
            return Check.Status.CLOSE;
        }
        return Check.Status.DIFFERS;
    }

    /**
     * The standard error the ledger knows for the number at {@code ref}: the term's std_error for its estimate or a
     * confidence bound; NaN otherwise.
     */
    static double stdError(Results results, String ref) {
        String r = ref.strip();
        int last = r.lastIndexOf('/');
        if (!r.startsWith("estimates/") || !r.contains("/terms/") || last < 0) {
            return Double.NaN;
        }
        String field = r.substring(last + 1);
        if (!field.equals("estimate") && !field.equals("conf_low") && !field.equals("conf_high")) {
            return Double.NaN;
        }
        Refs.Lookup se = Refs.lookup(results, r.substring(0, last) + "/std_error");
        return se.found() && Double.isFinite(se.value()) ? se.value() : Double.NaN;
    }

    /** The computed value as it prints at {@code decimals} decimals (negative: tens, hundreds, ...). */
    static BigDecimal rounded(double raw, int decimals) {
        return BigDecimal.valueOf(raw).setScale(decimals, RoundingMode.HALF_UP);
    }
}
