package org.reprise.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.FDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.reprise.covariance.Vcov;
import org.reprise.estimate.LinearFit;

/**
 * Builds an {@link Estimate} from coefficients and a covariance: standard errors, t (or z) statistics, two-sided
 * p-values and 95% confidence intervals, derived once here as estout derives them from b and V.
 *
 * <p>Inference uses Student's t with {@link Vcov#df()} degrees of freedom (n-k for classical and HC, G-1 for
 * clusters, as Stata), or the standard normal when the covariance is asymptotic. Omitted terms keep estimate 0 and
 * get NaN everywhere else.
 */
public final class Estimates {
    /** Level of the confidence intervals. */
    public static final double LEVEL = 0.95;

    private Estimates() {
    }

    /**
     * @param names   every parameter, output order
     * @param coef    estimates, 0 where omitted
     * @param omitted true where omitted; the kept ones are, in order, the rows of {@code vcov.matrix()}
     * @param nobs    observations
     * @param stats   fit statistics (snake_case keys), copied in order
     * @param notes   estimator notes, copied
     */
    public static Estimate of(String id, String method, String outcome, String[] names, double[] coef,
                              boolean[] omitted, long nobs, Vcov vcov, Map<String, Double> stats, List<String> notes) {
        double[][] v = vcov.matrix();
        int kept = 0;
        for (boolean o : omitted) {
            if (!o) {
                kept++;
            }
        }
        if (kept != v.length) {
            throw new IllegalArgumentException(kept + " kept terms but a " + v.length + "x" + v.length + " covariance");
        }
        List<Term> terms = new ArrayList<>();
        int c = 0;
        for (int j = 0; j < names.length; j++) {
            if (omitted[j]) {
                terms.add(new Term(names[j], 0.0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, true));
                continue;
            }
            double se = Math.sqrt(v[c][c]);
            c++;
            terms.add(term(names[j], coef[j], se, vcov.df()));
        }
        return new Estimate(id, method, outcome, nobs, vcov.label(), List.copyOf(terms),
                java.util.Collections.unmodifiableMap(new LinkedHashMap<>(stats)), List.copyOf(notes));
    }

    /** A linear fit with {@link #linearStats} as its statistics and the fit's own notes followed by the vcov's. */
    public static Estimate ofLinear(String id, String method, String outcome, LinearFit fit, Vcov vcov) {
        List<String> notes = new ArrayList<>(fit.notes());
        notes.addAll(vcov.notes());
        return of(id, method, outcome, fit.names(), fit.coef(), fit.omitted(), fit.nobs(), vcov,
                linearStats(fit, vcov), notes);
    }

    /**
     * Least-squares statistics: r2, adj_r2, rmse, f, f_p, df_model, df_resid, rss, tss, then n_clusters (and
     * n_clusters_2 for two-way) when clustered. f is the Wald test that every kept coefficient other than _cons is
     * zero, using the covariance given (so the classical ANOVA F for classical standard errors, Stata's robust or
     * clustered F otherwise), with df_model and {@link Vcov#df()} degrees of freedom (chi-squared/df_model when the
     * covariance is asymptotic). df_resid is the fit's n - k - absorbed.
     */
    public static Map<String, Double> linearStats(LinearFit fit, Vcov vcov) {
        Map<String, Double> s = new LinkedHashMap<>();
        s.put("r2", fit.r2());
        s.put("adj_r2", fit.adjR2());
        s.put("rmse", fit.rmse());
        double[] wald = waldAllSlopes(fit.keptNames(), fit.keptCoef(), vcov);
        s.put("f", wald[0]);
        s.put("f_p", wald[1]);
        s.put("df_model", (double) fit.dfModel());
        s.put("df_resid", (double) fit.dfResid());
        s.put("rss", fit.rss());
        s.put("tss", fit.tss());
        int[] g = vcov.clusterCounts();
        if (g.length >= 1) {
            s.put("n_clusters", (double) g[0]);
        }
        if (g.length >= 2) {
            s.put("n_clusters_2", (double) g[1]);
        }
        return s;
    }

    /** {F, p}: Wald test that all kept coefficients except _cons are zero, F = b'V^-1 b / q. NaN when q = 0. */
    public static double[] waldAllSlopes(String[] keptNames, double[] keptCoef, Vcov vcov) {
        List<Integer> idx = new ArrayList<>();
        for (int j = 0; j < keptNames.length; j++) {
            if (!"_cons".equals(keptNames[j])) {
                idx.add(j);
            }
        }
        int q = idx.size();
        if (q == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        RealMatrix v = MatrixUtils.createRealMatrix(q, q);
        double[] b = new double[q];
        for (int r = 0; r < q; r++) {
            b[r] = keptCoef[idx.get(r)];
            for (int c = 0; c < q; c++) {
                v.setEntry(r, c, vcov.matrix()[idx.get(r)][idx.get(c)]);
            }
        }
        LUDecomposition lu = new LUDecomposition(v, 1e-300);
        if (!lu.getSolver().isNonSingular()) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double[] x = lu.getSolver().solve(MatrixUtils.createRealVector(b)).toArray();
        double w = 0.0;
        for (int r = 0; r < q; r++) {
            w += b[r] * x[r];
        }
        double f = w / q;
        double p;
        if (!Double.isFinite(f)) {
            p = Double.NaN;
        } else if (vcov.normal()) {
            p = new ChiSquaredDistribution(null, q).cumulativeProbability(w);
            p = 1.0 - p;
        } else if (vcov.df() > 0) {
            p = 1.0 - new FDistribution(null, q, vcov.df()).cumulativeProbability(f);
        } else {
            p = Double.NaN;
        }
        return new double[] {f, p};
    }

    /** One term's inference with df degrees of freedom (infinite = normal). */
    static Term term(String name, double b, double se, double df) {
        double t = b / se;
        double p;
        double crit;
        if (Double.isInfinite(df)) {
            NormalDistribution z = new NormalDistribution(null, 0, 1);
            p = 2.0 * z.cumulativeProbability(-Math.abs(t));
            crit = z.inverseCumulativeProbability(0.5 + LEVEL / 2);
        } else if (df > 0) {
            TDistribution td = new TDistribution(null, df);
            p = 2.0 * td.cumulativeProbability(-Math.abs(t));
            crit = td.inverseCumulativeProbability(0.5 + LEVEL / 2);
        } else {
            p = Double.NaN;
            crit = Double.NaN;
        }
        if (Double.isNaN(t)) {
            p = Double.NaN;
        }
        return new Term(name, b, se, t, p, b - crit * se, b + crit * se, false);
    }
}
