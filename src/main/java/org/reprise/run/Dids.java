package org.reprise.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reprise.UserError;
import org.reprise.covariance.Vcov;
import org.reprise.covariance.VcovSpec;
import org.reprise.covariance.Vcovs;
import org.reprise.data.Dataset;
import org.reprise.data.ModelFrame;
import org.reprise.data.NumericColumn;
import org.reprise.estimate.BinaryChoice;
import org.reprise.estimate.BinaryFit;
import org.reprise.estimate.match.DidBalance;
import org.reprise.estimate.match.PsmDid;
import org.reprise.estimate.match.PsmDidResult;
import org.reprise.estimate.match.PsmDidSpec;
import org.reprise.results.Estimate;
import org.reprise.results.Estimates;
import org.reprise.spec.DidSe;
import org.reprise.spec.DidSpec;
import org.reprise.spec.Spec;
import org.reprise.spec.Suggest;

/**
 * A {@code did:} analysis: Stata's diff on each outcome (docs/did.md). Stored per outcome o:
 * {@code <id>.<o>} (diff's table: terms mean_c0, mean_t0, diff0, mean_c1, mean_t1, diff1, did, as diff's r()),
 * {@code <id>.<o>.regression} (the DID regression with every coefficient: diff's {@code report} without kernel),
 * {@code <id>.<o>.score} (kernel: the propensity-score model, diff's {@code report} with kernel) and, with
 * {@code test}, {@code <id>.<o>.test.<v>} (the baseline regression of v on the treatment: diff's {@code test}).
 */
public final class Dids {
    /** diff's r() names of the table's entries, in its order. */
    public static final String[] TERMS = {"mean_c0", "mean_t0", "diff0", "mean_c1", "mean_t1", "diff1", "did"};

    private Dids() {
    }

    /** The rows of one outcome's DID, read from the data: what {@code validate} checks and {@code run} estimates. */
    record Prepared(double[] y, boolean[] treated, boolean[] post, int[] unit, int[] cluster, double[][] cov,
                    int[] rows) {
    }

    static Prepared prepare(Spec spec, DidSpec ds, int index, Map<String, Dataset> data, String outcome) {
        String dp = "/did/" + index;
        Dataset d = data.get(ds.data());
        String file = spec.source(ds.data()).file();
        numeric(spec, d, outcome, dp + "/outcomes/" + ds.outcomes().indexOf(outcome), "outcome", file);
        numeric(spec, d, ds.treatment(), dp + "/treatment", "treatment", file);
        numeric(spec, d, ds.period(), dp + "/period", "period", file);
        for (int j = 0; j < ds.covariates().size(); j++) {
            numeric(spec, d, ds.covariates().get(j), dp + "/covariates/" + j, "covariate", file);
        }
        List<String> codes = new ArrayList<>();
        if (!ds.unit().isEmpty()) {
            if (!d.has(ds.unit())) {
                throw spec.errorAt(dp + "/unit", "the unit id `" + ds.unit() + "` is not a column of " + file + "."
                        + Suggest.didYouMean(ds.unit(), d.names()));
            }
            codes.add(ds.unit());
        }
        String clusterVar = ds.se() != DidSe.CLUSTER ? "" : ds.cluster().isEmpty() ? ds.unit() : ds.cluster();
        if (!clusterVar.isEmpty()) {
            if (!d.has(clusterVar)) {
                throw spec.errorAt(dp + "/cluster", "the cluster variable `" + clusterVar + "` is not a column of "
                        + file + "." + Suggest.didYouMean(clusterVar, d.names()));
            }
            codes.add(clusterVar);
        }
        ModelFrame f;
        try {
            // diff's marksample: the outcome and the if condition (and Stata's regress drops a missing treatment or
            // period); the covariates are read below, missing values kept
            f = ModelFrame.build(d, outcome, List.of(ds.treatment(), ds.period()), true, null, codes, List.of(),
                    ds.condition().isEmpty() ? null : ds.condition());
        } catch (UserError e) {
            throw new UserError(spec.locate(dp) + ": DID `" + ds.id() + "` on " + outcome + ": " + e.getMessage(), e);
        }
        int n = f.rows().length;
        boolean[] treated = new boolean[n];
        boolean[] post = new boolean[n];
        for (int i = 0; i < n; i++) {
            treated[i] = zeroOne(spec, f.x()[0][i], dp + "/treatment", ds.treatment(), "treatment group (1 = treated)");
            post[i] = zeroOne(spec, f.x()[1][i], dp + "/period", ds.period(), "period (0 = before, 1 = after)");
        }
        double[][] cov = new double[ds.covariates().size()][n];
        for (int j = 0; j < cov.length; j++) {
            double[] all = ((NumericColumn) d.column(ds.covariates().get(j))).values();
            for (int i = 0; i < n; i++) {
                cov[j][i] = all[f.rows()[i]];
            }
        }
        int[] unit = ds.unit().isEmpty() ? rowNumbers(n) : unitIds(d, ds.unit(), f);
        int[] cluster = clusterVar.isEmpty() ? null : f.cluster().get(codes.size() - 1);
        return new Prepared(f.y(), treated, post, unit, cluster, cov, f.rows());
    }

