package org.reprise.narrative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.reprise.table.StarRule;

/** The small formatting rules, against values worked by hand. */
class WordsTest {
    @Test
    void levels() {
        assertEquals("10%", Words.level(0.10));
        assertEquals("5%", Words.level(0.05));
        assertEquals("1%", Words.level(0.01));
        assertEquals("0.1%", Words.level(0.001));
        assertEquals(0.10, Words.loosest(StarRule.DEFAULT), 0.0);
    }

    @Test
    void percentagePointsKeepTheTablesDigits() {
        assertEquals("14.13", Words.percentagePoints("-0.1413"));
        assertEquals("1.20", Words.percentagePoints("0.0120"));
        assertEquals("10", Words.percentagePoints("0.1"));
        assertEquals("250", Words.percentagePoints("-2.50"));
        assertEquals("0.00", Words.percentagePoints("0.0000"));
    }

    @Test
    void pValuesNeverPrintAcrossALevel() {
        assertEquals("0.259", Words.pValue(0.25916, StarRule.DEFAULT));
        assertEquals("0.020", Words.pValue(0.0196, StarRule.DEFAULT));
        // 0.00996 < 0.01, but "0.010" is not: more digits
        assertEquals("0.00996", Words.pValue(0.00996, StarRule.DEFAULT));
        // 0.0496 prints "0.050" at three decimals, which does not meet 5%: four decimals
        assertEquals("0.0496", Words.pValue(0.0496, StarRule.DEFAULT));
        assertEquals("0.001", Words.pValue(0.0005, StarRule.DEFAULT));
        assertNull(Words.pValue(0.000499, StarRule.DEFAULT));
    }
}
