package org.reprise.table;

import java.util.List;
import org.reprise.results.Estimate;

/**
 * What a regression table shows, resolved from the spec: model columns, spanning groups, term rows,
 * what goes in parentheses, fit-statistic rows, indicator rows, decimals, stars and notes.
 */
public record RegressionLayout(String id, String title, List<Estimate> models, List<String> columnLabels,
                               List<Group> groups, List<TermRow> terms, Below below, List<StatRow> stats,
                               List<IndicatorRow> indicators, int estimateDecimals, int belowDecimals,
                               StarRule stars, List<String> notes) {

    /** What goes in parentheses under each estimate. */
    public enum Below { SE, T, CI, P }

    /** A spanning header over columns [from, from + width). */
    public record Group(String label, int from, int width) {
    }

    public record TermRow(String term, String label) {
    }

    /** A fit-statistic row: key is "nobs" or a key of Estimate.stats(). */
    public record StatRow(String key, String label, int decimals) {
    }

    /** A yes/no row (fixed effects, controls): one text value per model column. */
    public record IndicatorRow(String label, List<String> values) {
    }
}
