package org.reprise.report;

import java.util.List;
import org.reprise.table.Table;

/** The whole report, format-neutral: what every renderer receives. */
public record Report(String title, List<String> authors, String abstractText, List<Block> blocks) {

    /** A report block. */
    public sealed interface Block permits Heading, Paragraph, TableBlock, Figure {
    }

    /** level 1 = section, 2 = subsection. */
    public record Heading(int level, String text) implements Block {
    }

    /** Plain text (no markup): renderers escape it. */
    public record Paragraph(String text) implements Block {
    }

    /**
     * A table and its number as the reader sees it ("2", "A1"): the spec's {@code number:}, else the one after the
     * table before it. A table spec that gives two tables (a balance test and its joint test) gives both one number.
     */
    public record TableBlock(Table table, String number) implements Block {
        /** A table numbered by its position among the report's tables. */
        public TableBlock(Table table) {
            this(table, null);
        }
    }

    /** A figure: PNG and SVG files under output/figures/, by base name (no extension). */
    public record Figure(String id, String file, String caption) implements Block {
    }
}
