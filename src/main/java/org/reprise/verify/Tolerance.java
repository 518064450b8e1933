package org.reprise.verify;

import java.math.BigDecimal;
import org.reprise.UserError;

/**
 * What counts as <em>close</em>: within {@code relative} of the published value (0.01 = 1%), or within one standard
 * error where the ledger knows it. And which classes still let {@code verify} exit 0.
 *
 * @param relative the relative tolerance, e.g. 0.01
 * @param accept   the worst class that still counts as a success (REPRODUCED, LAST_DIGIT or CLOSE)
 */
public record Tolerance(BigDecimal relative, Check.Status accept) {
    /** 1% relative; only reproduced numbers pass. */
    public static final Tolerance DEFAULT = new Tolerance(new BigDecimal("0.01"), Check.Status.REPRODUCED);

    public Tolerance {
        if (relative.signum() < 0) {
            throw new IllegalArgumentException("negative tolerance");
        }
        if (accept.ordinal() > Check.Status.CLOSE.ordinal()) {
            throw new IllegalArgumentException("accept " + accept);
        }
    }

    /** Reads {@code --tolerance}: "1%", "0.5%" or "0.01". */
    public static BigDecimal parseRelative(String s) {
        String t = s == null ? "" : s.strip();
        boolean percent = t.endsWith("%");
        String n = percent ? t.substring(0, t.length() - 1).strip() : t;
        BigDecimal v;
        try {
            v = new BigDecimal(n);
        } catch (NumberFormatException e) {
            throw new UserError("--tolerance " + s + ": not a number. Give the relative tolerance for `close` as a"
                    + " percentage (--tolerance 1%) or a fraction (--tolerance 0.01).");
        }
        if (percent) {
            v = v.movePointLeft(2);
        }
        if (v.signum() < 0 || v.compareTo(BigDecimal.ONE) >= 0) {
            throw new UserError("--tolerance " + s + ": the relative tolerance must be at least 0 and below 100%,"
                    + " e.g. --tolerance 1% (the default) or --tolerance 0.5%.");
        }
        return v;
    }

    /** Reads {@code --accept}: "close" or "last-digit" (also "reproduced", the default). */
    public static Check.Status parseAccept(String s) {
        String t = s == null ? "" : s.strip().toLowerCase(java.util.Locale.ROOT).replace('_', '-').replace(' ', '-');
        return switch (t) {
            case "reproduced" -> Check.Status.REPRODUCED;
            case "last-digit" -> Check.Status.LAST_DIGIT;
            case "close" -> Check.Status.CLOSE;
            default -> throw new UserError("--accept " + s + ": say which classes count as a success besides"
                    + " `reproduced`: --accept last-digit (also numbers one unit off in the last printed digit) or"
                    + " --accept close (also numbers within the tolerance).");
        };
    }

    /** Whether a number of this class counts as a success. */
    public boolean accepts(Check.Status s) {
        return s.ordinal() <= accept.ordinal();
    }

    /** "1%" for 0.01. */
    public String percent() {
        return relative.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }
}
