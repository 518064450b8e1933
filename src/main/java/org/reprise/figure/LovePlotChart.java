package org.reprise.figure;

import java.awt.BasicStroke;
import java.awt.geom.Ellipse2D;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.category.DefaultCategoryDataset;

/** Builds the love plot; see {@link Figures#lovePlot}. */
final class LovePlotChart {
    private LovePlotChart() {
    }

    static Figure build(String name, List<String> covariates, double[] before, double[] after, LovePlotOptions o) {
        FigureInputs.notNull(name, "the options", o);
        FigureInputs.labels(name, "the covariate list", covariates);
        FigureInputs.sameLength(name, "the before-matching values", covariates.size(), before, "the covariate list");
        FigureInputs.sameLength(name, "the after-matching values", covariates.size(), after, "the covariate list");
        noInfinity(name, "the before-matching values", before);
        noInfinity(name, "the after-matching values", after);

        String beforeKey = FigureInputs.orEmpty(o.beforeLabel());
        String afterKey = FigureInputs.orEmpty(o.afterLabel());
        if (afterKey.equals(beforeKey)) {
            afterKey = afterKey + " ";
        }
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        double min = 0;
        double max = 0;
        for (int j = 0; j < covariates.size(); j++) {
            data.addValue(Double.isNaN(before[j]) ? null : before[j], beforeKey, covariates.get(j));
            data.addValue(Double.isNaN(after[j]) ? null : after[j], afterKey, covariates.get(j));
            for (double v : new double[] {before[j], after[j]}) {
                if (!Double.isNaN(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        double t = Double.isFinite(o.threshold()) && o.threshold() > 0 ? o.threshold() : 0;
        min = Math.min(min, -t);
        max = Math.max(max, t);

        CategoryAxis yAxis = new CategoryAxis(null);
        yAxis.setCategoryMargin(0.0);
        // long covariate labels may take up to 40% of the width before they are shortened with "..."
        yAxis.setMaximumCategoryLabelWidthRatio(0.4f);
        yAxis.setLowerMargin(0.03);
        yAxis.setUpperMargin(0.03);
        NumberAxis xAxis = new NumberAxis(FigureInputs.orEmpty(o.xLabel()));
        Ticks.apply(xAxis, min, max, 0.05, false);

        LineAndShapeRenderer points = new LineAndShapeRenderer(false, true);
        Ellipse2D circle = new Ellipse2D.Double(-4.5, -4.5, 9, 9);
        points.setSeriesShape(0, circle);
        points.setSeriesShape(1, circle);
        points.setSeriesPaint(0, Theme.BLACK);
        points.setSeriesPaint(1, Theme.BLUE);
        points.setSeriesShapesFilled(0, false);
        points.setSeriesShapesFilled(1, true);
        points.setUseOutlinePaint(false);
        points.setSeriesStroke(0, new BasicStroke(1.4f));
        points.setSeriesStroke(1, new BasicStroke(1.4f));
        points.setDrawOutlines(true);
        points.setUseFillPaint(false);
        points.setItemMargin(0.0);

        CategoryPlot plot = new CategoryPlot(data, yAxis, xAxis, points);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
        plot.setDomainGridlinesVisible(true);
        plot.setRangeGridlinesVisible(false);
        plot.addRangeMarker(new ValueMarker(0, Theme.REFERENCE, Theme.REFERENCE_STROKE), Layer.BACKGROUND);
        if (t > 0) {
            plot.addRangeMarker(new ValueMarker(-t, Theme.REFERENCE, Theme.DASHED_STROKE), Layer.BACKGROUND);
            plot.addRangeMarker(new ValueMarker(t, Theme.REFERENCE, Theme.DASHED_STROKE), Layer.BACKGROUND);
        }
        JFreeChart chart = new JFreeChart(FigureInputs.orEmpty(o.title()), Theme.TITLE, plot, true);
        Theme.apply(chart);
        return new Figure(name, chart, FigureWriter.DEFAULT_WIDTH, height(covariates.size()));
    }

    /** 500 points, or 24 points per covariate plus room for title, axis and legend when that is more. */
    static int height(int covariates) {
        return Math.max(FigureWriter.DEFAULT_HEIGHT, 130 + 24 * covariates);
    }

    private static void noInfinity(String name, String what, double[] v) {
        for (int i = 0; i < v.length; i++) {
            if (Double.isInfinite(v[i])) {
                throw new org.reprise.UserError("Figure '" + name + "': " + what + " is infinite at position "
                        + (i + 1) + " (a covariate without variance?); drop that covariate or pass NaN to leave the "
                        + "point out.");
            }
        }
    }
}
