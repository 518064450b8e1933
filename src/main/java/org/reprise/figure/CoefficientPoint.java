package org.reprise.figure;

/**
 * One estimate for {@link Figures#coefficientPlot}: the method (x-axis label, e.g. "NN 1:1"), the sample group
 * ({@code null} or empty when there is only one sample), the point estimate and the interval bounds drawn as
 * whiskers (normally the 95% confidence interval; the caller computes them, so asymmetric intervals are fine).
 */
public record CoefficientPoint(String method, String group, double estimate, double low, double high) {
}
