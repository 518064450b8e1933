package org.reprise.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reprise.UserError;
import org.reprise.covariance.Vcov;
import org.reprise.covariance.VcovSpec;
import org.reprise.data.Dataset;
import org.reprise.data.ModelFrame;
import org.reprise.estimate.BinaryChoice;
import org.reprise.estimate.match.Teffects;
import org.reprise.estimate.match.TeffectsResult;
import org.reprise.estimate.match.TeffectsSpec;
import org.reprise.results.Estimate;
import org.reprise.results.Estimates;
import org.reprise.spec.MatchTeffectsSpec;
import org.reprise.spec.MatchingSpec;
import org.reprise.spec.Method;
import org.reprise.spec.Spec;
import org.reprise.spec.TeffectsKind;

/**
 * The {@code teffects:} entries of a matching analysis: Stata's teffects psmatch / nnmatch on the analysis' treatment,
 * outcomes and samples. Each is stored as {@code <id>.<sample>.<teffects id>.<outcome>} with terms ATE and ATET.
 */
final class TeffectsRuns {
    private TeffectsRuns() {
    }

    /** nnmatch's variables, column-major over the matching sample's rows: covariates, ematch, biasadj. */
    record Columns(double[][] covariates, double[][] exact, double[][] bias) {
    }

    /** The one place where the spec's teffects options become the estimator's. */
    static TeffectsSpec options(MatchTeffectsSpec te) {
        TeffectsSpec s = TeffectsSpec.defaults().withNeighbors(te.nneighbor(), te.vceNn())
                .withLink(te.tmodel() == Method.PROBIT ? BinaryChoice.Link.PROBIT : BinaryChoice.Link.LOGIT);
        return s.withMetric(TeffectsSpec.Metric.valueOf(te.metric().name()));
    }

    /** Reads nnmatch's variables for every teffects entry (null for psmatch), on exactly the matching rows. */
    static Columns[] columns(Spec spec, MatchingSpec ms, String mp, Dataset d, ModelFrame f) {
        Columns[] out = new Columns[ms.teffects().size()];
        for (int j = 0; j < out.length; j++) {
            MatchTeffectsSpec te = ms.teffects().get(j);
            if (te.estimator() != TeffectsKind.NNMATCH) {
                continue;
            }
            String jp = mp + "/teffects/" + j;
            List<String> cov = te.covariates().isEmpty() ? ms.covariates() : te.covariates();
            out[j] = new Columns(read(spec, ms, jp + (te.covariates().isEmpty() ? "" : "/covariates"), d, f, cov),
                    read(spec, ms, jp + "/ematch", d, f, te.ematch()), read(spec, ms, jp + "/biasadj", d, f,
                    te.biasadj()));
        }
        return out;
    }

    private static double[][] read(Spec spec, MatchingSpec ms, String at, Dataset d, ModelFrame f,
                                   List<String> terms) {
        if (terms.isEmpty()) {
            return new double[0][];
        }
        ModelFrame g;
        try {
            g = ModelFrame.build(d, ms.treatment(), terms, false, null, List.of(), List.of(), "");
        } catch (UserError e) {
            throw new UserError(spec.locate(at) + ": matching `" + ms.id() + "`: " + e.getMessage(), e);
        }
        Map<Integer, Integer> pos = new LinkedHashMap<>();
        for (int i = 0; i < g.rows().length; i++) {
            pos.put(g.rows()[i], i);
        }
        double[][] out = new double[g.x().length][f.rows().length];
        for (int i = 0; i < f.rows().length; i++) {
            Integer r = pos.get(f.rows()[i]);
            if (r == null) {
                throw spec.errorAt(at, "matching `" + ms.id() + "`: these variables are missing in some rows of the"
                        + " matching sample (data row " + (f.rows()[i] + 1) + " is one). teffects uses the same rows"
                        + " for every estimator: filter them out first (`if:`).");
            }
            for (int c = 0; c < out.length; c++) {
                out[c][i] = g.x()[c][r];
            }
        }
        return out;
    }

