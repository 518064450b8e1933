package org.reprise.data;

import java.util.Arrays;
import org.reprise.UserError;

/** A declared panel ({@code panel: {id, time}}): both columns exist and each (id, time) pair occurs once. */
public final class PanelCheck {
    private PanelCheck() {
    }

    /** Throws a UserError naming the variable, or the two data rows that share an (id, time) pair. */
    public static void check(Dataset d, String id, String time) {
        for (String v : new String[] {id, time}) {
            if (!d.has(v)) {
                throw new UserError("the panel " + (v.equals(id) ? "unit" : "time") + " variable '" + v
                        + "' is not a column of " + d.source() + "." + Names.suggest(v, d.names()));
            }
        }
        Column ic = d.column(id);
        Column tc = d.column(time);
        // hash every (id, time) pair into a long, sort, and check equal neighbours exactly: 8 bytes a row
        long[] h = new long[d.rows()];
        for (int r = 0; r < h.length; r++) {
            h[r] = ic.isMissing(r) || tc.isMissing(r) ? r : mix(mix(bits(ic, r)) + bits(tc, r));
        }
        long[] sorted = h.clone();
        Arrays.sort(sorted);
        for (int k = 1; k < sorted.length; k++) {
            if (sorted[k] == sorted[k - 1]) {
                duplicate(d, id, time, ic, tc, h, sorted[k]);
            }
        }
    }

    private static void duplicate(Dataset d, String id, String time, Column ic, Column tc, long[] h, long key) {
        for (int a = 0; a < h.length; a++) {
            for (int b = a + 1; h[a] == key && b < h.length; b++) {
                if (h[b] == key && !ic.isMissing(a) && !tc.isMissing(a) && bits(ic, a) == bits(ic, b)
                        && bits(tc, a) == bits(tc, b)) {
                    throw new UserError("the panel has two rows for " + id + " = " + text(ic, a) + " and " + time
                            + " = " + text(tc, a) + " (data rows " + (a + 1) + " and " + (b + 1) + " of " + d.source()
                            + "); each unit may appear once per period. Remove the duplicate, or fix the `panel:`"
                            + " variables if the data are not a panel of " + id + " by " + time + ". (A difference in"
                            + " differences as Stata's diff needs no `panel:`: name the id as the `unit:` of a `did:`"
                            + " analysis, which keeps an id holding a control and a treated unit apart, as diff does.)");
                }
            }
        }
    }

    private static long bits(Column c, int r) {
        if (c instanceof CategoricalColumn cc) {
            return cc.codes()[r];
        }
        double v = ((NumericColumn) c).values()[r];
        return Double.doubleToLongBits(v == 0 ? 0.0 : v);
    }

    /** SplitMix64's finaliser. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static String text(Column c, int r) {
        if (c instanceof CategoricalColumn cc) {
            return cc.label(r);
        }
        double v = ((NumericColumn) c).values()[r];
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
