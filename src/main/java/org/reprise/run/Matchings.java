package org.reprise.run;

import java.util.ArrayList;
import java.util.Arrays;
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
import org.reprise.estimate.balance.Balance;
import org.reprise.estimate.boot.BootOptions;
import org.reprise.estimate.boot.BootstrapResult;
import org.reprise.estimate.boot.PsmBootstrap;
import org.reprise.estimate.match.MatchResult;
import org.reprise.estimate.match.MatchSpec;
import org.reprise.results.BalanceResult;
import org.reprise.results.Estimate;
import org.reprise.results.Estimates;
import org.reprise.spec.MatchMethodSpec;
import org.reprise.spec.MatchOn;
import org.reprise.spec.MatchSe;
import org.reprise.spec.MatchingSpec;
import org.reprise.spec.Spec;

/**
 * A matching analysis: the score model, then every method's ATT on every outcome, on the full sample and within each
 * value of {@code by}; the balance test on the full sample. Estimates are stored with ids
 * {@code <id>.<sample>.<method>.<outcome>} (one term, ATT), {@code <id>.<sample>.average.<outcome>} (the average of
 * the methods) and {@code <id>.<sample>.score} (the score model); the sample key is "full" or the by-value.
 */
public final class Matchings {
    /** The key of the full sample. */
    public static final String FULL = "full";

    private Matchings() {
    }

    /** What the score figure needs: the full sample's scores, groups, and the balance method's weights. */
    public record Scores(String id, double[] score, boolean[] treated, double[] weight, boolean[] support)
            implements java.io.Serializable {
    }

    /** A subsample: its key (full or the by-value) and positions into the frame's rows. */
    public record Sample(String key, int[] idx) {
    }

    /** The matching sample: the frame (treatment on covariates), treated flags, outcomes, and the row condition. */
    record Prepared(ModelFrame frame, boolean[] treated, double[][] outcomes, String condition) {
    }

    /** Checks and builds the matching sample (also what `validate` runs): variables, 0/1 treatment, both groups. */
    static Prepared prepare(Spec spec, MatchingSpec ms, int index, Map<String, Dataset> data) {
        String mp = "/matching/" + index;
        Dataset d = data.get(ms.data());
        StringBuilder cond = new StringBuilder(ms.condition().isEmpty() ? "" : "(" + ms.condition() + ")");
        for (int j = 0; j < ms.outcomes().size(); j++) {
            String o = ms.outcomes().get(j);
            if (!d.has(o) || !(d.column(o) instanceof NumericColumn)) {
                throw spec.errorAt(mp + "/outcomes/" + j, "outcome `" + o + "` is not a numeric column of "
                        + spec.source(ms.data()).file() + "." + org.reprise.spec.Suggest.didYouMean(o, d.names()));
            }
            cond.append(cond.length() == 0 ? "" : " && ").append("!missing(").append(o).append(")");
        }
        if (!d.has(ms.treatment())) {
            throw spec.errorAt(mp + "/treatment", "the treatment `" + ms.treatment() + "` is not a column of "
                    + spec.source(ms.data()).file() + "." + org.reprise.spec.Suggest.didYouMean(ms.treatment(),
                    d.names()));
        }
        if (!ms.by().isEmpty() && !d.has(ms.by())) {
            throw spec.errorAt(mp + "/by", "`" + ms.by() + "` is not a column of " + spec.source(ms.data()).file()
                    + "." + org.reprise.spec.Suggest.didYouMean(ms.by(), d.names()));
        }
        ModelFrame f;
        try {
            // read only here (score, matching, balance): the covariates are the dataset's columns when no row is out
            f = ModelFrame.buildSharing(d, ms.treatment(), ms.covariates(), true, null, List.of(), List.of(),
                    cond.toString());
        } catch (UserError e) {
            String at = e.getMessage().contains("'" + ms.treatment() + "'") ? mp + "/treatment" : mp + "/covariates";
            throw new UserError(spec.locate(at) + ": matching `" + ms.id() + "`: " + e.getMessage(), e);
        }
        try {
            ModelChecks.names("matching `" + ms.id() + "`", "treatment", ms.treatment(), "covariates", f.names(), true);
        } catch (UserError e) {
            throw new UserError(spec.locate(mp + "/covariates") + ": " + e.getMessage(), e);
        }
        boolean[] treated = new boolean[f.y().length];
        int nt = 0;
        for (int i = 0; i < treated.length; i++) {
            double v = f.y()[i];
            if (v != 0 && v != 1) {
                throw spec.errorAt(mp + "/treatment", "the treatment `" + ms.treatment() + "` must be 0 or 1, but"
                        + " it is " + v + " in some rows. Recode it (e.g. derive `treat: x > 0 ? 1 : 0`).");
            }
            treated[i] = v == 1;
            nt += treated[i] ? 1 : 0;
        }
        if (nt == 0 || nt == treated.length) {
            throw spec.errorAt(mp + "/treatment", "the matching sample has " + (nt == 0 ? "no treated" : "no control")
                    + " units (" + treated.length + " rows after `if` and missing values). Matching needs both.");
        }
        double[][] outcomes = new double[ms.outcomes().size()][];
        for (int j = 0; j < outcomes.length; j++) {
            double[] all = ((NumericColumn) d.column(ms.outcomes().get(j))).values();
            outcomes[j] = subset(new double[][] {all}, f.rows())[0];
        }
        return new Prepared(f, treated, outcomes, cond.toString());
    }

