package org.reprise.figure;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.reprise.UserError;

/** Builds the mirrored-histogram common-support figure; see {@link Figures#scoreDensity}. */
final class ScoreDensityChart {
    private ScoreDensityChart() {
    }

    static Figure build(String name, ScoreSample before, ScoreSample after, double supportLow, double supportHigh,
            ScoreDensityOptions o) {
        FigureInputs.notNull(name, "the options", o);
        FigureInputs.notNull(name, "the before-matching scores", before);
        FigureInputs.notNull(name, "the after-matching scores", after);
        check(name, o.beforeLabel(), before);
        check(name, o.afterLabel(), after);
        if (o.bins() < 1 || o.bins() > 1000) {
            throw new UserError("Figure '" + name + "': " + o.bins() + " histogram bins is not usable; give between "
                    + "1 and 1000 (20 is the default).");
        }
        double low = o.binLow();
        double high = o.binHigh();
        if (Double.isNaN(low) || Double.isNaN(high)) {
            low = Double.POSITIVE_INFINITY;
            high = Double.NEGATIVE_INFINITY;
            for (double[] s : new double[][] {before.treated(), before.controls(), after.treated(), after.controls()}) {
                for (double v : s) {
                    low = Math.min(low, v);
                    high = Math.max(high, v);
                }
            }
            if (low == high) {
                low -= 0.05;
                high += 0.05;
            }
        }
        if (!(low < high) || !Double.isFinite(low) || !Double.isFinite(high)) {
            throw new UserError("Figure '" + name + "': the histogram range [" + o.binLow() + ", " + o.binHigh()
                    + "] is empty; give a lower bound below the upper bound, or NaN for both.");
        }
        Histogram[] h = {
            Histogram.of(name, o.beforeLabel() + " (" + o.treatedLabel() + ")", before.treated(),
                    before.treatedWeights(), o.bins(), low, high),
            Histogram.of(name, o.beforeLabel() + " (" + o.controlLabel() + ")", before.controls(),
                    before.controlWeights(), o.bins(), low, high),
            Histogram.of(name, o.afterLabel() + " (" + o.treatedLabel() + ")", after.treated(),
                    after.treatedWeights(), o.bins(), low, high),
            Histogram.of(name, o.afterLabel() + " (" + o.controlLabel() + ")", after.controls(),
                    after.controlWeights(), o.bins(), low, high),
        };
        double top = 0;
        for (Histogram x : h) {
            for (double s : x.share()) {
                top = Math.max(top, s);
            }
        }
        // room above and below the tallest bar for the panel label
        double limit = top * 1.25;

        NumberAxis xAxis = new NumberAxis(FigureInputs.orEmpty(o.xLabel()));
        Ticks.apply(xAxis, low, high, 0.02, false);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(xAxis);
        plot.setGap(14);
        plot.add(panel(o, o.beforeLabel(), h[0], h[1], limit, supportLow, supportHigh), 1);
        plot.add(panel(o, o.afterLabel(), h[2], h[3], limit, supportLow, supportHigh), 1);
        plot.setOrientation(PlotOrientation.VERTICAL);

        JFreeChart chart = new JFreeChart(FigureInputs.orEmpty(o.title()), Theme.TITLE, plot, true);
        Theme.apply(chart);
        for (Object sub : plot.getSubplots()) {
            Theme.styleGrid((XYPlot) sub);
            ((XYPlot) sub).setDomainGridlinesVisible(false);
        }
        plot.setFixedLegendItems(legend(o, supportLow, supportHigh));
        chart.getLegend().setItemFont(Theme.LABEL);
        return new Figure(name, chart);
    }

    private static void check(String name, String panel, ScoreSample s) {
        FigureInputs.notNull(name, panel + " treated scores", s.treated());
        FigureInputs.notNull(name, panel + " control scores", s.controls());
        FigureInputs.finite(name, panel + " treated scores", s.treated());
        FigureInputs.finite(name, panel + " control scores", s.controls());
        weights(name, panel + " treated weights", s.treatedWeights(), s.treated().length, panel + " treated scores");
        weights(name, panel + " control weights", s.controlWeights(), s.controls().length, panel + " control scores");
    }

    private static void weights(String name, String what, double[] w, int n, String against) {
        if (w == null) {
            return;
        }
        FigureInputs.sameLength(name, what, n, w, against);
        FigureInputs.finite(name, what, w);
        for (int i = 0; i < w.length; i++) {
            if (w[i] < 0) {
                throw new UserError("Figure '" + name + "': " + what + " has the negative weight " + w[i]
                        + " at position " + (i + 1) + "; matching weights must be zero or positive.");
            }
        }
    }

