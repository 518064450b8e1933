package org.reprise.spec;

import java.util.List;

/** A report section: an optional heading and paragraph (empty strings when absent), then tables by id. */
public record Section(String heading, String text, List<String> tables) {
    public Section {
        heading = Immutable.text(heading);
        text = Immutable.text(text);
        tables = Immutable.list(tables);
    }
}
