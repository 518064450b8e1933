package org.reprise.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.NumberFormat;

import org.junit.jupiter.api.Test;

/** Tick steps and labels, checked against hand-worked cases. */
class TicksTest {

    @Test
    void stepIsTheLargestNiceStepWithAtLeastFiveIntervals() {
        // 0.22 / 0.05 = 4.4 < 5, 0.22 / 0.025 = 8.8
        assertEquals(0.025, Ticks.step(0.22, 5), 1e-15);
        // 92 / 20 = 4.6 < 5, 92 / 10 = 9.2
        assertEquals(10, Ticks.step(92, 5), 1e-12);
        // 4.2 / 1 = 4.2 < 5, 4.2 / 0.5 = 8.4
        assertEquals(0.5, Ticks.step(4.2, 5), 1e-15);
        // 1 / 0.2 = 5 exactly
        assertEquals(0.2, Ticks.step(1.0, 5), 1e-15);
        // 30 / 5 = 6, 30 / 10 = 3
        assertEquals(5, Ticks.step(30, 5), 1e-12);
    }

    @Test
    void labelsUseTheStepsDecimalsAndATrueMinus() {
        NumberFormat f = Ticks.format(0.025, false);
        assertEquals("\u22120.050", f.format(-0.05));
        assertEquals("0.000", f.format(-0.0));
        assertEquals("0.000", f.format(-1e-17));
        assertEquals("0.125", f.format(0.125));
        assertEquals("10", Ticks.format(10, false).format(10.0));
        assertEquals("0.05", Ticks.format(0.05, true).format(-0.05));
    }
}
