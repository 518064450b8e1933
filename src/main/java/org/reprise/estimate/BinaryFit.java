package org.reprise.estimate;

import java.util.List;
import org.reprise.covariance.Scored;

/**
 * A probit or logit fitted by maximum likelihood ({@link BinaryChoice#fit}).
 *
 * <p>Coefficient arrays have one entry per regressor passed in ({@code names}); regressors dropped because of
 * collinearity or perfect prediction are flagged in {@code omitted} and have coefficient 0, as Stata shows them.
 * The {@link Scored} view (bread, scores) covers only the kept regressors, in their original order.
 * Observations: {@code xb} and {@code p} have one entry per input row (computed for every row, as Stata's
 * predict does); {@code used} marks the estimation sample, whose rows are listed in order in {@code rows};
 * score(i) refers to the i-th row of {@code rows}.
 *
 * @param link       PROBIT or LOGIT
 * @param names      regressor names as passed in
 * @param coef       coefficients, one per name (0 where omitted)
 * @param omitted    true where a regressor was dropped (collinearity or perfect prediction)
 * @param bread      inverse observed information (negative Hessian inverse) over the kept regressors
 * @param scores     scores()[j][i]: observation rows[i]'s weighted gradient contribution for kept regressor j,
 *                   computed on first use (only robust and cluster standard errors need them: k x N doubles)
 * @param ll         log-likelihood at the estimates
 * @param ll0        log-likelihood of the constant-only model on the same sample (with no _cons: at b = 0)
 * @param lrChi2     likelihood-ratio statistic 2 (ll - ll0)
 * @param lrDf       its degrees of freedom: kept regressors other than _cons
 * @param lrP        its chi-squared upper-tail p-value (NaN when lrDf = 0)
 * @param pseudoR2   McFadden's 1 - ll / ll0, as Stata reports it
 * @param xb         linear index x_i'b per input row
 * @param p          fitted probability P(y = 1) per input row
 * @param used       true for rows in the estimation sample
 * @param rows       indices of the estimation-sample rows, ascending
 * @param nobs       number of observations in the estimation sample
 * @param sumWeights sum of the weights over the estimation sample (nobs when unweighted)
 * @param iterations Newton iterations
 * @param halvings   step halvings over all iterations
 * @param notes      Stata-style notes (omitted regressors, perfect prediction), in the order they arose
 */
public record BinaryFit(BinaryChoice.Link link, String[] names, double[] coef, boolean[] omitted,
                        double[][] bread, LazyScores scores, double ll, double ll0, double lrChi2, int lrDf,
                        double lrP, double pseudoR2, double[] xb, double[] p, boolean[] used, int[] rows,
                        int nobs, double sumWeights, int iterations, int halvings, List<String> notes)
        implements Scored {

    @Override
    public int rank() {
        return bread.length;
    }

    @Override
    public void score(int i, double[] out) {
        double[][] s = scores.get();
        for (int j = 0; j < s.length; j++) {
            out[j] = s[j][i];
        }
    }

    @Override
    public double scale() {
        return 1.0;
    }

    @Override
    public double leverage(int i) {
        return Double.NaN;
    }

    @Override
    public int dfResid() {
        return nobs - rank();
    }

    @Override
    public boolean asymptotic() {
        return true;
    }

    /** Names of the kept regressors, in the order of bread and scores. */
    public String[] keptNames() {
        String[] out = new String[rank()];
        int c = 0;
        for (int j = 0; j < names.length; j++) {
            if (!omitted[j]) {
                out[c++] = names[j];
            }
        }
        return out;
    }
}
