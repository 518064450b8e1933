package org.reprise.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One table. {@code kind} (YAML key {@code type}) says which keys apply:
 * <ul>
 *   <li>both: {@code id}, {@code title} (empty when absent), {@code decimals}, {@code notes}, {@code stats},
 *       {@code number} (the table's number in the report and its fragment, e.g. "2" or "A1"; empty: the next
 *       number);</li>
 *   <li>descriptive: {@code data} (default: the first source), {@code variables} (rows in order),
 *       {@code stats} (columns; default n, mean, sd, min, max);</li>
 *   <li>regression: {@code models} (columns in order), {@code groups}, {@code terms} (empty: every term in model
 *       order), {@code drop}, {@code indicators}, {@code below} (default se), {@code stats} (rows; default nobs, plus
 *       r2 if any column is OLS, plus pseudo_r2 if any column is probit or logit).</li>
 * </ul>
 * Keys of the other kind are rejected by the loader, so they are empty here (and {@code data} is empty for
 * regression tables).
 */
public record TableSpec(String id, @JsonProperty("type") TableKind kind, String title, String data,
                        List<String> variables, List<StatRow> stats, Decimals decimals, List<String> notes,
                        List<String> models, List<ColumnGroup> groups, List<TermRow> terms, List<String> drop,
                        List<Indicator> indicators, Below below, NarrativeSpec narrative, String matching,
                        String style, String number) {
    public TableSpec {
        title = Immutable.text(title);
        data = Immutable.text(data);
        variables = Immutable.list(variables);
        stats = Immutable.list(stats);
        decimals = decimals == null ? Decimals.DEFAULT : decimals;
        notes = Immutable.list(notes);
        models = Immutable.list(models);
        groups = Immutable.list(groups);
        terms = Immutable.list(terms);
        drop = Immutable.list(drop);
        indicators = Immutable.list(indicators);
        below = below == null ? Below.SE : below;
        matching = Immutable.text(matching);
        style = Immutable.text(style);
        number = Immutable.text(number);
        narrative = narrative == null ? new NarrativeSpec(List.of(), List.of()) : narrative;
    }

    /** The same table with another data source and statistics (used to fill defaults). */
    TableSpec withDataAndStats(String source, List<StatRow> statRows) {
        return new TableSpec(id, kind, title, source, variables, statRows, decimals, notes, models, groups, terms,
                drop, indicators, below, narrative, matching, style, number);
    }
}
