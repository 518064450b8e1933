package org.reprise.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.IntervalXYDataset;
import org.junit.jupiter.api.Test;
import org.reprise.UserError;

/**
 * The plotted bars equal shares counted by hand from the inputs (exact fractions; tolerance 1e-12 for the
 * floating-point division).
 */
class ScoreDensityTest {
    private static final double TOL = 1e-12;

    private static final ScoreDensityOptions TEN_BINS = ScoreDensityOptions.defaults().withBins(10, 0, 1);

    private static List<XYPlot> panels(Figure f) {
        List<XYPlot> out = new ArrayList<>();
        for (Object p : ((CombinedDomainXYPlot) f.chart().getPlot()).getSubplots()) {
            out.add((XYPlot) p);
        }
        return out;
    }

    @Test
    void barsAreEachGroupsShareTreatedUpControlsDown() {
        // treated: 0.05 -> bin 0; 0.15, 0.15 -> bin 1; 0.95 -> bin 9; shares 1/4, 2/4, 1/4
        double[] t = {0.05, 0.15, 0.15, 0.95};
        // controls: 0.05, 0.06, 0.07 -> bin 0 (3 of 4); 0.55 -> bin 5 (1 of 4)
        double[] c = {0.05, 0.06, 0.07, 0.55};
        // after: control weights 0, 0, 1, 3 -> bin 0 has 1/4, bin 5 has 3/4; treated weight 2 on 0.95 -> 2/5
        double[] wt = {1, 1, 1, 2};
        double[] wc = {0, 0, 1, 3};
        Figure f = Figures.scoreDensity("s", ScoreSample.of(t, c), new ScoreSample(t, c, wt, wc), 0.05, 0.95,
                TEN_BINS);
        List<XYPlot> panels = panels(f);
        assertEquals(2, panels.size());

        double[] beforeT = {0.25, 0.5, 0, 0, 0, 0, 0, 0, 0, 0.25};
        double[] beforeC = {-0.75, 0, 0, 0, 0, -0.25, 0, 0, 0, 0};
        double[] afterT = {0.2, 0.4, 0, 0, 0, 0, 0, 0, 0, 0.4};
        double[] afterC = {-0.25, 0, 0, 0, 0, -0.75, 0, 0, 0, 0};
        check(panels.get(0), beforeT, beforeC);
        check(panels.get(1), afterT, afterC);
    }

    private static void check(XYPlot panel, double[] treated, double[] controls) {
        IntervalXYDataset d = (IntervalXYDataset) panel.getDataset();
        assertEquals(2, d.getSeriesCount());
        assertEquals("Treated", d.getSeriesKey(0));
        assertEquals("Controls", d.getSeriesKey(1));
        for (int s = 0; s < 2; s++) {
            double[] expected = s == 0 ? treated : controls;
            assertEquals(10, d.getItemCount(s));
            for (int k = 0; k < 10; k++) {
                assertEquals(k / 10.0, d.getStartXValue(s, k), TOL, "bin start");
                assertEquals((k + 1) / 10.0, d.getEndXValue(s, k), TOL, "bin end");
                assertEquals(expected[k], d.getYValue(s, k), TOL, "series " + s + " bin " + k);
            }
        }
        Collection<?> markers = panel.getDomainMarkers(Layer.FOREGROUND);
        List<Double> at = new ArrayList<>();
        for (Object m : markers) {
            at.add(((ValueMarker) m).getValue());
        }
        assertEquals(List.of(0.05, 0.95), at);
    }

    @Test
    void defaultRangeRunsFromSmallestToLargestScoreOverBothPanels() {
        double[] t = {0.3, 0.5};
        double[] c = {0.2, 0.4};
        double[] tAfter = {0.3, 0.7};
        Figure f = Figures.scoreDensity("s", ScoreSample.of(t, c), ScoreSample.of(tAfter, c), Double.NaN,
                Double.NaN, ScoreDensityOptions.defaults().withBins(5, Double.NaN, Double.NaN));
        IntervalXYDataset d = (IntervalXYDataset) panels(f).get(1).getDataset();
        assertEquals(0.2, d.getStartXValue(0, 0), TOL);
        assertEquals(0.7, d.getEndXValue(0, 4), TOL);
        // 0.7 is the upper edge: it falls in the last bin
        assertEquals(0.5, d.getYValue(0, 4), TOL);
        // no support bounds, no markers and no legend entry for them
        Collection<?> markers = panels(f).get(0).getDomainMarkers(Layer.FOREGROUND);
        assertTrue(markers == null || markers.isEmpty());
        assertEquals(2, f.chart().getPlot().getLegendItems().getItemCount());
    }

