package org.reprise.figure;

import java.awt.BasicStroke;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.reprise.UserError;

/** Builds the coefficient (dot-and-whisker) plot; see {@link Figures#coefficientPlot}. */
final class CoefficientPlotChart {
    private CoefficientPlotChart() {
    }

    /** Horizontal distance between the groups' points around each method's position (1 = method spacing). */
    static double spacing(int groups) {
        return Math.min(0.2, 0.7 / groups);
    }

    static Figure build(String name, List<CoefficientPoint> points, CoefficientPlotOptions o) {
        FigureInputs.notNull(name, "the options", o);
        FigureInputs.notNull(name, "the list of estimates", points);
        if (points.isEmpty()) {
            throw new UserError("Figure '" + name + "': the list of estimates is empty; give at least one.");
        }
        List<String> methods = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            CoefficientPoint p = points.get(i);
            check(name, i, p);
            if (!methods.contains(p.method())) {
                methods.add(p.method());
            }
            String g = FigureInputs.orEmpty(p.group());
            if (!groups.contains(g)) {
                groups.add(g);
            }
        }
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        List<YIntervalSeries> series = new ArrayList<>();
        for (String g : groups) {
            YIntervalSeries s = new YIntervalSeries(g, false, true);
            series.add(s);
            data.addSeries(s);
        }
        double step = spacing(groups.size());
        List<String> seen = new ArrayList<>();
        for (CoefficientPoint p : points) {
            String key = p.method() + "\u0000" + FigureInputs.orEmpty(p.group());
            if (seen.contains(key)) {
                throw new UserError("Figure '" + name + "': the method '" + p.method() + "' appears twice"
                        + (groups.size() > 1 ? " for the group '" + p.group() + "'" : "")
                        + "; give each method (and group) one estimate.");
            }
            seen.add(key);
            int g = groups.indexOf(FigureInputs.orEmpty(p.group()));
            double x = methods.indexOf(p.method()) + (g - (groups.size() - 1) / 2.0) * step;
            series.get(g).add(x, p.estimate(), p.low(), p.high());
        }

        SymbolAxis xAxis = new SymbolAxis(FigureInputs.orEmpty(o.xLabel()), methods.toArray(new String[0]));
        xAxis.setGridBandsVisible(false);
        xAxis.setRange(-0.5, methods.size() - 0.5);
        NumberAxis yAxis = new NumberAxis(FigureInputs.orEmpty(o.yLabel()));
        double lo = 0;
        double hi = 0;
        for (CoefficientPoint p : points) {
            lo = Math.min(lo, p.low());
            hi = Math.max(hi, p.high());
        }
        Ticks.apply(yAxis, lo, hi, 0.05, false);

        XYErrorRenderer r = new XYErrorRenderer();
        r.setDrawXError(false);
        r.setDrawYError(true);
        r.setCapLength(6);
        r.setErrorStroke(new BasicStroke(1.6f));
        r.setDefaultLinesVisible(false);
        r.setDefaultShapesVisible(true);
        Ellipse2D dot = new Ellipse2D.Double(-4.5, -4.5, 9, 9);
        for (int g = 0; g < groups.size(); g++) {
            r.setSeriesLinesVisible(g, false);
            r.setSeriesShape(g, dot);
            r.setSeriesPaint(g, Theme.series(g));
        }
        XYPlot plot = new XYPlot(data, xAxis, yAxis, r);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeZeroBaselineVisible(true);
        plot.setRangeZeroBaselinePaint(Theme.REFERENCE);
        plot.setRangeZeroBaselineStroke(Theme.REFERENCE_STROKE);
        boolean legend = groups.size() > 1 || !groups.get(0).isEmpty();
        JFreeChart chart = new JFreeChart(FigureInputs.orEmpty(o.title()), Theme.TITLE, plot, legend);
        Theme.apply(chart);
        return new Figure(name, chart);
    }

    private static void check(String name, int i, CoefficientPoint p) {
        String where = "Figure '" + name + "': estimate " + (i + 1);
        if (p == null) {
            throw new UserError(where + " is missing; remove the empty entry.");
        }
        if (p.method() == null || p.method().isBlank()) {
            throw new UserError(where + " has no method name; give each estimate a label such as 'NN 1:1'.");
        }
        where = where + " ('" + p.method() + "')";
        if (!Double.isFinite(p.estimate()) || !Double.isFinite(p.low()) || !Double.isFinite(p.high())) {
            throw new UserError(where + " has a missing or infinite estimate or interval bound; leave that "
                    + "estimate out or fix it.");
        }
        if (!(p.low() <= p.estimate() && p.estimate() <= p.high())) {
            throw new UserError(where + " has the estimate " + p.estimate() + " outside its interval ["
                    + p.low() + ", " + p.high() + "]; check that low and high are not swapped.");
        }
    }
}
