package org.reprise.verify;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.reprise.ledger.Refs;
import org.reprise.results.Results;
import org.reprise.table.Numbers;

/**
 * Compares published numbers with computed results: each computed value is rounded to the decimals the published
 * number shows (half-up on the decimal value, the rule of {@link Numbers}) and the two decimals compared.
 */
public final class Verifier {
    private Verifier() {
    }

    public static Verification check(Manuscript m, Results results, String specName) {
        List<Check> checks = new ArrayList<>();
        for (PublishedNumber p : m.numbers()) {
            checks.add(check(p, results));
        }
        String file = java.nio.file.Path.of(m.file()).getFileName().toString();
        return new Verification(m.source(), specName, file, checks);
    }

    static Check check(PublishedNumber p, Results results) {
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
        BigDecimal computed = rounded(raw, decimals);
        String text = decimals >= 0 ? Numbers.fixed(raw, decimals) : computed.toPlainString();
        boolean same = computed.compareTo(p.value().value()) == 0;
        return new Check(p, same ? Check.Status.REPRODUCED : Check.Status.DIFFERS, text, raw, "");
    }

    /** The computed value as it prints at {@code decimals} decimals (negative: tens, hundreds, ...). */
    static BigDecimal rounded(double raw, int decimals) {
        return BigDecimal.valueOf(raw).setScale(decimals, RoundingMode.HALF_UP);
    }
}
