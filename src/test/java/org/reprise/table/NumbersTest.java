package org.reprise.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class NumbersTest {
    @Test
    void halfUpOnTheDecimalValue() {
        assertEquals("2.68", Numbers.fixed(2.675, 2)); // binary 2.67499999... but printed decimal 2.675
        assertEquals("0.125", Numbers.fixed(0.125, 3));
        assertEquals("0.13", Numbers.fixed(0.125, 2));
        assertEquals("-0.13", Numbers.fixed(-0.125, 2));
        assertEquals("1.0000", Numbers.fixed(0.99999, 4));
        assertEquals("6124", Numbers.count(6124));
    }

    @Test
    void neverNegativeZero() {
        assertEquals("0.000", Numbers.fixed(-0.0001, 3));
        assertEquals("0.000", Numbers.fixed(-0.0, 3));
        assertEquals("0", Numbers.fixed(-0.2, 0));
    }

    @Test
    void missingIsBlank() {
        assertEquals("", Numbers.fixed(Double.NaN, 3));
    }

    @Test
    void starsFollowOneRuleAndWriteTheNote() {
        StarRule r = StarRule.DEFAULT;
        assertEquals("", r.stars(0.10));
        assertEquals("*", r.stars(0.0999));
        assertEquals("**", r.stars(0.049));
        assertEquals("**", r.stars(0.01));
        assertEquals("***", r.stars(0.0099));
        assertEquals("", r.stars(Double.NaN));
        assertEquals("* p<0.10, ** p<0.05, *** p<0.01", r.note());
        assertEquals(0.05, r.levelMet(0.02));
        StarRule custom = new StarRule(List.of(0.05, 0.01, 0.001), List.of("+", "*", "**"));
        assertEquals("+ p<0.05, * p<0.01, ** p<0.001", custom.note());
        assertEquals("**", custom.stars(0.0005));
    }
}
