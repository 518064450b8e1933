package org.reprise.figure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import java.util.List;

import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.reprise.UserError;

/** The lines pass through the given means (exact), one x position per wave in the given order. */
class GroupMeansTest {

    @Test
    void linesAreTheMeansByWave() {
        List<String> waves = List.of("2009", "2011", "2013");
        double[] t = {0.41, 0.44, 0.58};
        double[] c = {0.39, Double.NaN, 0.45};
        Figure f = Figures.groupMeans("did", waves, t, c,
                GroupMeansOptions.defaults().withGroupLabels("Reform states", "Other states"));
        XYPlot plot = (XYPlot) f.chart().getPlot();
        assertArrayEquals(waves.toArray(), ((SymbolAxis) plot.getDomainAxis()).getSymbols());
        XYDataset d = plot.getDataset();
        assertEquals("Reform states", d.getSeriesKey(0));
        assertEquals("Other states", d.getSeriesKey(1));
        for (int k = 0; k < 3; k++) {
            assertEquals(k, d.getXValue(0, k), 0.0);
            assertEquals(t[k], d.getYValue(0, k), 0.0);
        }
        assertEquals(0.39, d.getYValue(1, 0), 0.0);
        assertNull(((XYSeriesCollection) d).getY(1, 1), "NaN leaves a gap");
        assertEquals(0.45, d.getYValue(1, 2), 0.0);
        Collection<?> markers = plot.getDomainMarkers(Layer.FOREGROUND);
        assertTrue(markers == null || markers.isEmpty());
    }

    @Test
    void treatmentLineSitsBetweenLastPreAndFirstPostWave() {
        Figure f = Samples.means();
        XYPlot plot = (XYPlot) f.chart().getPlot();
        Collection<?> markers = plot.getDomainMarkers(Layer.FOREGROUND);
        assertEquals(1, markers.size());
        ValueMarker m = (ValueMarker) markers.iterator().next();
        // waves 2012, 2014, 2016, 2018; treatment from 2016 (index 2): line at 1.5
        assertEquals(1.5, m.getValue(), 0.0);
        assertEquals("Reform <2016>", m.getLabel());
    }

    @Test
    void badInputIsAUserError() {
        var o = GroupMeansOptions.defaults();
        List<String> w = List.of("a", "b");
        assertThrows(UserError.class, () -> Figures.groupMeans("g", w, new double[2], new double[1], o));
        assertThrows(UserError.class, () -> Figures.groupMeans("g", List.of("a", "a"), new double[2], new double[2], o));
        assertThrows(UserError.class, () -> Figures.groupMeans("g", w, new double[2], new double[2],
                o.withTreatmentStart("a", "T")));
        assertThrows(UserError.class, () -> Figures.groupMeans("g", w, new double[2], new double[2],
                o.withTreatmentStart("c", "T")));
        assertThrows(UserError.class, () -> Figures.groupMeans("g", w, new double[] {Double.NaN, Double.NaN},
                new double[] {Double.NaN, Double.NaN}, o));
        assertThrows(UserError.class, () -> Figures.groupMeans("g", w,
                new double[] {1, Double.NEGATIVE_INFINITY}, new double[2], o));
    }
}
