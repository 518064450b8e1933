package org.reprise.covariance;

import java.util.List;

/**
 * Which covariance to compute: a type, the cluster variables it needs, and the small-sample correction
 * ({@code null} = Stata's convention for the fit, {@link SmallSample#defaultFor}).
 *
 * @param type     CLASSICAL, HC0..HC3, CLUSTER (one variable) or TWOWAY (two variables)
 * @param clusters cluster variable names: none, one for CLUSTER, two for TWOWAY
 * @param ssc      small-sample correction, or null for Stata's convention
 */
public record VcovSpec(Type type, List<String> clusters, SmallSample ssc) {

    /** Kinds of covariance. */
    public enum Type {
        CLASSICAL("Conventional"), HC0("HC0"), HC1("HC1"), HC2("HC2"), HC3("HC3"), CLUSTER("Cluster"),
        TWOWAY("Two-way cluster");

        private final String text;

        Type(String text) {
            this.text = text;
        }

        /** Human text: "HC1", "Cluster", ... */
        public String text() {
            return text;
        }

        /** Cluster variables the type needs. */
        public int clusterVariables() {
            return this == CLUSTER ? 1 : this == TWOWAY ? 2 : 0;
        }
    }

    public VcovSpec {
        if (type == null) {
            throw new IllegalArgumentException("type is required");
        }
        clusters = clusters == null ? List.of() : List.copyOf(clusters);
        if (clusters.size() != type.clusterVariables()) {
            throw new IllegalArgumentException(type + " needs " + type.clusterVariables() + " cluster variables, got "
                    + clusters);
        }
    }

    public static VcovSpec classical() {
        return new VcovSpec(Type.CLASSICAL, List.of(), null);
    }

    /** HC0..HC3 with Stata's small-sample convention. */
    public static VcovSpec robust(Type type) {
        return new VcovSpec(type, List.of(), null);
    }

    public static VcovSpec cluster(String variable) {
        return new VcovSpec(Type.CLUSTER, List.of(variable), null);
    }

    public static VcovSpec twoway(String first, String second) {
        return new VcovSpec(Type.TWOWAY, List.of(first, second), null);
    }

    /** The same spec with another small-sample correction. */
    public VcovSpec with(SmallSample s) {
        return new VcovSpec(type, clusters, s);
    }
}
