package org.reprise.verify;

import java.util.List;

/**
 * Every published number of a manuscript checked against one run.
 *
 * @param source     the paper, as manuscript.yaml states it
 * @param spec       the spec's file name
 * @param manuscript the manuscript's file name
 * @param checks     one verdict per published number, in manuscript order
 * @param tolerance  what counted as close, and which classes pass
 */
public record Verification(String source, String spec, String manuscript, List<Check> checks, Tolerance tolerance,
        Reading reading) {
    public Verification {
        checks = List.copyOf(checks);
    }

    public Verification(String source, String spec, String manuscript, List<Check> checks, Tolerance tolerance) {
        this(source, spec, manuscript, checks, tolerance, null);
    }

    /**
     * What was read from a manuscript (.txt, .tex, .pdf) rather than manuscript.yaml: its tables, the regenerated
     * tables they were aligned to, and the manuscript's findings against itself.
     */
    record Reading(Paper paper, Target target, List<SelfCheck.Finding> findings) {
    }

    /** Numbers aligned only with low confidence: a candidate ref, not judged. */
    public int toReview() {
        return (int) checks.stream().filter(c -> c.status() == Check.Status.UNMATCHED && !c.number().ref().isEmpty())
                .count();
    }

    public int findings() {
        return reading == null ? 0 : reading.findings().size();
    }

    public int total() {
        return checks.size();
    }

    public int count(Check.Status s) {
        return (int) checks.stream().filter(c -> c.status() == s).count();
    }

    public int reproduced() {
        return count(Check.Status.REPRODUCED);
    }

    public boolean allReproduced() {
        return reproduced() == total();
    }

    /** Whether every number is of a class the tolerance accepts (all reproduced, unless --accept widens it). */
    public boolean passes() {
        return checks.stream().allMatch(c -> tolerance.accepts(c.status()));
    }

    /**
     * "N of M published numbers reproduced, a last digit, b close, c differ, d missing": every class counted, the
     * ones with no number too, so the line has one shape.
     */
    public String summary() {
        return reproduced() + " of " + total() + " published numbers reproduced, " + count(Check.Status.LAST_DIGIT)
                + " last digit, " + count(Check.Status.CLOSE) + " close, " + count(Check.Status.DIFFERS)
                + " differ, " + (reading != null ? count(Check.Status.UNMATCHED) + " unmatched (" + toReview()
                + " to review), " : "") + count(Check.Status.MISSING) + " missing";
    }
}
