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
        /**
         * The central guard: a number cell that would show nothing, Inf or NaN (e.g. "()" from a missing standard
         * error) becomes an empty text cell, and only a cell showing a number carries stars.
         */
        public Cell {
            if (ref != null && !showsNumbers(text)) {
                text = "";
                ref = null;
            }
            if (ref == null) {
                stars = "";
            }
        }

        private static boolean showsNumbers(String text) {
            if (text.contains("Inf") || text.contains("NaN")) {
                return false;
            }
            String inner = text.strip();
            if (inner.startsWith("(") || inner.startsWith("[")) {
                inner = inner.substring(1);
            }
            if (inner.endsWith(")") || inner.endsWith("]")) {
                inner = inner.substring(0, inner.length() - 1);
            }
            for (String part : inner.split(",", -1)) {
                if (part.isBlank()) {
                    return false;
                }
            }
            return true;
        }

        public static Cell text(String s) {
            return new Cell(s, "", null);
        }
    }
}
