package org.reprise.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One model. After loading: {@code data} names an existing source (default: the first); {@code method} defaults to
 * OLS; {@code terms} may be empty (intercept only); {@code constant} defaults to true; {@code weights},
 * {@code condition} (YAML key {@code if}) and {@code label} are empty strings when absent; {@code vcov} defaults to
 * classical; {@code cluster} holds exactly {@link VcovType#clusterVariables()} names.
 */
public record ModelSpec(String id, String data, Method method, String outcome, List<String> terms, boolean constant,
                        String weights, List<String> absorb, @JsonProperty("if") String condition, VcovType vcov, List<String> cluster,
                        String label) {
    public ModelSpec {
        method = method == null ? Method.OLS : method;
        terms = Immutable.list(terms);
        weights = Immutable.text(weights);
        absorb = Immutable.list(absorb);
        condition = Immutable.text(condition);
        vcov = vcov == null ? VcovType.CLASSICAL : vcov;
        cluster = Immutable.list(cluster);
        label = Immutable.text(label);
    }

    @JsonCreator
    static ModelSpec fromYaml(@JsonProperty("id") String id, @JsonProperty("data") String data,
                              @JsonProperty("method") Method method, @JsonProperty("outcome") String outcome,
                              @JsonProperty("terms") List<String> terms, @JsonProperty("constant") Boolean constant,
                              @JsonProperty("weights") String weights, @JsonProperty("absorb") List<String> absorb,
                              @JsonProperty("if") String condition, @JsonProperty("vcov") VcovType vcov,
                              @JsonProperty("cluster") List<String> cluster, @JsonProperty("label") String label) {
        return new ModelSpec(id, data, method, outcome, terms, constant == null || constant, weights, absorb,
                condition, vcov, cluster, label);
    }

    /** The same model reading another data source. */
    public ModelSpec withData(String source) {
        return new ModelSpec(id, source, method, outcome, terms, constant, weights, absorb, condition, vcov, cluster,
                label);
    }

    public boolean hasWeights() {
        return !weights.isEmpty();
    }
}
