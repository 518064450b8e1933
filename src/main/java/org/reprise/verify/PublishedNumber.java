package org.reprise.verify;

import org.reprise.ledger.Printed;

/**
 * One published number of manuscript.yaml, or of a manuscript's table aligned to a ref.
 *
 * @param ref       where in results.json the number should come from, e.g. estimates/did2/terms/PxT/estimate
 * @param published the number as the paper prints it, e.g. "-0.1697"
 * @param value     its decimal value and precision (the decimals written)
 * @param where     where the paper prints it, e.g. "Table 2, col (2), P×T" ("" when not given)
 * @param line      its line in manuscript.yaml (or in the manuscript)
 * @param origin    the cell of the manuscript it was read from and how it was aligned; null for manuscript.yaml
 */
public record PublishedNumber(String ref, String published, Printed value, String where, int line, Origin origin) {
    public PublishedNumber(String ref, String published, Printed value, String where, int line) {
        this(ref, published, value, where, line, null);
    }

    /**
     * The manuscript cell a number was read from.
     *
     * @param table      "Table 2"
     * @param row        the row label as printed (shortened)
     * @param column     the column as printed ("" when the text does not say)
     * @param target     the regenerated cell it was aligned to ("table2 · P × T · (2) With controls"; "" when none)
     * @param confidence 0–1
     * @param reason     how it was aligned, or why it was not
     */
    public record Origin(String table, String row, String column, String target, double confidence, String reason) {
    }
}