    static void run(Spec spec, DidSpec ds, int index, Map<String, Dataset> data, List<Estimate> estimates) {
        String dp = "/did/" + index;
        PsmDidSpec options = options(ds);
        String[] covNames = ds.covariates().toArray(new String[0]);
        for (String o : ds.outcomes()) {
            Prepared p = prepare(spec, ds, index, data, o);
            Prepared fit = ds.isKernel() ? p : complete(p);
            PsmDidResult r;
            List<DidBalance.Row> test = List.of();
            try {
                r = PsmDid.estimate(fit.y(), fit.treated(), fit.post(), fit.unit(), fit.cov(), covNames, options,
                        fit.cluster());
                if (ds.test()) {
                    test = balance(p, ds.isKernel() ? r.weight() : null, options, o, covNames);
                }
            } catch (UserError e) {
                throw new UserError(spec.locate(dp) + ": DID `" + ds.id() + "` on " + o + ": " + e.getMessage(), e);
            }
            List<String> notes = new ArrayList<>(r.notes());
            if (fit != p) {
                notes.add((p.y().length - fit.y().length) + " row(s) with a missing covariate are left out of the DID"
                        + " regression (as regress does); the balance test keeps them for the other variables.");
            }
            String base = ds.id() + "." + o;
            estimates.add(table(base, ds, o, r, notes));
            estimates.add(Estimates.ofLinear(base + ".regression", "diff_regression", o, r.fit(), r.vcov()));
            if (r.scoreFit() != null) {
                estimates.add(score(base + ".score", ds, r.scoreFit()));
            }
            for (DidBalance.Row row : test) {
                estimates.add(testRow(base + ".test." + row.variable(), ds, row));
            }
        }
    }

    /** The DID table's entries as one estimate; each entry's SE is sqrt(c'Vc) of its combination. */
    private static Estimate table(String id, DidSpec ds, String outcome, PsmDidResult r, List<String> notes) {
        double[] est = {r.before().meanControl(), r.before().meanTreated(), r.before().diff(), r.after().meanControl(),
            r.after().meanTreated(), r.after().diff(), r.did().diff()};
        double[] se = {r.before().seControl(), r.before().seTreated(), r.before().se(), r.after().seControl(),
            r.after().seTreated(), r.after().se(), r.did().se()};
        double[][] v = new double[se.length][se.length];
        for (int j = 0; j < se.length; j++) {
            v[j][j] = se[j] * se[j];
        }
        Vcov vc = new Vcov(v, r.vcov().spec(), r.vcov().label(), r.df(), r.vcov().clusterCounts(), List.of());
        Map<String, Double> st = new LinkedHashMap<>();
        st.put("r2", r.r2());
        st.put("n_control_before", (double) r.nControlBefore());
        st.put("n_treated_before", (double) r.nTreatedBefore());
        st.put("n_control_after", (double) r.nControlAfter());
        st.put("n_treated_after", (double) r.nTreatedAfter());
        if (ds.isKernel()) {
            st.put("treated_off_support", (double) r.treatedOffSupport());
            st.put("controls_off_support", (double) r.controlsOffSupport());
            st.put("treated_without_match", (double) r.treatedWithoutMatch());
            st.put("controls_matched", (double) r.controlsMatched());
        }
        return Estimates.of(id, ds.isKernel() ? "diff_kernel" : "diff", outcome, TERMS, est, new boolean[TERMS.length],
                r.n(), vc, st, notes);
    }

    private static Estimate score(String id, DidSpec ds, BinaryFit fit) {
        Vcov sv = Vcovs.compute(fit, VcovSpec.classical(), null);
        Map<String, Double> st = new LinkedHashMap<>();
        st.put("ll", fit.ll());
        st.put("chi2", fit.lrChi2());
        st.put("chi2_p", fit.lrP());
        st.put("pseudo_r2", fit.pseudoR2());
        return Estimates.of(id, ds.score().word(), ds.treatment(), fit.names(), fit.coef(), fit.omitted(), fit.nobs(),
                sv, st, fit.notes());
    }

    private static Estimate testRow(String id, DidSpec ds, DidBalance.Row row) {
        Map<String, Double> st = new LinkedHashMap<>();
        st.put("mean_control", row.meanControl());
        st.put("mean_treated", row.meanTreated());
        if (row.fit() == null) {
            Vcov v = new Vcov(new double[][] {{Double.NaN}}, VcovSpec.classical(), "no test (one group only)",
                    Double.NaN, new int[0], List.of());
            return Estimates.of(id, "diff_test", row.variable(), new String[] {PsmDid.TREATED},
                    new double[] {Double.NaN}, new boolean[1], row.n(), v, st,
                    List.of("only one treatment group has this variable at baseline"));
        }
        return Estimates.of(id, "diff_test", row.variable(), row.fit().names(), row.fit().coef(),
                row.fit().omitted(), row.n(), row.vcov(), st, List.of());
    }

