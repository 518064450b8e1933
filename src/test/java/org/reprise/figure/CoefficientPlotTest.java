package org.reprise.figure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.IntervalXYDataset;
import org.junit.jupiter.api.Test;
import org.reprise.UserError;

/** Point and whisker values are the inputs (exact); x positions are method index ± group offset (1e-12). */
class CoefficientPlotTest {

    @Test
    void groupedEstimatesAreDodgedAroundTheirMethod() {
        List<CoefficientPoint> pts = List.of(
                new CoefficientPoint("NN 1:1", "Full", 1.5, 0.5, 2.5),
                new CoefficientPoint("NN 1:1", "East", 0.8, -0.4, 2.0),
                new CoefficientPoint("Radius", "Full", 1.2, 0.9, 1.6),
                new CoefficientPoint("Radius", "Central-West", -0.3, -1.0, 0.1),
                new CoefficientPoint("Kernel", "East", 0.1, 0.0, 0.3));
        Figure f = Figures.coefficientPlot("c", pts, CoefficientPlotOptions.defaults());
        XYPlot plot = (XYPlot) f.chart().getPlot();
        assertArrayEquals(new String[] {"NN 1:1", "Radius", "Kernel"}, ((SymbolAxis) plot.getDomainAxis()).getSymbols());
        IntervalXYDataset d = (IntervalXYDataset) plot.getDataset();
        assertEquals(3, d.getSeriesCount());
        assertEquals("Full", d.getSeriesKey(0));
        assertEquals("East", d.getSeriesKey(1));
        assertEquals("Central-West", d.getSeriesKey(2));
        double step = 0.2; // three groups: offsets -0.2, 0, +0.2
        assertEquals(step, CoefficientPlotChart.spacing(3), 1e-12);
        // series, item, x, estimate, low, high
        double[][] expected = {
            {0, 0, 0 - step, 1.5, 0.5, 2.5},
            {0, 1, 1 - step, 1.2, 0.9, 1.6},
            {1, 0, 0, 0.8, -0.4, 2.0},
            {1, 1, 2, 0.1, 0.0, 0.3},
            {2, 0, 1 + step, -0.3, -1.0, 0.1},
        };
        for (double[] e : expected) {
            int s = (int) e[0];
            int i = (int) e[1];
            assertEquals(e[2], d.getXValue(s, i), 1e-12);
            assertEquals(e[3], d.getYValue(s, i), 0.0);
            assertEquals(e[4], d.getStartYValue(s, i), 0.0);
            assertEquals(e[5], d.getEndYValue(s, i), 0.0);
        }
        assertEquals(2, d.getItemCount(0));
        assertEquals(2, d.getItemCount(1));
        assertEquals(1, d.getItemCount(2));
        assertTrue(plot.isRangeZeroBaselineVisible());
        assertTrue(f.chart().getLegend() != null);
    }

    @Test
    void singleUnnamedGroupSitsOnTheMethodAndHasNoLegend() {
        Figure f = Figures.coefficientPlot("c", List.of(
                new CoefficientPoint("NN 1:1", null, 2, 1, 3),
                new CoefficientPoint("NN 1:4", null, 3, 2.5, 3.2)), CoefficientPlotOptions.defaults());
        XYPlot plot = (XYPlot) f.chart().getPlot();
        IntervalXYDataset d = (IntervalXYDataset) plot.getDataset();
        assertEquals(1, d.getSeriesCount());
        assertEquals(0.0, d.getXValue(0, 0), 0.0);
        assertEquals(1.0, d.getXValue(0, 1), 0.0);
        assertNull(f.chart().getLegend());
        // zero is inside the axis range although every interval is positive
        assertTrue(plot.getRangeAxis().getLowerBound() <= 0);
    }

    @Test
    void badInputIsAUserError() {
        var o = CoefficientPlotOptions.defaults();
        assertThrows(UserError.class, () -> Figures.coefficientPlot("c", List.of(), o));
        assertThrows(UserError.class, () -> Figures.coefficientPlot("c",
                List.of(new CoefficientPoint("a", null, 1, 2, 3)), o));
        assertThrows(UserError.class, () -> Figures.coefficientPlot("c",
                List.of(new CoefficientPoint("a", null, Double.NaN, 0, 3)), o));
        assertThrows(UserError.class, () -> Figures.coefficientPlot("c",
                List.of(new CoefficientPoint(" ", null, 1, 0, 3)), o));
        assertThrows(UserError.class, () -> Figures.coefficientPlot("c", List.of(
                new CoefficientPoint("a", "g", 1, 0, 3), new CoefficientPoint("a", "g", 1, 0, 3)), o));
    }
}
