package org.reprise.spec;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * Kind of standard errors of a model ({@code vcov:}). {@link #ROBUST} means HC1 for OLS and the sandwich (Huber-White)
 * estimator for probit/logit; the covariance package decides. {@link #clusterVariables()} says how many
 * {@code cluster:} variables the kind needs.
 */
public enum VcovType implements Keyword {
    CLASSICAL("classical", 0), HC0("hc0", 0), HC1("hc1", 0), HC2("hc2", 0), HC3("hc3", 0),
    CLUSTER("cluster", 1), TWOWAY("twoway", 2), ROBUST("robust", 0);

    private final String word;
    private final int clusterVariables;

    VcovType(String word, int clusterVariables) {
        this.word = word;
        this.clusterVariables = clusterVariables;
    }

    @Override
    public String word() {
        return word;
    }

    /** Number of cluster variables required: 0, 1 (cluster) or 2 (twoway). */
    public int clusterVariables() {
        return clusterVariables;
    }

    @JsonCreator
    static VcovType of(String text) {
        return Keyword.parse(VcovType.class, text, "vcov");
    }
}
