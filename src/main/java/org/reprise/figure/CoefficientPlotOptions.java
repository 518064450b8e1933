package org.reprise.figure;

/** Labels of {@link Figures#coefficientPlot}; {@code xLabel} may be empty (the method names say enough). */
public record CoefficientPlotOptions(String title, String xLabel, String yLabel) {

    /** "Estimated effects", no x label, y label "Estimate (95% CI)". */
    public static CoefficientPlotOptions defaults() {
        return new CoefficientPlotOptions("Estimated effects", "", "Estimate (95% CI)");
    }

    public CoefficientPlotOptions withTitle(String v) {
        return new CoefficientPlotOptions(v, xLabel, yLabel);
    }

    public CoefficientPlotOptions withAxisLabels(String x, String y) {
        return new CoefficientPlotOptions(title, x, y);
    }
}
