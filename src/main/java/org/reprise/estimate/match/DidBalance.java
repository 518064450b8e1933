package org.reprise.estimate.match;

import java.util.ArrayList;
import java.util.List;
import org.reprise.covariance.Vcov;
import org.reprise.covariance.Vcovs;
import org.reprise.estimate.LinearFit;
import org.reprise.estimate.Ols;

/**
 * diff's {@code test}: the baseline balance table. For the outcome and each covariate, diff keeps the baseline rows
 * ({@code keep if period == 0}) and runs {@code reg v treated [aw=_weights], [robust] [cluster()]} (the weights only
 * with {@code kernel}): Mean Control = _cons, Mean Treated = _cons + treated, Diff. = treated, |t| =
 * |_b[treated]/_se[treated]|, Pr(|T|>|t|) from {@code test _b[treated] = 0} (the same p). With kernel the
 * weights are diff's {@code _weights} at baseline (treated on the support 1, controls their kernel weight, others 0),
 * so zero-weight rows leave each regression as in Stata. Rows missing the variable leave its regression only.
 */
public final class DidBalance {
    /** One line of the table. */
    public record Row(String variable, double meanControl, double meanTreated, double diff, double se, double t,
                      double p, double df, int n, LinearFit fit, Vcov vcov) {
    }

    private DidBalance() {
    }

    /**
     * @param variables  variables[j][i] for each row of the DID (the outcome first, then the covariates)
     * @param names      their names
     * @param treated    treatment group per row
     * @param post       period per row
     * @param id         unit id per row (default clusters)
     * @param weight     diff's {@code _weights} per row (kernel: {@link PsmDidResult#weight()} of the DID on the same
     *                   rows); null = unweighted (diff without kernel)
     * @param spec       the options (standard errors)
     * @param cluster    cluster codes per row, or null
     */
    public static List<Row> test(double[][] variables, String[] names, boolean[] treated, boolean[] post, int[] id,
                                 double[] weight, PsmDidSpec spec, int[] cluster) {
        List<Row> out = new ArrayList<>();
        int n = treated.length;
        for (int j = 0; j < variables.length; j++) {
            double[] v = variables[j];
            List<Integer> rows = new ArrayList<>();
            boolean weighted = false;
            int nt = 0;
            for (int i = 0; i < n; i++) {
                double w = weight == null ? 1.0 : weight[i];
                if (!post[i] && Double.isFinite(v[i]) && w > 0) {
                    rows.add(i);
                    weighted |= w != 1.0;
                    nt += treated[i] ? 1 : 0;
                }
            }
            int m = rows.size();
            if (nt == 0 || nt == m) {
                out.add(new Row(names[j], Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                        Double.NaN, m, null, null));
                continue;
            }
            double[] y = new double[m];
            double[] w = new double[m];
            double[][] x = new double[2][m];
            int[] rowOf = new int[m];
            for (int r = 0; r < m; r++) {
                int i = rows.get(r);
                rowOf[r] = i;
                y[r] = v[i];
                w[r] = weight == null ? 1.0 : weight[i];
                x[0][r] = treated[i] ? 1 : 0;
                x[1][r] = 1;
            }
            LinearFit fit = Ols.fit(y, x, new String[] {PsmDid.TREATED, Ols.CONS}, weighted ? w : null, true);
            Vcov vcov = Vcovs.compute(fit, PsmDidRegression.vcovSpec(spec),
                    PsmDidRegression.clusterCodes(spec, cluster, id, rowOf));
            if (fit.omitted()[0]) {
                out.add(new Row(names[j], Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                        vcov.df(), m, fit, vcov));
                continue;
            }
            double b = fit.coef()[0];
            double c = fit.coef()[1];
            double se = Math.sqrt(vcov.matrix()[0][0]);
            double t = b / se;
            out.add(new Row(names[j], c, c + b, b, se, t, PsmDid.pValue(t, vcov.df()), vcov.df(), m, fit, vcov));
        }
        return out;
    }
}
