package org.reprise.estimate;

import java.util.List;
import org.reprise.covariance.Scored;

/**
 * A linear least-squares fit ({@link Ols#fit}, or {@link Absorb} after absorbing fixed effects).
 *
 * <p>Parameter arrays ({@code names}, {@code coef}, {@code omitted}) are in output order: the columns as passed in,
 * with {@code _cons} moved last as Stata prints it. Omitted (collinear) parameters have coefficient 0. The
 * {@link Scored} view covers only the kept parameters, in output order: {@link #keptNames()} names them.
 *
 * @param names      parameter names, output order
 * @param coef       coefficients, 0 where omitted
 * @param omitted    true where the column was dropped for collinearity
 * @param fitted     x_i'b per observation
 * @param residuals  y_i - x_i'b per observation
 * @param weights    analytic weights normalised to sum to n, or null when unweighted
 * @param n          observations
 * @param rank       kept parameters k
 * @param rss        weighted residual sum of squares
 * @param tss        total sum of squares: about the (weighted) mean with a constant, about 0 without
 * @param r2         1 - rss/tss (uncentred without a constant; the within R² after absorbing fixed effects)
 * @param adjR2      1 - (1 - r2)(n - c)/dfResid, c = 1 with a constant, else 0
 * @param rmse       root mean squared error sqrt(rss/dfResid)
 * @param f          classical overall F: all kept slopes other than _cons (all kept parameters without a constant)
 * @param dfModel    numerator df of f: rank - 1 with a constant, else rank
 * @param dfResid    n - rank - absorbed
 * @param hasConstant the model contains an intercept (explicit _cons, or implied by absorbed fixed effects)
 * @param absorbed   parameters absorbed as fixed effects beyond the reported _cons (0 without fixed effects)
 * @param bread      (X'WX)^-1 over the kept parameters, output order
 * @param leverage   h_ii = w_i x_i'(X'WX)^-1 x_i per observation
 * @param keptX      the kept regressor columns (output order), column-major, shared not copied
 * @param notes      Stata-style notes ("x2 omitted because of collinearity")
 */
public record LinearFit(String[] names, double[] coef, boolean[] omitted, double[] fitted, double[] residuals,
                        double[] weights, int n, int rank, double rss, double tss, double r2, double adjR2,
                        double rmse, double f, int dfModel, int dfResid, boolean hasConstant, int absorbed,
                        double[][] bread, double[] leverage, double[][] keptX, List<String> notes)
        implements Scored {

    @Override
    public int nobs() {
        return n;
    }

    @Override
    public double[][] bread() {
        return bread;
    }

    /** Score of observation i: x_i w_i e_i over the kept parameters. */
    @Override
    public void score(int i, double[] out) {
        double we = weights == null ? residuals[i] : weights[i] * residuals[i];
        for (int j = 0; j < keptX.length; j++) {
            out[j] = keptX[j][i] * we;
        }
    }

    /** sigma^2 = rss / dfResid. */
    @Override
    public double scale() {
        return rss / dfResid;
    }

    @Override
    public double leverage(int i) {
        return leverage[i];
    }

    /** Names of the kept parameters, in the order of bread and scores. */
    public String[] keptNames() {
        String[] out = new String[rank];
        int c = 0;
        for (int j = 0; j < names.length; j++) {
            if (!omitted[j]) {
                out[c++] = names[j];
            }
        }
        return out;
    }

    /** Kept coefficients, in the order of bread and scores. */
    public double[] keptCoef() {
        double[] out = new double[rank];
        int c = 0;
        for (int j = 0; j < names.length; j++) {
            if (!omitted[j]) {
                out[c++] = coef[j];
            }
        }
        return out;
    }
}
