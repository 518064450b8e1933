package org.reprise.verify;

/**
 * The verdict on one published number.
 *
 * @param number   the published number
 * @param status   reproduced, differs or missing
 * @param computed the computed value rounded to the published decimals ("" when missing)
 * @param raw      the computed value at full precision (NaN when missing)
 * @param reason   why it is missing ("" otherwise)
 */
public record Check(PublishedNumber number, Status status, String computed, double raw, String reason) {
    /** The three outcomes. */
    public enum Status {
        REPRODUCED("reproduced"), DIFFERS("differs"), MISSING("missing");

        private final String word;

        Status(String word) {
            this.word = word;
        }

        /** The lower-case word printed in reports. */
        public String word() {
            return word;
        }
    }
}
