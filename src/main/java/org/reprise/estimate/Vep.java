package org.reprise.estimate;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.reprise.UserError;

/**
 * Vulnerability to expected poverty (Chaudhuri, Jalan and Suryahadi 2002) by Amemiya's three-step FGLS:
 * <ol>
 *   <li>OLS of ln y on X; residuals e.</li>
 *   <li>OLS of e² on X gives X θ̂_OLS; WLS of e² on X with weights 1/(X θ̂_OLS)² gives θ̂_FGLS and σ̂²_i = X_i θ̂_FGLS.</li>
 *   <li>WLS of ln y on X with weights 1/σ̂²_i gives β̂_FGLS.</li>
 * </ol>
 * Vul_i = Φ((ln z − X_i β̂_FGLS) / σ̂_i). A non-positive σ̂²_i is floored at the smallest positive fitted variance of
 * the sample, or, with {@code drop}, its vulnerability is left missing and the observation leaves step 3. A
 * non-positive fitted variance of step 2's first (OLS) regression is always floored the same way to form the FGLS
 * weights (dropping it would change the variance equation's sample); both counts are reported.
 */
public final class Vep {
    private static final NormalDistribution N01 = new NormalDistribution(null, 0, 1);

    private Vep() {
    }

    /** A line's summary: the line, mean vulnerability, observed poverty incidence and the vulnerable shares. */
    public record Line(double z, double meanVul, double incidence, double shareAboveThreshold,
                       double shareAboveIncidence, int n) {
    }

    /**
     * @param mean       step 3 (β̂_FGLS), the mean equation of ln y
     * @param variance   step 2 (θ̂_FGLS), the variance equation of e²
     * @param sigma2     σ̂²_i used (after the rule), NaN where dropped
     * @param vul        vul[line][i]
     * @param lines      summaries per line
     * @param nonPositive observations whose fitted variance X θ̂ was not positive
     * @param nonPositiveWeights observations whose fitted variance of step 2's first (OLS) variance regression was
     *                   not positive; floored at the smallest positive one to form the FGLS weights, under either rule
     */
    public record Fit(LinearFit mean, LinearFit variance, double[] sigma2, double[][] vul, List<Line> lines,
                      int nonPositive, List<String> notes, int nonPositiveWeights) {
    }

    /**
     * @param income    income in levels (positive), one per observation
     * @param x         covariates column-major, with the constant column named _cons last
     * @param names     column names
     * @param lines     poverty lines in the income's units
     * @param threshold the "high" vulnerability line, e.g. 0.5
     * @param drop      true to drop (not floor) non-positive variances
     */
    public static Fit fit(double[] income, double[][] x, String[] names, double[] lines, double threshold,
                          boolean drop) {
        int n = income.length;
        double[] lny = new double[n];
        for (int i = 0; i < n; i++) {
            if (!(income[i] > 0)) {
                throw new UserError("income must be positive to take its log, but observation " + (i + 1)
                        + " of the vulnerability sample has " + income[i] + ". Filter out non-positive incomes"
                        + " (data: filter:) or recode them.");
            }
            lny[i] = Math.log(income[i]);
        }
        List<String> notes = new ArrayList<>();
        // step 1
        LinearFit ols = Ols.fit(lny, x, names, null, true);
        double[] e2 = new double[n];
        for (int i = 0; i < n; i++) {
            e2[i] = ols.residuals()[i] * ols.residuals()[i];
        }
        // step 2: OLS then FGLS of the variance equation
        LinearFit v0 = Ols.fit(e2, x, names, null, true);
        double[] f0 = v0.fitted().clone();
        int bad0 = floor(f0, false);
        double[] w2 = new double[n];
        for (int i = 0; i < n; i++) {
            w2[i] = 1.0 / (f0[i] * f0[i]);
        }
        LinearFit v1 = Ols.fit(e2, x, names, w2, true);
        double[] sigma2 = v1.fitted().clone();
        int bad = floor(sigma2, drop);
        if (bad0 > 0) {
            notes.add(bad0 + " non-positive fitted variances in the first variance regression floored at the"
                    + " smallest positive one to form the FGLS weights");
        }
        if (bad > 0) {
            notes.add(bad + " non-positive fitted variances " + (drop ? "dropped (vulnerability missing)"
                    : "floored at the smallest positive fitted variance"));
        }
        // step 3
        double[] w3 = new double[n];
        for (int i = 0; i < n; i++) {
            w3[i] = Double.isNaN(sigma2[i]) ? 0 : 1.0 / sigma2[i];
        }
        LinearFit mean = drop && bad > 0 ? fitKept(lny, x, names, w3) : Ols.fit(lny, x, names, w3, true);
        double[] beta = mean.coef();
        double[][] vul = new double[lines.length][n];
        List<Line> summaries = new ArrayList<>();
        for (int l = 0; l < lines.length; l++) {
            double lnz = Math.log(lines[l]);
            for (int i = 0; i < n; i++) {
                if (Double.isNaN(sigma2[i])) {
                    vul[l][i] = Double.NaN;
                    continue;
                }
                double xb = 0;
                for (int j = 0; j < x.length; j++) {
                    xb += x[j][i] * beta[j];
                }
                vul[l][i] = N01.cumulativeProbability((lnz - xb) / Math.sqrt(sigma2[i]));
            }
            summaries.add(summarize(income, vul[l], lines[l], threshold));
        }
        return new Fit(mean, v1, sigma2, vul, summaries, bad, notes, bad0);
    }

