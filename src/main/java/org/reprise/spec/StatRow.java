package org.reprise.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.List;

/**
 * A statistic row (regression tables: fit statistics) or column (descriptive tables). {@code label} is empty when the
 * table layer should use its standard label. Short form in YAML: {@code r2} for {@code {stat: r2}}.
 */
public record StatRow(String stat, String label) {
    /** Fit statistics a regression table can show, in the names results.json uses. */
    public static final List<String> FIT_STATS = List.of("nobs", "r2", "adj_r2", "r2_within", "pseudo_r2", "rmse",
            "f", "f_p", "chi2", "chi2_p", "ll", "ll0", "aic", "bic", "df_model", "df_resid", "rss", "tss", "n_clusters",
            "n_groups", "sigma_u", "sigma_e", "rho");
    /** Statistics a descriptive table can show. */
    public static final List<String> DESCRIPTIVE_STATS = List.of("n", "mean", "sd", "min", "max", "median");

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public StatRow {
        label = Immutable.text(label);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static StatRow of(String stat) {
        return new StatRow(stat, "");
    }
}
