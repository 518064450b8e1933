package org.reprise.figure;

/**
 * Labels and binning of {@link Figures#scoreDensity}. {@code binLow}/{@code binHigh} set the histogram range;
 * {@code NaN} (the default) means the smallest and largest score over both panels. Both panels always share the
 * bins and the vertical scale. {@code supportLabel} names the common-support lines in the legend.
 */
public record ScoreDensityOptions(String title, String xLabel, String yLabel, String treatedLabel,
        String controlLabel, String beforeLabel, String afterLabel, String supportLabel,
        int bins, double binLow, double binHigh) {

    /** English labels, 20 bins over the range of the scores. */
    public static ScoreDensityOptions defaults() {
        return new ScoreDensityOptions("Propensity score by group, before and after matching", "Propensity score",
                "Share of group", "Treated", "Controls", "Before matching", "After matching",
                "Common support", 20, Double.NaN, Double.NaN);
    }

    public ScoreDensityOptions withTitle(String v) {
        return new ScoreDensityOptions(v, xLabel, yLabel, treatedLabel, controlLabel, beforeLabel, afterLabel,
                supportLabel, bins, binLow, binHigh);
    }

    public ScoreDensityOptions withAxisLabels(String x, String y) {
        return new ScoreDensityOptions(title, x, y, treatedLabel, controlLabel, beforeLabel, afterLabel,
                supportLabel, bins, binLow, binHigh);
    }

    public ScoreDensityOptions withGroupLabels(String treated, String controls) {
        return new ScoreDensityOptions(title, xLabel, yLabel, treated, controls, beforeLabel, afterLabel,
                supportLabel, bins, binLow, binHigh);
    }

    public ScoreDensityOptions withPanelLabels(String before, String after) {
        return new ScoreDensityOptions(title, xLabel, yLabel, treatedLabel, controlLabel, before, after,
                supportLabel, bins, binLow, binHigh);
    }

    public ScoreDensityOptions withSupportLabel(String v) {
        return new ScoreDensityOptions(title, xLabel, yLabel, treatedLabel, controlLabel, beforeLabel, afterLabel,
                v, bins, binLow, binHigh);
    }

    /** {@code bins} equal-width bins on [low, high]; pass NaN for both to use the range of the scores. */
    public ScoreDensityOptions withBins(int count, double low, double high) {
        return new ScoreDensityOptions(title, xLabel, yLabel, treatedLabel, controlLabel, beforeLabel, afterLabel,
                supportLabel, count, low, high);
    }
}
