package org.reprise.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.category.CategoryDataset;
import org.junit.jupiter.api.Test;
import org.reprise.UserError;

/** The plotted numbers are the inputs, unchanged (exact equality). */
class LovePlotTest {

    @Test
    void pointsAreTheInputsInTheGivenOrder() {
        List<String> cov = List.of("age", "educ", "black", "re74");
        double[] before = {-30.1, 12.5, 164.0, -59.6};
        double[] after = {4.2, -1.0, 0.0, Double.NaN};
        Figure f = Figures.lovePlot("love", cov, before, after, LovePlotOptions.percent());
        CategoryPlot plot = (CategoryPlot) f.chart().getPlot();
        CategoryDataset d = plot.getDataset();
        assertEquals(List.of("Before matching", "After matching"), d.getRowKeys());
        assertEquals(cov, d.getColumnKeys());
        for (int j = 0; j < cov.size(); j++) {
            assertEquals(before[j], d.getValue(0, j).doubleValue(), 0.0);
            if (Double.isNaN(after[j])) {
                assertNull(d.getValue(1, j));
            } else {
                assertEquals(after[j], d.getValue(1, j).doubleValue(), 0.0);
            }
        }
        // covariates on the vertical axis, first at the top (JFreeChart draws the first category first)
        assertEquals(PlotOrientation.HORIZONTAL, plot.getOrientation());
        LineAndShapeRenderer r = (LineAndShapeRenderer) plot.getRenderer();
        assertFalse(r.getSeriesShapesFilled(0), "before is hollow");
        assertTrue(r.getSeriesShapesFilled(1), "after is filled");
        assertFalse(r.getDefaultLinesVisible());
        assertEquals(List.of(0.0, -10.0, 10.0), markers(plot));
        // the axis shows every point and both reference lines
        assertTrue(plot.getRangeAxis().getLowerBound() < -59.6);
        assertTrue(plot.getRangeAxis().getUpperBound() > 164.0);
    }

    @Test
    void smdLinesAtPointOneAndNoThresholdMeansOnlyZero() {
        List<String> cov = List.of("x");
        Figure smd = Figures.lovePlot("l", cov, new double[] {0.05}, new double[] {0.01}, LovePlotOptions.smd());
        assertEquals(List.of(0.0, -0.1, 0.1), markers((CategoryPlot) smd.chart().getPlot()));
        assertEquals("Standardized mean difference", ((CategoryPlot) smd.chart().getPlot()).getRangeAxis().getLabel());
        Figure none = Figures.lovePlot("l", cov, new double[] {5}, new double[] {1},
                LovePlotOptions.percent().withThreshold(Double.NaN));
        assertEquals(List.of(0.0), markers((CategoryPlot) none.chart().getPlot()));
    }

    private static List<Double> markers(CategoryPlot plot) {
        List<Double> out = new ArrayList<>();
        for (Object m : plot.getRangeMarkers(Layer.BACKGROUND)) {
            out.add(((ValueMarker) m).getValue());
        }
        return out;
    }

    @Test
    void manyCovariatesMakeATallerFigure() {
        List<String> cov = new ArrayList<>();
        for (int j = 0; j < 25; j++) {
            cov.add("x" + j);
        }
        Figure f = Figures.lovePlot("l", cov, new double[25], new double[25], LovePlotOptions.percent());
        assertEquals(800, f.width());
        // 130 points for title, axis and legend + 24 per covariate
        assertEquals(130 + 24 * 25, f.height());
        Figure few = Figures.lovePlot("l", List.of("a"), new double[1], new double[1], LovePlotOptions.percent());
        assertEquals(500, few.height());
    }

    @Test
    void badInputIsAUserError() {
        var o = LovePlotOptions.percent();
        assertThrows(UserError.class, () -> Figures.lovePlot("l", List.of("a", "a"), new double[2], new double[2], o));
        assertThrows(UserError.class, () -> Figures.lovePlot("l", List.of("a", "b"), new double[2], new double[3], o));
        assertThrows(UserError.class, () -> Figures.lovePlot("l", List.of(), new double[0], new double[0], o));
        assertThrows(UserError.class, () -> Figures.lovePlot("l", List.of("a"),
                new double[] {Double.POSITIVE_INFINITY}, new double[1], o));
        assertThrows(UserError.class, () -> Figures.lovePlot("l", List.of("a"), null, new double[1], o));
    }
}
