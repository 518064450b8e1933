package org.reprise.verify;

import org.reprise.ledger.Printed;

/**
 * One published number of manuscript.yaml.
 *
 * @param ref       where in results.json the number should come from, e.g. estimates/did2/terms/PxT/estimate
 * @param published the number as the paper prints it, e.g. "-0.1697"
 * @param value     its decimal value and precision (the decimals written)
 * @param where     where the paper prints it, e.g. "Table 2, col (2), P×T" ("" when not given)
 * @param line      its line in manuscript.yaml
 */
public record PublishedNumber(String ref, String published, Printed value, String where, int line) {
}
