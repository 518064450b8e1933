package org.reprise.run;

import java.util.ArrayList;
import java.util.List;
import org.reprise.UserError;
import org.reprise.covariance.Vcov;
import org.reprise.covariance.VcovSpec;
import org.reprise.covariance.Vcovs;
import org.reprise.data.ModelFrame;
import org.reprise.estimate.BinaryChoice;
import org.reprise.estimate.BinaryFit;
import org.reprise.estimate.LinearFit;
import org.reprise.estimate.Ols;
import org.reprise.results.Estimate;
import org.reprise.results.Estimates;
import org.reprise.spec.ModelSpec;
import org.reprise.spec.Spec;
import org.reprise.spec.VcovType;

/** Dispatches a model to its estimator, then the covariance layer, then the tidy Estimate. */
final class Estimators {
    private Estimators() {
    }

    static Estimate fit(Spec spec, ModelSpec m, ModelFrame f) {
        List<String> notes = new ArrayList<>();
        if (!f.note().isEmpty()) {
            notes.add(f.note());
        }
        for (String w : ModelChecks.before(m, f)) {
            notes.add(w);
        }
        return switch (m.method()) {
            case OLS -> linear(m, f, notes);
            case PROBIT, LOGIT -> binary(m, f, notes);
        };
    }

    private static Estimate linear(ModelSpec m, ModelFrame f, List<String> notes) {
        if (m.absorb().isEmpty()) {
            LinearFit fit = Ols.fit(f.y(), f.x(), f.names(), f.weights(), m.constant());
            notes.addAll(ModelChecks.after(m, f, fit, fit.nobs()));
            Vcov v = Vcovs.compute(fit, vcovSpec(m, false), clusters(f, null));
            return withNotes(Estimates.ofLinear(m.id(), "ols", m.outcome(), fit, v), notes, f);
        }
        FixedEffectsSupport.Within w = FixedEffectsSupport.fit(m, f, vcovSpec(m, false));
        Vcov v = Vcovs.compute(w.forVcov(), w.vcov(), clusters(f, w.fe().rows()));
        LinearFit fit = w.fe().fit();
        notes.addAll(ModelChecks.after(m, f, fit, fit.nobs()));
        java.util.Map<String, Double> stats = new java.util.LinkedHashMap<>(Estimates.linearStats(fit, v));
        stats.put("r2_within", w.fe().r2Within());
        stats.put("n_groups", (double) ModelFrame.groups(f.absorb().get(0)));
        stats.put("absorbed_parameters", (double) w.fe().fixedEffectParameters());
        if (f.absorb().size() == 1) {
            double[] su = sigmaU(f, fit, w.fe().rows());
            stats.put("sigma_u", su[0]);
            stats.put("sigma_e", fit.rmse());
            stats.put("rho", su[0] * su[0] / (su[0] * su[0] + fit.rmse() * fit.rmse()));
        }
        // the fixed-effects fit's notes already hold the within regression's (omitted columns) once
        List<String> all = new ArrayList<>(w.fe().notes());
        all.addAll(v.notes());
        Estimate e = Estimates.of(m.id(), "ols_fe", m.outcome(), fit.names(), fit.coef(), fit.omitted(),
                fit.nobs(), v, stats, all);
        return withNotes(e, notes, f);
    }

    private static Estimate binary(ModelSpec m, ModelFrame f, List<String> notes) {
        if (!m.absorb().isEmpty()) {
            throw new UserError("model `" + m.id() + "`: `absorb` (fixed effects) is available for ols models only;"
                    + " probit and logit with fixed effects are inconsistent (incidental parameters). Add the fixed"
                    + " effects as factor terms, e.g. `i.year`, or use a linear probability model.");
        }
        BinaryChoice.Link link = m.method().word().equals("probit") ? BinaryChoice.Link.PROBIT
                : BinaryChoice.Link.LOGIT;
        BinaryFit fit = BinaryChoice.fit(link, f.y(), f.x(), f.names(), f.weights());
        ModelChecks.after(m, fit.nobs(), fit.rank());
        Vcov v = Vcovs.compute(fit, vcovSpec(m, true), clusters(f, fit.rows()));
        if (m.vcov() == VcovType.ROBUST || m.vcov() == VcovType.HC1) {
            v = new Vcov(v.matrix(), v.spec(), "Robust standard errors (HC0 × n/(n−1), as Stata's vce(robust))",
                    v.df(), v.clusterCounts(), v.notes());
        }
        java.util.Map<String, Double> stats = new java.util.LinkedHashMap<>();
        stats.put("ll", fit.ll());
        stats.put("ll0", fit.ll0());
        stats.put("chi2", fit.lrChi2());
        stats.put("chi2_df", (double) fit.lrDf());
        stats.put("chi2_p", fit.lrP());
        stats.put("pseudo_r2", fit.pseudoR2());
        int k = fit.rank();
        stats.put("aic", -2 * fit.ll() + 2 * k);
        stats.put("bic", -2 * fit.ll() + Math.log(fit.nobs()) * k);
        int[] g = v.clusterCounts();
        if (g.length >= 1) {
            stats.put("n_clusters", (double) g[0]);
        }
        List<String> all = new ArrayList<>(fit.notes());
        all.addAll(v.notes());
        Estimate e = Estimates.of(m.id(), m.method().word(), m.outcome(), fit.names(), fit.coef(), fit.omitted(),
                fit.nobs(), v, stats, all);
        return withNotes(e, notes, f);
    }

