package org.reprise.verify;

/**
 * The verdict on one published number.
 *
 * @param number   the published number
 * @param status   reproduced, last digit, close, differs, unmatched (a manuscript's number aligned to no ref, or
 *                 only with low confidence: listed for review, not judged) or missing
 * @param computed the computed value rounded to the published decimals ("" when missing)
 * @param raw      the computed value at full precision (NaN when missing)
 * @param reason   why it is missing ("" otherwise)
 * @param relative (computed − published) / |published| at full precision (NaN when missing or published is 0)
 * @param stdError the standard error the ledger knows for this number (the term's std_error for an estimate or a
 *                 confidence bound; NaN when none)
 * @param inSe     (computed − published) / stdError (NaN when the standard error is not known)
 */
public record Check(PublishedNumber number, Status status, String computed, double raw, String reason,
        double relative, double stdError, double inSe) {

    /** A check without differences (missing numbers, hand-made checks in tests). */
    public Check(PublishedNumber number, Status status, String computed, double raw, String reason) {
        this(number, status, computed, raw, reason, Double.NaN, Double.NaN, Double.NaN);
    }

    /** The outcomes, best first. */
    public enum Status {
        REPRODUCED("reproduced", "reproduced"), LAST_DIGIT("last digit", "last_digit"), CLOSE("close", "close"),
        DIFFERS("differs", "differs"), UNMATCHED("unmatched", "unmatched"), MISSING("missing", "missing");

        private final String word;
        private final String key;

        Status(String word, String key) {
            this.word = word;
            this.key = key;
        }

        /** The lower-case words printed in reports ("last digit"). */
        public String word() {
            return word;
        }

        /** The key in verification.json and the CSS class ("last_digit"). */
        public String key() {
            return key;
        }
    }
}