    private static List<DidBalance.Row> balance(Prepared p, double[] weights, PsmDidSpec options, String outcome,
                                                String[] covNames) {
        double[][] vars = new double[1 + p.cov().length][];
        String[] names = new String[vars.length];
        vars[0] = p.y();
        names[0] = outcome;
        for (int j = 0; j < p.cov().length; j++) {
            vars[1 + j] = p.cov()[j];
            names[1 + j] = covNames[j];
        }
        return DidBalance.test(vars, names, p.treated(), p.post(), p.unit(), weights, options, p.cluster());
    }

    /** The rows with every covariate present (regress's listwise deletion in the plain DID with covariates). */
    private static Prepared complete(Prepared p) {
        int n = p.y().length;
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean ok = true;
            for (double[] c : p.cov()) {
                ok &= Double.isFinite(c[i]);
            }
            if (ok) {
                keep.add(i);
            }
        }
        if (keep.size() == n) {
            return p;
        }
        int m = keep.size();
        double[] y = new double[m];
        boolean[] t = new boolean[m];
        boolean[] po = new boolean[m];
        int[] u = new int[m];
        int[] cl = p.cluster() == null ? null : new int[m];
        double[][] cov = new double[p.cov().length][m];
        int[] rows = new int[m];
        for (int r = 0; r < m; r++) {
            int i = keep.get(r);
            y[r] = p.y()[i];
            t[r] = p.treated()[i];
            po[r] = p.post()[i];
            u[r] = p.unit()[i];
            if (cl != null) {
                cl[r] = p.cluster()[i];
            }
            for (int j = 0; j < cov.length; j++) {
                cov[j][r] = p.cov()[j][i];
            }
            rows[r] = p.rows()[i];
        }
        return new Prepared(y, t, po, u, cl, cov, rows);
    }

    /** The one place where the spec's keys become diff's options. */
    static PsmDidSpec options(DidSpec ds) {
        PsmDidSpec s = ds.isKernel() ? PsmDidSpec.kernelDefaults() : PsmDidSpec.plain();
        if (ds.isKernel()) {
            var kernel = switch (ds.kernel()) {
                case NORMAL -> PsmDidSpec.Kernel.GAUSSIAN;
                case EPANECHNIKOV -> PsmDidSpec.Kernel.EPANECHNIKOV;
                case BIWEIGHT -> PsmDidSpec.Kernel.BIWEIGHT;
                case UNIFORM -> PsmDidSpec.Kernel.UNIFORM;
                case TRICUBE -> PsmDidSpec.Kernel.TRICUBE;
            };
            s = s.withKernel(kernel, ds.bandwidth()).withSupport(ds.support())
                    .withLink(ds.score().word().equals("logit") ? BinaryChoice.Link.LOGIT : BinaryChoice.Link.PROBIT)
                    .withStataFloat(true);
        }
        return switch (ds.se()) {
            case OLS -> s;
            case ROBUST -> s.withSe(PsmDidSpec.Se.ROBUST);
            case CLUSTER -> s.withCluster(ds.cluster().isEmpty() ? ds.unit() : ds.cluster());
        };
    }

    private static void numeric(Spec spec, Dataset d, String name, String pointer, String what, String file) {
        if (!d.has(name) || !(d.column(name) instanceof NumericColumn)) {
            throw spec.errorAt(pointer, "the " + what + " `" + name + "` is not a numeric column of " + file + "."
                    + Suggest.didYouMean(name, d.names()));
        }
    }

    private static boolean zeroOne(Spec spec, double v, String pointer, String name, String what) {
        if (v != 0 && v != 1) {
            throw spec.errorAt(pointer, "`" + name + "` is the " + what + " and must be 0 or 1, but it is " + v
                    + " in some rows. Recode it (e.g. derive `" + name + "_01: " + name + " > 0 ? 1 : 0`).");
        }
        return v == 1;
    }

    /**
     * The unit id per row: the id's own values when they are whole numbers (so notes name the ids as the data do;
     * they sort like the ids, as diff's {@code gsort -treated period id} needs), else codes in sorted value order.
     */
    private static int[] unitIds(Dataset d, String unit, ModelFrame f) {
        int[] codes = f.cluster().get(0);
        if (!(d.column(unit) instanceof NumericColumn nc)) {
            return codes;
        }
        int[] out = new int[codes.length];
        for (int i = 0; i < out.length; i++) {
            double v = nc.values()[f.rows()[i]];
            if (v != Math.rint(v) || Math.abs(v) > 1e9) {
                return codes;
            }
            out[i] = (int) v;
        }
        return out;
    }

    private static int[] rowNumbers(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }
}
