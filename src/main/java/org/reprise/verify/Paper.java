package org.reprise.verify;

import java.util.List;
import org.reprise.ledger.Printed;

/**
 * A manuscript as the readers see it: its tables (numbered, captioned, rows of printed numbers) and its running text
 * (for references to tables and claims about them). Built by {@link TextPaperReader}, {@link LatexPaperReader} or
 * {@link PdfPaperReader}; aligned to the regenerated tables by {@link Aligner}.
 *
 * @param file   the manuscript file as the user named it
 * @param tables the tables in document order
 * @param prose  the running text outside the tables, one entry per line, with its line (or page) number
 */
record Paper(String file, List<Table> tables, List<Line> prose) {
    Paper {
        tables = List.copyOf(tables);
        prose = List.copyOf(prose);
    }

    /** One line of running text. */
    record Line(int line, String text) {
    }

    /**
     * One table.
     *
     * @param number  its printed number ("Table 2" → "2", "Table A1" → "A1"; "" when it has none)
     * @param caption the caption after the number
     * @param header  the text above the first row of numbers (column headers, as printed)
     * @param columns the column headers when the reader knows the columns (LaTeX, PDF); empty for plain text
     * @param rows    the rows that print numbers, in order
     * @param notes   the notes under the table
     * @param line    where the caption is (line, or page for a PDF)
     * @param label   the LaTeX \label ("tab:did"); "" when there is none
     */
    record Table(String number, String caption, String header, List<String> columns, List<Row> rows, String notes,
            int line, String label) {
        Table {
            columns = List.copyOf(columns);
            rows = List.copyOf(rows);
        }

        /** "Table 2", or the caption of an unnumbered table (console output). */
        String name() {
            return number.isEmpty() ? caption : "Table " + number;
        }
    }

    /**
     * One row: its label as printed and its numbers in reading order (an estimate and the standard error under it
     * are both in one row; the standard error has {@code paren}).
     */
    record Row(String label, List<Value> values, int line) {
        Row {
            values = List.copyOf(values);
        }

        List<Value> estimates() {
            return values.stream().filter(v -> !v.paren()).toList();
        }

        List<Value> errors() {
            return values.stream().filter(Value::paren).toList();
        }
    }

    /**
     * One printed number.
     *
     * @param text    as printed, stars and brackets included ("-0.1697*", "(0.0045)")
     * @param number  the number and its precision
     * @param stars   the stars printed with it ("", "*", "**", "***")
     * @param paren   printed in parentheses or brackets (a standard error)
     * @param column  its column (0 = the table's first column) when the reader knows it; -1 otherwise
     * @param subrow  which printed line of the row it is on (0 first; a standard-error line or an "M" line under
     *                "U" is 1) when the reader knows it; -1 otherwise
     * @param line    its line (or page)
     */
    record Value(String text, Printed number, String stars, boolean paren, int column, int subrow, int line) {
    }
}