    private static XYPlot panel(ScoreDensityOptions o, String label, Histogram treated, Histogram controls,
            double limit, double supportLow, double supportHigh) {
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        data.addSeries(series(o.treatedLabel(), treated, 1.0));
        data.addSeries(series(o.controlLabel(), controls, -1.0));
        NumberAxis yAxis = new NumberAxis(FigureInputs.orEmpty(o.yLabel()));
        Ticks.apply(yAxis, -limit, limit, 0.0, true);
        XYBarRenderer bars = new XYBarRenderer();
        bars.setBarPainter(new StandardXYBarPainter());
        bars.setShadowVisible(false);
        bars.setDrawBarOutline(true);
        bars.setDefaultOutlineStroke(new BasicStroke(0.6f));
        bars.setSeriesPaint(0, Theme.BLUE);
        bars.setSeriesPaint(1, Theme.ORANGE);
        bars.setSeriesOutlinePaint(0, java.awt.Color.WHITE);
        bars.setSeriesOutlinePaint(1, java.awt.Color.WHITE);
        bars.setSeriesOutlineStroke(0, new BasicStroke(0.6f));
        bars.setSeriesOutlineStroke(1, new BasicStroke(0.6f));
        XYPlot p = new XYPlot(data, null, yAxis, bars);
        p.setRangeZeroBaselineVisible(true);
        p.setRangeZeroBaselinePaint(Theme.REFERENCE);
        p.setRangeZeroBaselineStroke(Theme.REFERENCE_STROKE);
        p.setAxisOffset(new RectangleInsets(0, 0, 0, 0));
        for (double bound : new double[] {supportLow, supportHigh}) {
            if (Double.isFinite(bound)) {
                ValueMarker m = new ValueMarker(bound, Theme.REFERENCE, Theme.DASHED_STROKE);
                p.addDomainMarker(m);
            }
        }
        TextTitle t = new TextTitle(FigureInputs.orEmpty(label), Theme.LABEL.deriveFont(Font.BOLD));
        t.setBackgroundPaint(new java.awt.Color(255, 255, 255, 220));
        t.setPadding(2, 4, 2, 4);
        p.addAnnotation(new XYTitleAnnotation(0.01, 0.99, t, RectangleAnchor.TOP_LEFT));
        return p;
    }

    private static XYIntervalSeries series(String label, Histogram h, double sign) {
        XYIntervalSeries s = new XYIntervalSeries(FigureInputs.orEmpty(label));
        for (int k = 0; k < h.bins(); k++) {
            double mid = (h.start(k) + h.end(k)) / 2;
            double y = sign * h.share()[k];
            s.add(mid, h.start(k), h.end(k), y, Math.min(0, y), Math.max(0, y));
        }
        return s;
    }

    private static LegendItemCollection legend(ScoreDensityOptions o, double supportLow, double supportHigh) {
        LegendItemCollection items = new LegendItemCollection();
        Rectangle2D box = new Rectangle2D.Double(-5, -5, 10, 10);
        items.add(new LegendItem(FigureInputs.orEmpty(o.treatedLabel()), null, null, null, box, Theme.BLUE));
        items.add(new LegendItem(FigureInputs.orEmpty(o.controlLabel()), null, null, null, box, Theme.ORANGE));
        if (Double.isFinite(supportLow) || Double.isFinite(supportHigh)) {
            items.add(new LegendItem(FigureInputs.orEmpty(o.supportLabel()), null, null, null,
                    new Line2D.Double(-9, 0, 9, 0), Theme.DASHED_STROKE, Theme.REFERENCE));
        }
        return items;
    }

    /** Tick labels without the minus sign: the controls' bars point down but their shares are positive. */
    static final class AbsoluteFormat extends NumberFormat {
        private final DecimalFormat inner;

        AbsoluteFormat(DecimalFormat inner) {
            this.inner = inner;
        }

        @Override
        public StringBuffer format(double number, StringBuffer to, FieldPosition pos) {
            return inner.format(Math.abs(number) + 0.0, to, pos);
        }

        @Override
        public StringBuffer format(long number, StringBuffer to, FieldPosition pos) {
            return inner.format(Math.abs(number), to, pos);
        }

        @Override
        public Number parse(String source, ParsePosition pos) {
            return inner.parse(source, pos);
        }
    }
}