    /** Runs the analysis into estimates, balance and scores; returns the warnings to print (rows left out). */
    static List<String> run(Spec spec, MatchingSpec ms, int index, Map<String, Dataset> data, List<Estimate> estimates,
                    List<BalanceResult> balance, List<Scores> scores) {
        String mp = "/matching/" + index;
        Dataset d = data.get(ms.data());
        Prepared prep = prepare(spec, ms, index, data);
        ModelFrame f = prep.frame();
        boolean[] treated = prep.treated();
        double[][] outcomes = prep.outcomes();
        String cond = prep.condition();
        List<MatchSpec> specs = new ArrayList<>();
        for (MatchMethodSpec m : ms.methods()) {
            specs.add(matchSpec(ms, m, spec.seed()));
        }
        BinaryChoice.Link link = ms.score().word().equals("logit") ? BinaryChoice.Link.LOGIT
                : BinaryChoice.Link.PROBIT;
        ModelFrame bf = f;
        if (!ms.balanceCovariates().isEmpty()) {
            try {
                bf = ModelFrame.build(d, ms.treatment(), ms.balanceCovariates(), false, null, List.of(), List.of(),
                        cond);
            } catch (UserError e) {
                throw new UserError(spec.locate(mp + "/balance_covariates") + ": matching `" + ms.id() + "`: "
                        + e.getMessage(), e);
            }
            if (!Arrays.equals(bf.rows(), f.rows())) {
                throw spec.errorAt(mp + "/balance_covariates", "the balance covariates are missing in other rows than"
                        + " the score covariates, so the two samples differ. Use variables that are complete where the"
                        + " covariates are, or filter the rows first (`if:`).");
            }
        }
        TeffectsRuns.Columns[] teffects = TeffectsRuns.columns(spec, ms, mp, d, f);
        for (Sample s : samples(d, ms.by(), f.rows())) {
            sample(spec, ms, s, f, bf, treated, outcomes, specs, link, estimates, balance, scores, mp);
            TeffectsRuns.sample(spec, ms, mp, ms.id() + "." + s.key(), s.idx(), subset(f.x(), s.idx()), f.names(),
                    subset(treated, s.idx()), subset(outcomes, s.idx()), teffects, estimates);
        }
        if (ms.did() != null) {
            did(spec, ms, d, link, estimates, mp);
        }
        return MatchingDrops.record(MatchingDrops.count(d, ms, f), ms, estimates);
    }

