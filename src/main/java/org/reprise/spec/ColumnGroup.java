package org.reprise.spec;

import java.util.List;

/** A spanning header over adjacent columns of a regression table, named by their model ids. */
public record ColumnGroup(String label, List<String> models) {
    public ColumnGroup {
        models = Immutable.list(models);
    }
}
