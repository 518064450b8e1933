package org.reprise.data;

import java.util.List;
import java.util.Set;

/**
 * How to read a delimited text file; see docs/data.md.
 *
 * @param delimiter    ',', ';' or '\t'; null = detect from the header line
 * @param missingCodes extra cell texts that mean missing (besides empty, NA and .), e.g. "-99"; exact match
 * @param categorical  columns to read as categories even if every value is a number (e.g. a region code)
 * @param whitespace   fields separated by runs of spaces/tabs, as R's write.table writes (e.g. MatchIt's
 *                     lalonde.tab); a header one field shorter than the rows means the first column holds row
 *                     names, which become a categorical column "rownames"
 * @param decimalComma numbers are written with a decimal comma (1,5); only sensible with ';' or tab delimiters
 */
public record CsvOptions(Character delimiter, List<String> missingCodes, Set<String> categorical, boolean whitespace,
                         boolean decimalComma) {
    public CsvOptions {
        missingCodes = missingCodes == null ? List.of() : List.copyOf(missingCodes);
        categorical = categorical == null ? Set.of() : Set.copyOf(categorical);
        if (delimiter != null && delimiter != ',' && delimiter != ';' && delimiter != '\t') {
            throw new org.reprise.UserError("CSV delimiter '" + delimiter + "' is not supported. Use a comma, a "
                    + "semicolon or a tab, or leave it out to detect it from the header line.");
        }
    }

    /** Comma/semicolon/tab detected, standard missing codes, types inferred. */
    public static CsvOptions defaults() {
        return new CsvOptions(null, List.of(), Set.of(), false, false);
    }

    public CsvOptions withDelimiter(char c) {
        return new CsvOptions(c, missingCodes, categorical, whitespace, decimalComma);
    }

    public CsvOptions withMissingCodes(String... codes) {
        return new CsvOptions(delimiter, List.of(codes), categorical, whitespace, decimalComma);
    }

    public CsvOptions withCategorical(String... columns) {
        return new CsvOptions(delimiter, missingCodes, Set.of(columns), whitespace, decimalComma);
    }

    public CsvOptions withWhitespace(boolean on) {
        return new CsvOptions(delimiter, missingCodes, categorical, on, decimalComma);
    }

    public CsvOptions withDecimalComma(boolean on) {
        return new CsvOptions(delimiter, missingCodes, categorical, whitespace, on);
    }
}
