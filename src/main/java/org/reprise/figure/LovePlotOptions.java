package org.reprise.figure;

/**
 * Labels and reference lines of {@link Figures#lovePlot}. Vertical lines are drawn at 0 and at ±{@code threshold}
 * ({@code threshold} ≤ 0 or NaN: only the zero line). Use {@link #percent()} for standardized bias in percent
 * (psmatch2/pstest, lines at ±10) or {@link #smd()} for standardized mean differences (cobalt, lines at ±0.1).
 */
public record LovePlotOptions(String title, String xLabel, String beforeLabel, String afterLabel, double threshold) {

    /** Standardized bias in percent, reference lines at ±10. */
    public static LovePlotOptions percent() {
        return new LovePlotOptions("Covariate balance", "Standardized bias (%)", "Before matching",
                "After matching", 10);
    }

    /** Standardized mean difference, reference lines at ±0.1. */
    public static LovePlotOptions smd() {
        return new LovePlotOptions("Covariate balance", "Standardized mean difference", "Before matching",
                "After matching", 0.1);
    }

    public LovePlotOptions withTitle(String v) {
        return new LovePlotOptions(v, xLabel, beforeLabel, afterLabel, threshold);
    }

    public LovePlotOptions withXLabel(String v) {
        return new LovePlotOptions(title, v, beforeLabel, afterLabel, threshold);
    }

    public LovePlotOptions withSeriesLabels(String before, String after) {
        return new LovePlotOptions(title, xLabel, before, after, threshold);
    }

    public LovePlotOptions withThreshold(double v) {
        return new LovePlotOptions(title, xLabel, beforeLabel, afterLabel, v);
    }
}
