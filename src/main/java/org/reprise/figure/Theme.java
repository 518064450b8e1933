package org.reprise.figure;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.Paint;
import java.awt.Stroke;
import java.util.Arrays;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.AbstractRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/**
 * The one look every Reprise figure shares: white background, light solid grid, no shadows or gradients,
 * DejaVu Sans (or the JDK's logical SansSerif when DejaVu is not installed), legend below the plot without a box,
 * and a colour-blind-safe palette (Okabe and Ito).
 */
final class Theme {
    private Theme() {
    }

    /** Okabe–Ito colours, in the order series get them. */
    static final Color BLUE = new Color(0x00, 0x72, 0xB2);
    static final Color ORANGE = new Color(0xE6, 0x9F, 0x00);
    static final Color VERMILLION = new Color(0xD5, 0x5E, 0x00);
    static final Color GREEN = new Color(0x00, 0x9E, 0x73);
    static final Color PURPLE = new Color(0xCC, 0x79, 0xA7);
    static final Color SKY = new Color(0x56, 0xB4, 0xE9);
    static final Color BLACK = new Color(0x22, 0x22, 0x22);
    static final Color[] SERIES = {BLUE, VERMILLION, GREEN, ORANGE, PURPLE, SKY, BLACK};

    static final Color GRID = new Color(0xE3, 0xE3, 0xE3);
    static final Color AXIS = new Color(0x88, 0x88, 0x88);
    static final Color REFERENCE = new Color(0x55, 0x55, 0x55);

    static final Stroke GRID_STROKE = new BasicStroke(0.8f);
    static final Stroke REFERENCE_STROKE = new BasicStroke(1.0f);
    static final Stroke DASHED_STROKE = new BasicStroke(1.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
            10f, new float[] {5f, 4f}, 0f);
    static final Stroke LINE_STROKE = new BasicStroke(2.0f);

    static final String FAMILY = family();
    static final Font TITLE = new Font(FAMILY, Font.BOLD, 14);
    static final Font LABEL = new Font(FAMILY, Font.PLAIN, 12);
    static final Font TICK = new Font(FAMILY, Font.PLAIN, 11);
    static final Font SMALL = new Font(FAMILY, Font.PLAIN, 11);

    private static String family() {
        FigureWriter.ensureHeadless();
        String[] names = GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames();
        return Arrays.asList(names).contains("DejaVu Sans") ? "DejaVu Sans" : Font.SANS_SERIF;
    }

    /** Applies fonts, backgrounds, grid and legend style to a finished chart (and its subplots). */
    static void apply(JFreeChart chart) {
        StandardChartTheme theme = new StandardChartTheme("reprise") {
            @Override
            protected void applyToAbstractRenderer(AbstractRenderer renderer) {
                // keep the series colours, strokes and shapes each figure sets on purpose
            }
        };
        theme.setDrawingSupplier(new DefaultDrawingSupplier(SERIES, new Paint[] {Color.WHITE},
                new Paint[] {BLACK}, new Stroke[] {LINE_STROKE}, new Stroke[] {new BasicStroke(1f)},
                DefaultDrawingSupplier.DEFAULT_SHAPE_SEQUENCE));
        theme.setExtraLargeFont(TITLE);
        theme.setLargeFont(LABEL);
        theme.setRegularFont(TICK);
        theme.setSmallFont(SMALL);
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setPlotOutlinePaint(Color.WHITE);
        theme.setLegendBackgroundPaint(Color.WHITE);
        theme.setLegendItemPaint(BLACK);
        theme.setTitlePaint(BLACK);
        theme.setSubtitlePaint(BLACK);
        theme.setAxisLabelPaint(BLACK);
        theme.setTickLabelPaint(BLACK);
        theme.setDomainGridlinePaint(GRID);
        theme.setRangeGridlinePaint(GRID);
        theme.setBarPainter(new StandardBarPainter());
        theme.setXYBarPainter(new StandardXYBarPainter());
        theme.setShadowVisible(false);
        theme.setAxisOffset(new RectangleInsets(0, 0, 0, 0));
        theme.apply(chart);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(8, 8, 8, 12));
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setFrame(BlockBorder.NONE);
            legend.setPosition(RectangleEdge.BOTTOM);
            legend.setItemFont(LABEL);
        }
        styleGrid(chart.getPlot());
    }

    static void styleGrid(Plot plot) {
        plot.setOutlineVisible(false);
        if (plot instanceof XYPlot xy) {
            xy.setDomainGridlineStroke(GRID_STROKE);
            xy.setRangeGridlineStroke(GRID_STROKE);
            xy.setDomainGridlinePaint(GRID);
            xy.setRangeGridlinePaint(GRID);
            xy.getDomainAxis().setAxisLinePaint(AXIS);
            xy.getDomainAxis().setTickMarkPaint(AXIS);
            if (xy.getRangeAxis() != null) {
                xy.getRangeAxis().setAxisLinePaint(AXIS);
                xy.getRangeAxis().setTickMarkPaint(AXIS);
            }
        } else if (plot instanceof CategoryPlot cat) {
            cat.setDomainGridlineStroke(GRID_STROKE);
            cat.setRangeGridlineStroke(GRID_STROKE);
            cat.setDomainGridlinePaint(GRID);
            cat.setRangeGridlinePaint(GRID);
            cat.getDomainAxis().setAxisLinePaint(AXIS);
            cat.getDomainAxis().setTickMarkPaint(AXIS);
            cat.getRangeAxis().setAxisLinePaint(AXIS);
            cat.getRangeAxis().setTickMarkPaint(AXIS);
        }
    }

    static Paint series(int i) {
        return SERIES[i % SERIES.length];
    }
}