    /** Runs every teffects entry on one sample; {@code idx} are the sample's positions in the matching rows. */
    static void sample(Spec spec, MatchingSpec ms, String mp, String base, int[] idx, double[][] x, String[] names,
                       boolean[] treated, double[][] outcomes, Columns[] columns, List<Estimate> estimates) {
        for (int j = 0; j < ms.teffects().size(); j++) {
            MatchTeffectsSpec te = ms.teffects().get(j);
            TeffectsSpec opt = options(te);
            for (int o = 0; o < outcomes.length; o++) {
                TeffectsResult r;
                try {
                    r = te.estimator() == TeffectsKind.PSMATCH
                            ? Teffects.psmatch(outcomes[o], treated, x, names, opt)
                            : Teffects.nnmatch(outcomes[o], treated, subset(columns[j].covariates(), idx),
                            subset(columns[j].exact(), idx), subset(columns[j].bias(), idx), opt);
                } catch (UserError e) {
                    throw new UserError(spec.locate(mp + "/teffects/" + j) + ": matching `" + ms.id() + "`, "
                            + te.id() + " on " + ms.outcomes().get(o) + ": " + e.getMessage(), e);
                }
                estimates.add(estimate(base + "." + te.id() + "." + ms.outcomes().get(o), te, opt,
                        ms.outcomes().get(o), r));
            }
        }
    }

    private static Estimate estimate(String id, MatchTeffectsSpec te, TeffectsSpec opt, String outcome,
                                     TeffectsResult r) {
        double[][] v = {{r.seAte() * r.seAte(), 0}, {0, r.seAtet() * r.seAtet()}};
        Vcov vc = new Vcov(v, VcovSpec.classical(), seLabel(te, opt), Double.POSITIVE_INFINITY, new int[0],
                List.of());
        Map<String, Double> st = new LinkedHashMap<>();
        st.put("n_treated", (double) r.nTreated());
        st.put("n_controls", (double) (r.n() - r.nTreated()));
        st.put("matches_requested", (double) opt.neighbors());
        st.put("matches_min", (double) r.minMatches());
        st.put("matches_max", (double) r.maxMatches());
        st.put("ai2006_var_ate", r.varAte());
        st.put("ai2006_var_atet", r.varAtet());
        return Estimates.of(id, "teffects_" + te.estimator().word(), outcome, new String[] {"ATE", "ATET"},
                new double[] {r.ate(), r.atet()}, new boolean[2], r.n(), vc, st, r.notes());
    }

    /** The standard-error note of a teffects entry. */
    static String seLabel(MatchTeffectsSpec te, TeffectsSpec opt) {
        String s = "teffects " + te.estimator().word() + ": Abadie–Imbens robust standard errors as Stata's"
                + " (vce(robust, nn(" + opt.vceNeighbors() + ")))";
        return te.estimator() == TeffectsKind.PSMATCH ? s + ", adjusted for the estimated propensity score"
                + " (Abadie and Imbens 2016)" : s;
    }

    /** The default row label of a teffects entry. */
    static String label(MatchTeffectsSpec te) {
        if (!te.label().isEmpty()) {
            return te.label();
        }
        return te.estimator() == TeffectsKind.PSMATCH ? "teffects psmatch (" + te.tmodel().word() + ", "
                + te.nneighbor() + " match" + (te.nneighbor() > 1 ? "es" : "") + ")"
                : "teffects nnmatch (" + te.metric().word() + ", " + te.nneighbor() + " match"
                + (te.nneighbor() > 1 ? "es" : "") + (te.biasadj().isEmpty() ? "" : ", bias-adjusted") + ")";
    }

    private static double[][] subset(double[][] cols, int[] idx) {
        double[][] out = new double[cols.length][idx.length];
        for (int c = 0; c < cols.length; c++) {
            for (int i = 0; i < idx.length; i++) {
                out[c][i] = cols[c][idx[i]];
            }
        }
        return out;
    }
}
