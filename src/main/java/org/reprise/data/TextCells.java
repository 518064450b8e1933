package org.reprise.data;

/**
 * Explains why a column that was meant to hold numbers was read as text: its first cell that is not a number.
 */
final class TextCells {
    private TextCells() {
    }

    /** "'abc' in data row 51 of d.csv (3 of 200 distinct values are not numbers)", or "" if every level is one. */
    static String firstNonNumber(CategoricalColumn c, String source) {
        int text = 0;
        int first = -1;
        for (int k = 0; k < c.levels().size(); k++) {
            if (Double.isNaN(NumberText.parseOrNaN(c.levels().get(k).trim()))) {
                text++;
                first = first < 0 ? k : first;
            }
        }
        if (first < 0) {
            return "";
        }
        int row = 0;
        while (row < c.size() && c.codes()[row] != first) {
            row++;
        }
        return "'" + c.levels().get(first) + "' in data row " + (row + 1) + " of " + source + " (" + text + " of "
                + c.levels().size() + " distinct values are not numbers)";
    }

    /** True when the column is mostly numbers with a few stray text values (a typo rather than a category). */
    static boolean looksNumeric(CategoricalColumn c) {
        int text = 0;
        for (String l : c.levels()) {
            text += Double.isNaN(NumberText.parseOrNaN(l.trim())) ? 1 : 0;
        }
        int numbers = c.levels().size() - text;
        return text > 0 && text <= 3 && numbers >= 10;
    }
}
