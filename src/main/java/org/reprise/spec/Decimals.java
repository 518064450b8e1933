package org.reprise.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.List;
import java.util.Map;

/**
 * Decimal places per statistic. YAML: one whole number for every statistic except counts
 * ({@code decimals: 4}), or a map per statistic ({@code {estimate: 4, se: 4, r2: 3, nobs: 0}}).
 * Defaults (see {@link #forStat(String)}): counts ({@code nobs}, {@code n}, {@code n_clusters}, {@code df_resid}) 0,
 * everything else ({@code estimate}, {@code se}, {@code t}, {@code p}, {@code ci}, {@code r2}, {@code mean}, ...) 3.
 * {@code all} is null when no single number was given.
 */
public record Decimals(Integer all, Map<String, Integer> perStat) {
    /** Every default. */
    public static final Decimals DEFAULT = new Decimals(null, Map.of());
    /** The default for statistics that are not counts. */
    public static final int DEFAULT_PLACES = 3;
    /** Statistics that are counts and print without decimals unless the map form says otherwise. */
    public static final List<String> COUNTS = List.of("nobs", "n", "n_clusters", "n_groups", "df_resid", "df_model");
    /** Names of the parts of a coefficient cell a map may set, besides statistic names. */
    public static final List<String> ESTIMATE_PARTS = List.of("estimate", "se", "t", "p", "ci");

    public Decimals {
        perStat = Immutable.map(perStat);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static Decimals ofAll(int all) {
        return new Decimals(all, Map.of());
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static Decimals ofMap(Map<String, Integer> perStat) {
        return new Decimals(null, perStat);
    }

    /** Decimal places for a statistic or estimate part: the map's entry, else 0 for counts, else the single number, else 3. */
    public int forStat(String stat) {
        Integer v = perStat.get(stat);
        if (v != null) {
            return v;
        }
        if (COUNTS.contains(stat)) {
            return 0;
        }
        return all != null ? all : DEFAULT_PLACES;
    }

    /** Every name a decimals map may use. */
    static List<String> names() {
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>(ESTIMATE_PARTS);
        names.addAll(StatRow.FIT_STATS);
        names.addAll(StatRow.DESCRIPTIVE_STATS);
        return List.copyOf(names);
    }
}
