package org.reprise.spec;

import java.util.List;

/** A report section: an optional heading and paragraph (empty strings when absent), then tables and figures by id. */
public record Section(String heading, String text, List<String> tables, List<String> figures) {
    public Section {
        heading = Immutable.text(heading);
        text = Immutable.text(text);
        tables = Immutable.list(tables);
        figures = Immutable.list(figures);
    }
}
