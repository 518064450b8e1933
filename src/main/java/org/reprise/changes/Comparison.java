package org.reprise.changes;

import java.util.List;

/**
 * What changed between two outputs, per printed number (identified by its ledger location).
 *
 * @param numbers    printed numbers whose text changed (N and text numbers included)
 * @param stars      estimates whose stars changed (from each output's p-value and star rule)
 * @param signs      printed numbers whose sign flipped
 * @param counts     the subset of numbers that are observation counts (N)
 * @param appeared   locations printed now but not before
 * @param gone       locations printed before but not now
 * @param sentences  paragraphs of the report's text whose wording changed
 * @param inputs     inputs that changed: version, data file hashes, spec keys
 */
public record Comparison(List<Changed> numbers, List<Changed> stars, List<Changed> signs, List<Changed> counts,
                         List<String> appeared, List<String> gone, List<Changed> sentences, List<String> inputs) {

    /**
     * One change.
     *
     * @param location the ledger location ("table:row:column") or "paragraph N"
     * @param before   the old text
     * @param after    the new text
     * @param inSes    the change in standard errors of the new estimate ("" when the ledger knows no SE)
     */
    public record Changed(String location, String before, String after, String inSes) {
    }

    /** True when a reader of the report would see a difference in a number, a star, a sign, a row or a sentence. */
    public boolean printedChanged() {
        return !numbers.isEmpty() || !stars.isEmpty() || !signs.isEmpty() || !appeared.isEmpty() || !gone.isEmpty()
                || !sentences.isEmpty();
    }

    /** "34 numbers changed, 2 stars changed, 1 sign flipped", or "no printed number changed". */
    public String summary() {
        if (!printedChanged()) {
            return "no printed number changed";
        }
        StringBuilder sb = new StringBuilder();
        sb.append(count(numbers.size(), "number", "numbers")).append(" changed, ")
                .append(count(stars.size(), "star", "stars")).append(" changed, ")
                .append(count(signs.size(), "sign", "signs")).append(signs.size() == 1 ? " flipped" : " flipped");
        if (!appeared.isEmpty()) {
            sb.append(", ").append(appeared.size()).append(" appeared");
        }
        if (!gone.isEmpty()) {
            sb.append(", ").append(gone.size()).append(" went away");
        }
        if (!sentences.isEmpty()) {
            sb.append(", ").append(count(sentences.size(), "sentence", "sentences")).append(" reworded");
        }
        return sb.toString();
    }

    static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
