package org.reprise.spec;

/**
 * A problem found while binding one value of analysis.yaml (an unknown keyword, for instance). The loader turns it
 * into a {@link org.reprise.UserError} at the value's line and column; the message is written for the user.
 */
final class SpecProblem extends IllegalArgumentException {
    SpecProblem(String message) {
        super(message);
    }
}
