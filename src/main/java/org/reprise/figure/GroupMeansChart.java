package org.reprise.figure;

import java.awt.BasicStroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.reprise.UserError;

/** Builds the DID group-means figure; see {@link Figures#groupMeans}. */
final class GroupMeansChart {
    private GroupMeansChart() {
    }

    static Figure build(String name, List<String> waves, double[] treated, double[] controls, GroupMeansOptions o) {
        FigureInputs.notNull(name, "the options", o);
        FigureInputs.labels(name, "the wave labels", waves);
        FigureInputs.sameLength(name, "the treated means", waves.size(), treated, "the wave labels");
        FigureInputs.sameLength(name, "the control means", waves.size(), controls, "the wave labels");
        String treatedKey = FigureInputs.orEmpty(o.treatedLabel());
        String controlKey = FigureInputs.orEmpty(o.controlLabel());
        if (controlKey.equals(treatedKey)) {
            controlKey = controlKey + " ";
        }
        XYSeries t = new XYSeries(treatedKey, false, true);
        XYSeries c = new XYSeries(controlKey, false, true);
        for (int k = 0; k < waves.size(); k++) {
            t.add(k, value(name, "the treated means", k, treated[k]));
            c.add(k, value(name, "the control means", k, controls[k]));
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(t);
        data.addSeries(c);

        SymbolAxis xAxis = new SymbolAxis(FigureInputs.orEmpty(o.xLabel()), waves.toArray(new String[0]));
        xAxis.setGridBandsVisible(false);
        xAxis.setRange(-0.4, waves.size() - 0.6);
        NumberAxis yAxis = new NumberAxis(FigureInputs.orEmpty(o.yLabel()));
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] v : new double[][] {treated, controls}) {
            for (double x : v) {
                if (!Double.isNaN(x)) {
                    lo = Math.min(lo, x);
                    hi = Math.max(hi, x);
                }
            }
        }
        if (lo > hi) {
            throw new UserError("Figure '" + name + "': every mean is missing (NaN); there is nothing to plot.");
        }
        Ticks.apply(yAxis, lo, hi, 0.08, false);

        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        r.setSeriesPaint(0, Theme.BLUE);
        r.setSeriesPaint(1, Theme.VERMILLION);
        r.setSeriesStroke(0, Theme.LINE_STROKE);
        r.setSeriesStroke(1, new BasicStroke(2.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                new float[] {7f, 4f}, 0f));
        r.setSeriesShape(0, new Ellipse2D.Double(-4.5, -4.5, 9, 9));
        r.setSeriesShape(1, new Rectangle2D.Double(-4, -4, 8, 8));
        r.setDrawSeriesLineAsPath(true);

        XYPlot plot = new XYPlot(data, xAxis, yAxis, r);
        plot.setDomainGridlinesVisible(false);
        if (o.treatmentStart() != null) {
            int k = waves.indexOf(o.treatmentStart());
            if (k < 1) {
                throw new UserError("Figure '" + name + "': the treatment start '" + o.treatmentStart() + "' is "
                        + (k == 0 ? "the first wave, so there is no pre-treatment wave to separate it from"
                                : "not one of the wave labels " + waves)
                        + "; give the label of the first treated wave, or leave it unset.");
            }
            ValueMarker m = new ValueMarker(k - 0.5, Theme.REFERENCE, Theme.DASHED_STROKE);
            m.setLabel(FigureInputs.orEmpty(o.treatmentLabel()));
            m.setLabelFont(Theme.SMALL);
            m.setLabelPaint(Theme.REFERENCE);
            m.setLabelBackgroundColor(new java.awt.Color(255, 255, 255, 0));
            m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            m.setLabelOffset(new RectangleInsets(4, 4, 4, 4));
            plot.addDomainMarker(m);
        }
        JFreeChart chart = new JFreeChart(FigureInputs.orEmpty(o.title()), Theme.TITLE, plot, true);
        Theme.apply(chart);
        return new Figure(name, chart);
    }

    private static Double value(String name, String what, int k, double v) {
        if (Double.isInfinite(v)) {
            throw new UserError("Figure '" + name + "': " + what + " are infinite at wave " + (k + 1)
                    + "; fix the value or pass NaN to leave a gap.");
        }
        return Double.isNaN(v) ? null : v;
    }
}
