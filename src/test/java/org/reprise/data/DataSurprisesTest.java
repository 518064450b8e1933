package org.reprise.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reprise.data.TestData.cat;
import static org.reprise.data.TestData.num;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reprise.UserError;

/**
 * Issue 10, data surprises that gave wrong numbers quietly: numeric missing codes compared as text, columns named
 * like expression keywords, text compared with numbers. Expected values by hand.
 */
class DataSurprisesTest {
    static final double NA = Double.NaN;

    @TempDir
    Path dir;

    @Test
    void numericMissingCodesMatchAnySpellingOfTheNumber() throws Exception {
        Path p = dir.resolve("d.csv");
        Files.writeString(p, "a,b,c\n-99,1,x\n-99.0,2,-99.0\n-9.9e1,-99.5,y\n-099.00,3,-99\n5,-99.000,z\n");
        Dataset d = CsvReader.read(p, CsvOptions.defaults().withMissingCodes("-99"));
        assertArrayEquals(new double[] {NA, NA, NA, NA, 5}, ((NumericColumn) d.column("a")).values(), 0);
        assertArrayEquals(new double[] {1, 2, -99.5, 3, NA}, ((NumericColumn) d.column("b")).values(), 0);
        // a text column keeps the exact rule: only the cell written as the code is missing
        CategoricalColumn c = (CategoricalColumn) d.column("c");
        assertTrue(c.isMissing(3));
        assertFalse(c.isMissing(1));
    }

    @Test
    void zeroCodeMatchesNegativeZero() throws Exception {
        Path p = dir.resolve("z.csv");
        Files.writeString(p, "a\n0\n-0.0\n1\n");
        Dataset d = CsvReader.read(p, CsvOptions.defaults().withMissingCodes("0"));
        assertArrayEquals(new double[] {NA, NA, 1}, ((NumericColumn) d.column("a")).values(), 0);
    }

    static Dataset keywords() {
        return TestData.of(num("true", 1, 2, 3), num("size", 10, 20, NA), num("x", 1, 1, 2),
                num("if", 5, 6, 7), cat("region", "east", "west", "3"));
    }

    @Test
    void backticksNameAnyColumn() {
        Dataset d = Derive.apply(keywords(), "z", "`true` * 2 + `size`");
        assertArrayEquals(new double[] {12, 24, NA}, ((NumericColumn) d.column("z")).values(), 0);
        d = Derive.apply(keywords(), "z", "`if` > 5 ? `true` : -`x`");
        assertArrayEquals(new double[] {-1, 2, 3}, ((NumericColumn) d.column("z")).values(), 0);
        d = Derive.apply(keywords(), "z", "`x`^2 + x");
        assertArrayEquals(new double[] {2, 2, 6}, ((NumericColumn) d.column("z")).values(), 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"true * 2", "size + 1", "if + 1"})
    void aKeywordNamingAColumnIsRefusedWithTheFix(String expr) {
        String word = expr.split(" ")[0];
        UserError e = assertThrows(UserError.class, () -> Derive.apply(keywords(), "z", expr));
        assertTrue(e.getMessage().contains("'" + word + "' is a word of the expression language"), e.getMessage());
        assertTrue(e.getMessage().contains("`" + word + "`"), e.getMessage());
    }

    @Test
    void unknownOrUnclosedBackticks() {
        UserError e = assertThrows(UserError.class, () -> Derive.apply(keywords(), "z", "`tru` + 1"));
        assertTrue(e.getMessage().contains("no variable 'tru'"), e.getMessage());
        e = assertThrows(UserError.class, () -> Derive.apply(keywords(), "z", "`true + 1"));
        assertTrue(e.getMessage().contains("no closing backtick"), e.getMessage());
    }

    @Test
    void textComparedWithANumberIsNamedPlainly() {
        UserError e = assertThrows(UserError.class, () -> Filter.keep(keywords(), "region > 3", "if condition"));
        String m = e.getMessage();
        assertTrue(m.contains("at data row 1 it compares the text 'east' with the number 3"), m);
        assertFalse(m.contains("Object comparison") || m.contains("GT"), m);
        // a label that is a number still compares as one
        Dataset d = TestData.of(cat("code", "1", "5", "3"));
        assertArrayEquals(new int[] {1}, Filter.keep(d, "code > 3", "if condition"));
    }
}
