package org.reprise.figure;

import java.util.List;

/**
 * The report's figures, built from plain arrays. Each method checks its input (bad input is a
 * {@link org.reprise.UserError} naming the figure), builds a themed JFreeChart and returns it as a {@link Figure};
 * {@link Figure#write} renders it to {@code <name>.png} and {@code <name>.svg}. See docs/figures.md.
 */
public final class Figures {
    private Figures() {
    }

    /**
     * Common-support figure: mirrored histograms of the propensity score (treated bars up, controls down) before
     * matching (top panel) and after matching (bottom panel, with the matching weights). Bars are each group's
     * weighted share per bin, so a group's bars sum to 1; both panels share bins and scale. Dashed vertical lines
     * mark the common-support bounds; pass NaN for a bound that should not be drawn.
     */
    public static Figure scoreDensity(String name, ScoreSample before, ScoreSample after, double supportLow,
            double supportHigh, ScoreDensityOptions options) {
        return ScoreDensityChart.build(name, before, after, supportLow, supportHigh, options);
    }

    /**
     * Love plot: one row per covariate (first covariate at the top), standardized bias before matching as a hollow
     * circle and after matching as a filled circle, vertical lines at 0 and ±threshold. NaN values are not drawn.
     */
    public static Figure lovePlot(String name, List<String> covariates, double[] before, double[] after,
            LovePlotOptions options) {
        return LovePlotChart.build(name, covariates, before, after, options);
    }

    /**
     * Dot-and-whisker plot: one x position per method (in order of first appearance), the groups (samples) side by
     * side around it in order of first appearance, whiskers from {@code low} to {@code high}, and a horizontal line
     * at zero. The legend lists the groups and is left out when there is a single unnamed group.
     */
    public static Figure coefficientPlot(String name, List<CoefficientPoint> points, CoefficientPlotOptions options) {
        return CoefficientPlotChart.build(name, points, options);
    }

    /**
     * Difference-in-differences picture: mean outcome per wave for treated (solid line, circles) and controls
     * (dashed line, squares), waves in the given order; NaN leaves a gap. Optionally a dashed vertical line marks
     * where treatment starts.
     */
    public static Figure groupMeans(String name, List<String> waves, double[] treatedMeans, double[] controlMeans,
            GroupMeansOptions options) {
        return GroupMeansChart.build(name, waves, treatedMeans, controlMeans, options);
    }
}