    /**
     * Kernel PSM-DID as Stata's diff ..., kernel id(): all waves (the {@code if} sample is not applied), the score on
     * the baseline, weights carried by the panel id. Stored as {@code <id>.did.<outcome>} with terms before, after
     * and did (the differences T − C and their difference) and the cell means as statistics.
     */
    private static void did(Spec spec, MatchingSpec ms, Dataset d, BinaryChoice.Link link, List<Estimate> estimates,
                            String mp) {
        var src = spec.source(ms.data());
        if (src.panel() == null) {
            throw spec.errorAt(mp + "/did", "PSM-DID carries the kernel weights to the follow-up by the panel id;"
                    + " declare it on the data source, e.g. `panel: {id: hhid, time: year}`.");
        }
        String post = ms.did().post();
        if (!d.has(post) || !(d.column(post) instanceof NumericColumn)) {
            throw spec.errorAt(mp + "/did/post", "`" + post + "` is not a numeric column."
                    + org.reprise.spec.Suggest.didYouMean(post, d.names()));
        }
        var kernel = switch (ms.did().kernel()) {
            case NORMAL -> org.reprise.estimate.match.PsmDidSpec.Kernel.GAUSSIAN;
            case EPANECHNIKOV -> org.reprise.estimate.match.PsmDidSpec.Kernel.EPANECHNIKOV;
            case BIWEIGHT -> org.reprise.estimate.match.PsmDidSpec.Kernel.BIWEIGHT;
            case UNIFORM -> org.reprise.estimate.match.PsmDidSpec.Kernel.UNIFORM;
            case TRICUBE -> org.reprise.estimate.match.PsmDidSpec.Kernel.TRICUBE;
        };
        var didSpec = org.reprise.estimate.match.PsmDidSpec.kernelDefaults().withLink(link)
                .withKernel(kernel, ms.did().bandwidth());
        for (int j = 0; j < ms.outcomes().size(); j++) {
            String o = ms.outcomes().get(j);
            ModelFrame f = ModelFrame.build(d, ms.treatment(), ms.covariates(), false, null,
                    List.of(src.panel().id()), List.of(), "!missing(" + o + ") && !missing(" + post + ")");
            double[] yAll = ((NumericColumn) d.column(o)).values();
            double[] pAll = ((NumericColumn) d.column(post)).values();
            int n = f.rows().length;
            double[] y = new double[n];
            boolean[] treated = new boolean[n];
            boolean[] after = new boolean[n];
            for (int i = 0; i < n; i++) {
                y[i] = yAll[f.rows()[i]];
                treated[i] = f.y()[i] == 1;
                double pv = pAll[f.rows()[i]];
                if (pv != 0 && pv != 1) {
                    throw spec.errorAt(mp + "/did/post", "the period variable `" + post + "` must be 0 (baseline) or"
                            + " 1 (follow-up), but it is " + pv + " in some rows.");
                }
                after[i] = pv == 1;
            }
            org.reprise.estimate.match.PsmDidResult r;
            try {
                r = org.reprise.estimate.match.PsmDid.estimate(y, treated, after, f.cluster().get(0), f.x(),
                        f.names(), didSpec);
            } catch (UserError e) {
                throw new UserError(spec.locate(mp + "/did") + ": matching `" + ms.id() + "`, PSM-DID on " + o + ": "
                        + e.getMessage(), e);
            }
            double[][] v = new double[3][3];
            v[0][0] = r.before().se() * r.before().se();
            v[1][1] = r.after().se() * r.after().se();
            v[2][2] = r.did().se() * r.did().se();
            Vcov vc = new Vcov(v, VcovSpec.classical(), "standard errors of the kernel-weighted DID regression"
                    + " (Stata's diff, kernel)", r.df(), new int[0], List.of());
            Map<String, Double> st = new LinkedHashMap<>();
            st.put("mean_control_before", r.before().meanControl());
            st.put("mean_treated_before", r.before().meanTreated());
            st.put("mean_control_after", r.after().meanControl());
            st.put("mean_treated_after", r.after().meanTreated());
            st.put("r2", r.r2());
            estimates.add(Estimates.of(ms.id() + ".did." + o, "psm_did_kernel", o,
                    new String[] {"before", "after", "did"},
                    new double[] {r.before().diff(), r.after().diff(), r.did().diff()}, new boolean[3], r.n(), vc, st,
                    r.notes()));
        }
    }

