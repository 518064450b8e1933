package org.reprise.figure;

import java.util.List;

/** Small fixed inputs for the figure tests; labels include XML-special and non-ASCII characters on purpose. */
public final class Samples {
    private Samples() {
    }

    static final String TRICKY = "Income & wealth <log> × 10² − \"q\"";

    static Figure score() {
        double[] t = {0.21, 0.35, 0.35, 0.52, 0.61, 0.77, 0.88};
        double[] c = {0.05, 0.09, 0.12, 0.22, 0.31, 0.36, 0.44, 0.58, 0.63};
        double[] w = {0, 0, 1, 2, 1, 0, 1, 1, 1};
        return Figures.scoreDensity("score", ScoreSample.of(t, c), new ScoreSample(t, c, null, w), 0.21, 0.88,
                ScoreDensityOptions.defaults().withBins(10, 0, 1).withTitle("Score & support <test> ×"));
    }

    static Figure love() {
        return Figures.lovePlot("love", List.of("Age", "Age²", TRICKY, "East × urban"),
                new double[] {35.2, -12.1, -40.5, 22.0}, new double[] {2.1, -1.3, -6.2, Double.NaN},
                LovePlotOptions.percent());
    }

    static Figure coefficients() {
        return Figures.coefficientPlot("coef", List.of(
                new CoefficientPoint("NN 1:1", "Full", 0.05, 0.01, 0.09),
                new CoefficientPoint("NN 1:1", "East & Berlin", 0.02, -0.03, 0.07),
                new CoefficientPoint("NN 1:4", "Full", 0.07, 0.03, 0.11),
                new CoefficientPoint("NN 1:4", "East & Berlin", 0.04, -0.01, 0.09),
                new CoefficientPoint("Kernel", "Full", 0.09, 0.05, 0.15)),
                CoefficientPlotOptions.defaults().withAxisLabels("", "ATT (95% CI), R² < 1"));
    }

    static Figure means() {
        return Figures.groupMeans("means", List.of("2012", "2014", "2016", "2018"),
                new double[] {10.2, 10.8, 13.5, 14.0}, new double[] {9.8, 10.5, 11.4, 11.8},
                GroupMeansOptions.defaults().withTreatmentStart("2016", "Reform <2016>"));
    }

    public static List<Figure> all() {
        return List.of(score(), love(), coefficients(), means());
    }
}
