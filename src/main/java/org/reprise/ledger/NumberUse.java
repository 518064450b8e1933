package org.reprise.ledger;

/**
 * One number printed outside a table cell (a narrative sentence, a note): the text as printed, the full-precision
 * value it stands for, the decimals it was printed with, and its ref in results.json.
 */
public record NumberUse(String printed, double raw, int decimals, String ref) {
}
