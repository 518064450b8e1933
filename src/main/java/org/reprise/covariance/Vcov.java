package org.reprise.covariance;

import java.util.List;

/**
 * A computed covariance of the kept parameters, with what inference needs.
 *
 * @param matrix        k x k covariance, in the fit's kept-parameter order
 * @param spec          what was asked for (with the small-sample correction actually used filled in)
 * @param label         text for table notes: "Robust standard errors (HC1)",
 *                      "Standard errors clustered by firm (500 clusters)"
 * @param df            degrees of freedom of t tests: the fit's residual df for classical and HC, G-1 for clusters
 *                      (min(G1,G2)-1 for two-way), as Stata; {@link Double#POSITIVE_INFINITY} for asymptotic fits
 *                      (normal z tests)
 * @param clusterCounts clusters per cluster variable (empty when not clustered)
 * @param notes         remarks, e.g. that a two-way covariance was not positive semi-definite and was repaired
 */
public record Vcov(double[][] matrix, VcovSpec spec, String label, double df, int[] clusterCounts,
                   List<String> notes) {

    /** True when inference uses the normal distribution (z statistics). */
    public boolean normal() {
        return Double.isInfinite(df);
    }

    /** Standard errors: square roots of the diagonal. */
    public double[] standardErrors() {
        double[] se = new double[matrix.length];
        for (int j = 0; j < se.length; j++) {
            se[j] = Math.sqrt(matrix[j][j]);
        }
        return se;
    }
}