    /**
     * xtreg's sigma_u: the sample SD, over groups, of u_g = ȳ_g − x̄_g'b − _cons (unweighted group means over the
     * estimation rows). Returns {sigma_u}.
     */
    static double[] sigmaU(ModelFrame f, LinearFit fit, int[] rows) {
        int[] g = f.absorb().get(0);
        int groups = ModelFrame.groups(g);
        double[] sum = new double[groups];
        int[] count = new int[groups];
        double cons = 0;
        for (int j = 0; j < fit.names().length; j++) {
            if (fit.names()[j].equals(Ols.CONS)) {
                cons = fit.coef()[j];
            }
        }
        java.util.Map<String, Integer> col = new java.util.HashMap<>();
        for (int j = 0; j < f.names().length; j++) {
            col.put(f.names()[j], j);
        }
        for (int r : rows) {
            double v = f.y()[r];
            for (int j = 0; j < fit.names().length; j++) {
                String name = fit.names()[j];
                if (!name.equals(Ols.CONS) && !fit.omitted()[j]) {
                    v -= fit.coef()[j] * f.x()[col.get(name)][r];
                }
            }
            sum[g[r]] += v;
            count[g[r]]++;
        }
        double mean = 0;
        int n = 0;
        double[] u = new double[groups];
        for (int k = 0; k < groups; k++) {
            if (count[k] > 0) {
                u[k] = sum[k] / count[k] - cons;
                mean += u[k];
                n++;
            }
        }
        mean /= n;
        double ss = 0;
        for (int k = 0; k < groups; k++) {
            if (count[k] > 0) {
                ss += (u[k] - mean) * (u[k] - mean);
            }
        }
        return new double[] {n > 1 ? Math.sqrt(ss / (n - 1)) : Double.NaN};
    }

    static VcovSpec vcovSpec(ModelSpec m, boolean ml) {
        VcovType t = m.vcov();
        return switch (t) {
            case CLASSICAL -> VcovSpec.classical();
            case HC0 -> VcovSpec.robust(VcovSpec.Type.HC0);
            case HC1 -> VcovSpec.robust(VcovSpec.Type.HC1);
            case HC2 -> VcovSpec.robust(VcovSpec.Type.HC2);
            case HC3 -> VcovSpec.robust(VcovSpec.Type.HC3);
            case ROBUST -> VcovSpec.robust(VcovSpec.Type.HC1);
            case CLUSTER -> VcovSpec.cluster(m.cluster().get(0));
            case TWOWAY -> VcovSpec.twoway(m.cluster().get(0), m.cluster().get(1));
        };
    }

    /** Cluster codes over the fit's observations (rows: the frame rows the fit kept, or null for all). */
    static int[][] clusters(ModelFrame f, int[] rows) {
        if (f.cluster().isEmpty()) {
            return null;
        }
        int[][] out = new int[f.cluster().size()][];
        for (int c = 0; c < out.length; c++) {
            int[] codes = f.cluster().get(c);
            if (rows == null) {
                out[c] = codes;
            } else {
                out[c] = new int[rows.length];
                for (int i = 0; i < rows.length; i++) {
                    out[c][i] = codes[rows[i]];
                }
            }
        }
        return out;
    }

    private static Estimate withNotes(Estimate e, List<String> front, ModelFrame f) {
        if (front.isEmpty()) {
            return e;
        }
        List<String> notes = new ArrayList<>(front);
        notes.addAll(e.notes());
        return new Estimate(e.id(), e.method(), e.outcome(), e.nobs(), e.vcov(), e.terms(), e.stats(), notes);
    }
}
