package org.reprise.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast number parser against the JDK's correctly rounded Double.parseDouble (bit-exact). */
class NumberTextTest {
    @Test
    void agreesWithJdkBitForBit() {
        Random rnd = new Random(7);
        for (int k = 0; k < 200_000; k++) {
            StringBuilder sb = new StringBuilder();
            if (rnd.nextInt(4) == 0) {
                sb.append(rnd.nextBoolean() ? '-' : '+');
            }
            int intDigits = rnd.nextInt(12);
            for (int i = 0; i < intDigits; i++) {
                sb.append((char) ('0' + rnd.nextInt(10)));
            }
            if (intDigits == 0 || rnd.nextBoolean()) {
                sb.append('.');
                int frac = 1 + rnd.nextInt(rnd.nextInt(5) == 0 ? 25 : 10);
                for (int i = 0; i < frac; i++) {
                    sb.append((char) ('0' + rnd.nextInt(10)));
                }
            }
            if (rnd.nextInt(5) == 0) {
                sb.append(rnd.nextBoolean() ? 'e' : 'E').append(rnd.nextBoolean() ? "-" : "").append(rnd.nextInt(40));
            }
            String s = sb.toString();
            assertEquals(Double.doubleToLongBits(Double.parseDouble(s)),
                    Double.doubleToLongBits(NumberText.parseOrNaN(s)), s);
        }
    }

    @Test
    void rejectsNonPlainNumbers() {
        for (String s : List.of("", ".", "-", "1e", "1e+", "0x10", "1d", "1f", "1,5", "1 000", "NaN", "Infinity",
                "--1", "1.2.3", "abc", "12a")) {
            assertTrue(Double.isNaN(NumberText.parseOrNaN(s)), s);
        }
        assertEquals(0.5, NumberText.parseOrNaN(".5"));
        assertEquals(1.0, NumberText.parseOrNaN("1."));
        assertEquals(-0.0, NumberText.parseOrNaN("-0"));
        assertTrue(Double.isInfinite(NumberText.parseOrNaN("1e999")));
        assertEquals(123456789012345678901234.0, NumberText.parseOrNaN("123456789012345678901234"));
    }
}