    @Test
    void scoresOnABinEdgeGoToTheBinThatStartsThere() {
        // 9 bins on [0, 0.9]: bin 7 is drawn from 0.9 * 7 / 9 = 0.7 (exactly the double 0.7), but
        // 0.7 / 0.9 * 9 = 6.999999999999999 in doubles, so plain flooring would put 0.7 into bin 6
        double[] t = {0.05, 0.7, 0.85};
        Figure f = Figures.scoreDensity("s", ScoreSample.of(t, t), ScoreSample.of(t, t), Double.NaN, Double.NaN,
                ScoreDensityOptions.defaults().withBins(9, 0, 0.9));
        IntervalXYDataset d = (IntervalXYDataset) panels(f).get(0).getDataset();
        assertEquals(0.7, d.getStartXValue(0, 7), 0.0);
        double third = 1.0 / 3.0;
        for (int k = 0; k < 9; k++) {
            double expected = k == 0 || k == 7 || k == 8 ? third : 0;
            assertEquals(expected, d.getYValue(0, k), TOL, "bin " + k);
        }
    }

    @Test
    void labelsComeFromTheCaller() {
        Figure f = Figures.scoreDensity("s", ScoreSample.of(new double[] {0.4}, new double[] {0.6}),
                ScoreSample.of(new double[] {0.4}, new double[] {0.6}), 0.4, 0.6,
                ScoreDensityOptions.defaults().withGroupLabels("Behandelt", "Kontrolle").withSupportLabel("Träger")
                        .withTitle("Titel").withAxisLabels("p", "Anteil"));
        assertEquals("Titel", f.chart().getTitle().getText());
        var legend = f.chart().getPlot().getLegendItems();
        assertEquals("Behandelt", legend.get(0).getLabel());
        assertEquals("Kontrolle", legend.get(1).getLabel());
        assertEquals("Träger", legend.get(2).getLabel());
        assertEquals("p", ((CombinedDomainXYPlot) f.chart().getPlot()).getDomainAxis().getLabel());
        assertEquals("Anteil", panels(f).get(0).getRangeAxis().getLabel());
    }

    @Test
    void badInputIsAUserError() {
        double[] t = {0.2, 0.4};
        double[] c = {0.3, 0.5};
        ScoreSample ok = ScoreSample.of(t, c);
        var o = ScoreDensityOptions.defaults();
        assertThrows(UserError.class, () -> Figures.scoreDensity("s", ok,
                new ScoreSample(t, c, null, new double[] {1}), 0, 1, o));
        assertThrows(UserError.class, () -> Figures.scoreDensity("s", ok,
                new ScoreSample(t, c, null, new double[] {1, -1}), 0, 1, o));
        assertThrows(UserError.class, () -> Figures.scoreDensity("s", ok,
                new ScoreSample(t, c, null, new double[] {0, 0}), 0, 1, o));
        assertThrows(UserError.class, () -> Figures.scoreDensity("s",
                ScoreSample.of(new double[] {0.2, Double.NaN}, c), ok, 0, 1, o));
        assertThrows(UserError.class, () -> Figures.scoreDensity("s", ok, ok, 0, 1, o.withBins(10, 0.3, 1)));
        assertThrows(UserError.class, () -> Figures.scoreDensity("s", ok, ok, 0, 1, o.withBins(0, 0, 1)));
        assertThrows(UserError.class, () -> Figures.scoreDensity("s", ok, null, 0, 1, o));
        UserError e = assertThrows(UserError.class, () -> Figures.scoreDensity("common_support", ok,
                new ScoreSample(t, c, null, new double[] {1, -1}), 0, 1, o));
        assertTrue(e.getMessage().contains("common_support") && e.getMessage().contains("negative"), e.getMessage());
    }

    @Test
    void markersAreDashedLinesNotBands() {
        Figure f = Samples.score();
        for (XYPlot p : panels(f)) {
            for (Object m : p.getDomainMarkers(Layer.FOREGROUND)) {
                assertTrue(m instanceof ValueMarker);
                assertEquals(Theme.DASHED_STROKE, ((Marker) m).getStroke());
            }
        }
    }
}