    /**
     * Mean vulnerability, observed poverty incidence (share with income below z) and the shares above the threshold
     * and above the incidence, over the observations with a vulnerability (NaN entries are skipped).
     */
    public static Line summarize(double[] income, double[] vul, double z, double threshold) {
        double sum = 0;
        int m = 0;
        int poor = 0;
        for (int i = 0; i < vul.length; i++) {
            if (!Double.isNaN(vul[i])) {
                sum += vul[i];
                m++;
                poor += income[i] < z ? 1 : 0;
            }
        }
        double incidence = (double) poor / m;
        int high = 0;
        int low = 0;
        for (double v : vul) {
            if (!Double.isNaN(v)) {
                high += v > threshold ? 1 : 0;
                low += v > incidence ? 1 : 0;
            }
        }
        return new Line(z, sum / m, incidence, (double) high / m, (double) low / m, m);
    }

    /** Replaces non-positive values by the smallest positive one (or NaN when dropping); returns how many. */
    static int floor(double[] v, boolean drop) {
        double min = Double.POSITIVE_INFINITY;
        for (double d : v) {
            if (d > 0 && d < min) {
                min = d;
            }
        }
        if (min == Double.POSITIVE_INFINITY) {
            throw new UserError("every fitted variance of the vulnerability model is non-positive, so the variance"
                    + " equation cannot be used. Check the covariates (the variance must be increasing in some of"
                    + " them) or the income variable.");
        }
        int bad = 0;
        for (int i = 0; i < v.length; i++) {
            if (!(v[i] > 0)) {
                v[i] = drop ? Double.NaN : min;
                bad++;
            }
        }
        return bad;
    }

    private static LinearFit fitKept(double[] y, double[][] x, String[] names, double[] w) {
        int m = 0;
        for (double d : w) {
            m += d > 0 ? 1 : 0;
        }
        double[] yy = new double[m];
        double[][] xx = new double[x.length][m];
        double[] ww = new double[m];
        int c = 0;
        for (int i = 0; i < w.length; i++) {
            if (w[i] > 0) {
                yy[c] = y[i];
                ww[c] = w[i];
                for (int j = 0; j < x.length; j++) {
                    xx[j][c] = x[j][i];
                }
                c++;
            }
        }
        return Ols.fit(yy, xx, names, ww, true);
    }
}
