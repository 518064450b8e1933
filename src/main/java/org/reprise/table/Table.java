package org.reprise.table;

import java.util.List;

/**
 * A format-neutral table: every cell already formatted. Renderers only escape and lay out.
 * columns: the kind of each column (text columns left-aligned, number columns decimal-aligned).
 * headers: header rows, each a list of spans covering all columns.
 * sections: groups of body rows; a rule is drawn between sections.
 */
public record Table(String id, String title, List<ColumnKind> columns, List<HeaderRow> headers,
                    List<Section> sections, List<String> notes) {
    public enum ColumnKind { TEXT, NUMBER }

    /** A header row; spans cover all columns left to right. {@code rule} draws a partial rule under spanning cells. */
    public record HeaderRow(List<Span> spans, boolean rule) {
    }

    public record Span(String text, int width) {
    }

    public record Section(List<Row> rows) {
    }

    public record Row(List<Cell> cells) {
    }

    /**
     * One cell: the formatted text ("-0.0223", "(0.0123)", "Yes", "6,124"), its stars ("", "*", "**", "***"),
     * and where the number came from in results.json ({@code ref}, e.g. "estimates/m1/terms/PxT/estimate"; null for text).
     */
    public record Cell(String text, String stars, String ref) {
        public static Cell text(String s) {
            return new Cell(s, "", null);
        }
    }
}
