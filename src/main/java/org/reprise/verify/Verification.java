package org.reprise.verify;

import java.util.List;

/**
 * Every published number of a manuscript checked against one run.
 *
 * @param source     the paper, as manuscript.yaml states it
 * @param spec       the spec's file name
 * @param manuscript the manuscript's file name
 * @param checks     one verdict per published number, in manuscript order
 */
public record Verification(String source, String spec, String manuscript, List<Check> checks) {
    public Verification {
        checks = List.copyOf(checks);
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

    /** "N of M published numbers reproduced". */
    public String summary() {
        return reproduced() + " of " + total() + " published numbers reproduced";
    }
}