    private static void sample(Spec spec, MatchingSpec ms, Sample s, ModelFrame f, ModelFrame bf,
                               boolean[] treatedAll,
                               double[][] outcomesAll, List<MatchSpec> specs, BinaryChoice.Link link,
                               List<Estimate> estimates, List<BalanceResult> balance, List<Scores> scores,
                               String mp) {
        int n = s.idx().length;
        // the frame's own columns when the sample is all of it (every consumer only reads them)
        boolean[] treated = subset(treatedAll, s.idx());
        double[][] x = subset(f.x(), s.idx());
        double[][] outcomes = subset(outcomesAll, s.idx());
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = treated[i] ? 1 : 0;
        }
        String base = ms.id() + "." + s.key();
        BinaryFit fit;
        try {
            fit = BinaryChoice.fit(link, y, x, f.names(), null);
        } catch (UserError e) {
            throw new UserError(spec.locate(mp + "/covariates") + ": matching `" + ms.id() + "`, sample " + s.key()
                    + ", score model: " + e.getMessage(), e);
        }
        Vcov sv = Vcovs.compute(fit, VcovSpec.classical(), null);
        Map<String, Double> st = new LinkedHashMap<>();
        st.put("ll", fit.ll());
        st.put("chi2", fit.lrChi2());
        st.put("chi2_p", fit.lrP());
        st.put("pseudo_r2", fit.pseudoR2());
        estimates.add(Estimates.of(base + ".score", link.name().toLowerCase(java.util.Locale.ROOT), ms.treatment(),
                fit.names(), fit.coef(), fit.omitted(), fit.nobs(), sv, st, fit.notes()));
        double[] score = new double[n];
        for (int i = 0; i < n; i++) {
            double p = fit.p()[i];
            score[i] = ms.on() == MatchOn.PROBABILITY ? p : ms.on() == MatchOn.INDEX ? fit.xb()[i]
                    : Math.log(p / (1 - p));
        }
        BootstrapResult boot = null;
        if (ms.se() == MatchSe.BOOTSTRAP) {
            if (ms.on() != MatchOn.PROBABILITY) {
                throw spec.errorAt(mp + "/se", "the bootstrap re-matches on the probability; use `on: probability`"
                        + " with `se: bootstrap`, or another `se`.");
            }
            double[][] xs = Arrays.copyOf(x, x.length - 1);
            String[] names = Arrays.copyOf(f.names(), f.names().length - 1);
            boot = PsmBootstrap.run(ms.replicates(), spec.seed(), xs, names, treated, outcomes, specs, link,
                    BootOptions.defaults());
        }
        double[][] atts = new double[outcomes.length][specs.size()];
        int balanceAt = -1;
        for (int m = 0; m < specs.size(); m++) {
            if (ms.balance().isEmpty() ? m == 0 : ms.balance().equals(ms.methods().get(m).id())) {
                balanceAt = m;
                break;
            }
        }
        boolean pstest = balanceAt >= 0 && s.key().equals(FULL) && needsBalance(spec, ms);
        // pstest re-estimates a probit whatever built the score; balance_link: score uses the score's link
        BinaryChoice.Link joint = ms.balanceLink() == org.reprise.spec.BalanceLink.SCORE ? link
                : BinaryChoice.Link.PROBIT;
        MatchMethodSpec bm = balanceAt >= 0 ? ms.methods().get(balanceAt) : null;
        // the score model is pstest's probit before matching when it has the same covariates and link
        BinaryFit before = bf == f && joint == link ? fit : null;
        MethodRuns runs = MethodRuns.start(score, treated, outcomes, specs, balanceAt, !pstest ? null
                : r -> r.nTreatedOnSupport() > 0 && balanceable(r)
                ? balance(ms, bm, bf, s, score, treated, r, joint, before) : null);
        try {
            for (int m = 0; m < specs.size(); m++) {
                MatchMethodSpec mm = ms.methods().get(m);
                MatchResult r;
                try {
                    r = runs.result(m);
                } catch (UserError e) {
                    throw new UserError(spec.locate(mp + "/methods/" + m) + ": matching `" + ms.id() + "`, sample "
                            + s.key() + ", method " + mm.id() + ": " + e.getMessage(), e);
                }
                estimates(ms, mm, m, r, base, boot, outcomes.length, atts, estimates, spec, mp, s);
                if (m == balanceAt) {
                    if (pstest) {
                        if (!balanceable(r)) {
                            throw spec.errorAt(mp + (ms.balance().isEmpty() ? "/methods/" + m : "/balance"),
                                    "matching `" + ms.id() + "`: the balance table uses method " + mm.id() + ", whose"
                                    + " local linear regression weights are negative for some controls; pstest's"
                                    + " weighted means, t-tests and probit are not defined with negative weights."
                                    + " Name another method in `balance:`.");
                        }
                        balance.add(runs.balance());
                    }
                    if (s.key().equals(FULL)) {
                        scores.add(new Scores(ms.id(), score, treated, r.weight(), r.support()));
                    }
                }
            }
        } finally {
            runs.close();
        }
        for (int j = 0; j < outcomes.length; j++) {
            double avg = Arrays.stream(atts[j]).average().orElse(Double.NaN);
            Vcov v = new Vcov(new double[][] {{Double.NaN}}, VcovSpec.classical(), "no standard error (an average"
                    + " of the methods)", Double.POSITIVE_INFINITY, new int[0], List.of());
            estimates.add(Estimates.of(base + ".average." + ms.outcomes().get(j), "psm_average",
                    ms.outcomes().get(j), new String[] {"ATT"}, new double[] {avg}, new boolean[] {false}, n, v,
                    Map.of(), List.of()));
        }
    }

    /** pstest needs non-negative matching weights (local linear regression weights can be negative). */
    private static boolean balanceable(MatchResult r) {
        for (double w : r.weight()) {
            if (w < 0) {
                return false;
            }
        }
        return true;
    }

    /** One method's estimates (one per outcome), after the check that some treated unit was matched. */
    private static void estimates(MatchingSpec ms, MatchMethodSpec mm, int m, MatchResult r, String base,
                                  BootstrapResult boot, int outcomes, double[][] atts, List<Estimate> estimates,
                                  Spec spec, String mp, Sample s) {
        if (r.nTreatedOnSupport() == 0) {
            throw spec.errorAt(mp + "/methods/" + m, "matching `" + ms.id() + "`, sample " + s.key()
                    + ", method " + mm.id() + ": none of the " + r.nTreated() + " treated units is on the common"
                    + " support with a match, so the ATT is not defined. Widen the caliper or bandwidth, set"
                    + " `common: false`, or check the score model's covariates.");
        }
        for (int j = 0; j < outcomes; j++) {
            MatchResult.Effect e = r.effects()[j];
            atts[j][m] = e.att();
            boolean llr = mm.method() == org.reprise.spec.MatchKind.LLR;
            double se = switch (ms.se()) {
                // psmatch2 prints no valid analytic S.E. for llr (the local linear weights are not fixed
                // matching weights and can be negative): none here; the table note points to the bootstrap
                case ANALYTIC -> llr ? Double.NaN : e.seAtt();
                case AI -> e.aiSeAtt();
                case BOOTSTRAP -> boot.stats().get(m * outcomes + j).se();
            };
            String label = switch (ms.se()) {
                case ANALYTIC -> llr ? "no standard error (psmatch2 prints no valid analytic one for local"
                        + " linear regression matching; use se: bootstrap)"
                        : "psmatch2's analytic standard errors (they treat the propensity score as known)";
                case AI -> "Abadie–Imbens (2006) standard errors";
                case BOOTSTRAP -> "bootstrap standard errors (" + boot.succeeded() + " replicates, score"
                        + " re-estimated in each)";
            };
            Map<String, Double> stats = new LinkedHashMap<>();
            stats.put("n_treated", (double) r.nTreated());
            stats.put("n_controls", (double) r.nControls());
            stats.put("n_treated_on_support", (double) r.nTreatedOnSupport());
            stats.put("n_treated_off_support", (double) r.nTreatedOffSupport());
            // psmatch2's closing `tab _treated _support`
            stats.put("n_controls_on_support", (double) r.nControlsOnSupport());
            stats.put("n_controls_off_support", (double) (r.nControls() - r.nControlsOnSupport()));
            stats.put("mean_treated", e.meanTreated());
            stats.put("mean_control", e.meanMatchedControls());
            String[] names = ms.ate() ? new String[] {"ATT", "ATU", "ATE"} : new String[] {"ATT"};
            double[] coef = ms.ate() ? new double[] {e.att(), e.atu(), e.ate()} : new double[] {e.att()};
            double[][] vm = new double[names.length][names.length];
            vm[0][0] = se * se;
            if (ms.ate()) {
                // psmatch2 reports no analytic SE for ATU and ATE; Abadie-Imbens gives them
                double su = ms.se() == MatchSe.AI ? e.aiSeAtu() : Double.NaN;
                double sa = ms.se() == MatchSe.AI ? e.aiSeAte() : Double.NaN;
                vm[1][1] = su * su;
                vm[2][2] = sa * sa;
            }
            Vcov v = new Vcov(vm, VcovSpec.classical(), label, Double.POSITIVE_INFINITY, new int[0], List.of());
            estimates.add(Estimates.of(base + "." + mm.id() + "." + ms.outcomes().get(j),
                    "psm_" + mm.method().word(), ms.outcomes().get(j), names, coef, new boolean[names.length],
                    r.nTreatedOnSupport() + r.nControls(), v, stats, List.of()));
        }
    }

    /**
     * Whether anything shows the balance test of {@code ms}: a balance table or a love plot. Otherwise pstest (a
     * probit on the unmatched and on the matched sample, per covariate regressions) is not computed at all.
     */
    static boolean needsBalance(Spec spec, MatchingSpec ms) {
        return spec.tables().stream().anyMatch(t -> t.kind() == org.reprise.spec.TableKind.BALANCE
                && t.matching().equals(ms.id()))
                || spec.figures().stream().anyMatch(f -> f.type() == org.reprise.spec.FigureKind.LOVE
                && f.matching().equals(ms.id()));
    }

    /** Whether idx is 0, 1, ..., len - 1 (the whole frame). */
    private static boolean whole(int[] idx, int len) {
        if (idx.length != len) {
            return false;
        }
        for (int i = 0; i < idx.length; i++) {
            if (idx[i] != i) {
                return false;
            }
        }
        return true;
    }

    /** The columns at idx; the same arrays (not copies) when idx is all of them, in order. */
    private static double[][] subset(double[][] cols, int[] idx) {
        if (cols.length == 0 || whole(idx, cols[0].length)) {
            return cols.clone();
        }
        double[][] out = new double[cols.length][];
        for (int c = 0; c < cols.length; c++) {
            out[c] = new double[idx.length];
            for (int i = 0; i < idx.length; i++) {
                out[c][i] = cols[c][idx[i]];
            }
        }
        return out;
    }

    private static boolean[] subset(boolean[] v, int[] idx) {
        if (whole(idx, v.length)) {
            return v.clone();
        }
        boolean[] out = new boolean[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = v[idx[i]];
        }
        return out;
    }

    /** pstest rows and MatchIt SMDs (score first, as MatchIt's "distance") for the balance covariates. */
    private static BalanceResult balance(MatchingSpec ms, MatchMethodSpec mm, ModelFrame bf, Sample s, double[] score,
                                         boolean[] treated, MatchResult r, BinaryChoice.Link link,
                                         BinaryFit before) {
        List<double[]> cols = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int j = 0; j < bf.names().length; j++) {
            if (bf.names()[j].equals(BinaryChoice.CONS)) {
                continue;
            }
            cols.add(subset(new double[][] {bf.x()[j]}, s.idx())[0]);
            names.add(bf.names()[j]);
        }
        double[][] xs = cols.toArray(new double[0][]);
        String[] ns = names.toArray(new String[0]);
        Balance.Both both = Balance.pstestAndSmd(score, "distance", xs, ns, treated, r.weight(), r.support(), link,
                before);
        return new BalanceResult(ms.id(), mm.id(), both.pstest(), both.smd());
    }

    static MatchSpec matchSpec(MatchingSpec ms, MatchMethodSpec m, long seed) {
        MatchSpec s = switch (m.method()) {
            case NEAREST -> {
                MatchSpec nn = MatchSpec.nearest(m.k());
                if (m.caliper() != null) {
                    nn = nn.withCaliper(m.caliper());
                }
                if (m.ties()) {
                    nn = nn.withTies(MatchSpec.Ties.PSMATCH2);
                }
                if (!m.replacement()) {
                    nn = nn.withoutReplacement(MatchSpec.Order.valueOf(m.order().name()), seed);
                }
                if (ms.se() == MatchSe.AI) {
                    nn = nn.withAi(m.k(), false, false);
                }
                yield nn;
            }
            case RADIUS -> MatchSpec.radius(m.caliper());
            case KERNEL -> MatchSpec.kernel(MatchSpec.Kernel.valueOf(m.kernel().name()), m.bandwidth());
            case LLR -> {
                // psmatch2's llr; k, ties and caliper matter only on its Epanechnikov (nearest-neighbour) route
                MatchSpec l = new MatchSpec(MatchSpec.Method.LLR, m.k(), true, Double.POSITIVE_INFINITY,
                        MatchSpec.Ties.NONE, MatchSpec.Kernel.valueOf(m.kernel().name()), m.bandwidth(), false, 100,
                        MatchSpec.Order.DATA, 0L, false, 0, false, false);
                l = m.caliper() != null ? l.withCaliper(m.caliper()) : l;
                yield m.ties() ? l.withTies(MatchSpec.Ties.PSMATCH2) : l;
            }
        };
        s = s.withCommon(ms.common());
        if (ms.trim() != null) {
            s = s.withTrim(ms.trim());
        }
        return ms.ate() ? s.withAte(true) : s;
    }

    /** The sample keys a matching analysis stored (full first, then the by-values), read from its score estimates. */
    static List<String> sampleKeys(org.reprise.results.Results results, String matchingId) {
        String prefix = matchingId + ".";
        List<String> keys = new ArrayList<>();
        for (Estimate e : results.estimates()) {
            if (e.id().startsWith(prefix) && e.id().endsWith(".score")) {
                keys.add(e.id().substring(prefix.length(), e.id().length() - ".score".length()));
            }
        }
        return keys;
    }

    /** How a sample is headed in tables, text and figures. */
    static String sampleLabel(String key) {
        return key.equals(FULL) ? "Full sample" : key;
    }

    /** The full sample, then one sample per value of {@code by} (sorted). */
    static List<Sample> samples(Dataset d, String by, int[] rows) {
        List<Sample> out = new ArrayList<>();
        out.add(new Sample(FULL, Groups.all(rows.length)));
        if (!by.isEmpty()) {
            Groups.byValue(d, by, rows).forEach((k, idx) -> out.add(new Sample(k, idx)));
        }
        return out;
    }
}
