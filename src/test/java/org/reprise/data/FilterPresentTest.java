package org.reprise.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reprise.data.TestData.cat;
import static org.reprise.data.TestData.num;

import org.junit.jupiter.api.Test;
import org.reprise.UserError;

/**
 * Conditions of the form {@code (cond) && !missing(a) && !missing(b)} (what matching and DID build from if: and
 * their outcomes), which Filter evaluates on the columns directly: the rows kept, listed by hand from the data
 * below, and the messages, which must be those of the whole expression.
 */
class FilterPresentTest {
    static final double NA = Double.NaN;

    static Dataset data() {
        return TestData.of(
                num("x", 1, 2, NA, 4, -1, 6),
                num("y", 10, NA, 5, 2, 3, 1),
                num("year", 2014, 2016, 2016, 2016, NA, 2016),
                cat("region", "east", "west", "east", null, "north", "east"));
    }

    static int[] keep(String expr) {
        return Filter.keep(data(), expr, "if condition");
    }

    @Test
    void missingTestsAlone() {
        // rows (0-based) where x is present: 0 1 3 4 5; y present: 0 2 3 4 5; region present: 0 1 2 4 5
        assertArrayEquals(new int[] {0, 1, 3, 4, 5}, keep("!missing(x)"));
        assertArrayEquals(new int[] {0, 3, 4, 5}, keep("!missing(x) && !missing(y)"));
        assertArrayEquals(new int[] {0, 4, 5}, keep("!missing(x)&&!missing(y) && !missing( region )"));
    }

    @Test
    void conditionAndMissingTests() {
        // year == 2016: rows 1 2 3 5 (row 4's year is missing: the comparison is missing, the row is dropped)
        assertArrayEquals(new int[] {3, 5}, keep("(year == 2016) && !missing(x) && !missing(y)"));
        assertArrayEquals(new int[] {2, 5}, keep("(year == 2016 && region == 'east') && !missing(y)"));
        // a condition on a missing category is missing for that row (row 3), so the row goes
        assertArrayEquals(new int[] {1, 4}, keep("(region != 'east') && !missing(x)"));
        // x > 0 is missing at row 2 and false at row 4
        assertArrayEquals(new int[] {0, 3, 5}, keep("(x > 0) && !missing(y)"));
    }

    @Test
    void otherFormsKeepTheirMeaning() {
        // not the (cond) && !missing(..) form: evaluated as a whole, the same rows as the plain reading
        assertArrayEquals(new int[] {0, 3, 4, 5}, keep("!missing(y) && !missing(x)"));
        // x > 1 is missing at row 2, which makes the whole condition missing there, whatever the right side says
        assertArrayEquals(new int[] {0, 1, 3, 4, 5}, keep("(x > 1) || !missing(y)"));
        assertArrayEquals(new int[] {1, 2, 3, 5}, keep("(year == 2016) || (x > 5) && !missing(x)"));
        assertArrayEquals(new int[] {0, 1, 3, 4, 5}, keep("(x) && !missing(x)"));
    }

    @Test
    void messagesAreThoseOfTheWholeExpression() {
        UserError e = assertThrows(UserError.class, () -> keep("(year == 2016) && !missing(nosuch)"));
        assertTrue(e.getMessage().contains("'(year == 2016) && !missing(nosuch)'"), e.getMessage());
        assertTrue(e.getMessage().contains("no variable 'nosuch'"), e.getMessage());
        UserError u = assertThrows(UserError.class, () -> keep("(nosuch > 1) && !missing(x)"));
        assertTrue(u.getMessage().contains("'(nosuch > 1) && !missing(x)'"), u.getMessage());
        assertEquals(0, keep("(x > 100) && !missing(x)").length);
    }
}
