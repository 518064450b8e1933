package org.reprise.narrative;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reprise.estimate.balance.BalanceJoint;
import org.reprise.estimate.balance.BalanceRow;
import org.reprise.results.BalanceResult;
import org.reprise.results.Estimate;
import org.reprise.results.Results;
import org.reprise.results.Term;
import org.reprise.table.Numbers;
import org.reprise.table.RegressionLayout;
import org.reprise.table.StarRule;

/**
 * The sentences that say what did not work as plainly as what did: controls a model had to omit, participants
 * dropped by common support, covariates still unbalanced after matching. Every number is registered as in
 * {@link Narrative}; counts are words. Wording in omitted.ftl, support.ftl and balance.ftl; rules in docs/narrative.md.
 */
final class Caveats {
    /** Rubin (2001): B below 25 and R between 0.5 and 2 for a balanced sample (pstest's thresholds). */
    static final double RUBIN_B = 25;
    static final double RUBIN_R_LOW = 0.5;
    static final double RUBIN_R_HIGH = 2;
    /** A share of participants off support above which the text calls the support thin. */
    static final double THIN = 0.10;

    private Caveats() {
    }

    static List<Sentence> omitted(Narrative n, RegressionLayout l, List<String> keyTerms, List<Boolean> absorbs,
                                  Map<String, String> labels) {
        // omitted term → the columns that omit it, grouped by identical column sets, in the models' term order
        // (a term omitted in every column has no row in the table, so the models are read, not the rows)
        java.util.Set<String> terms = new java.util.LinkedHashSet<>();
        for (Estimate e : l.models()) {
            for (Term t : e.terms()) {
                terms.add(t.term());
            }
        }
        Map<List<Integer>, List<String>> byColumns = new LinkedHashMap<>();
        for (String term : terms) {
            if (keyTerms.contains(term) || term.equals("_cons")) {
                continue;
            }
            List<Integer> cols = new ArrayList<>();
            for (int j = 0; j < l.models().size(); j++) {
                Term t = l.models().get(j).term(term);
                if (t != null && t.omitted()) {
                    cols.add(j);
                }
            }
            if (!cols.isEmpty()) {
                byColumns.computeIfAbsent(cols, k -> new ArrayList<>()).add(labels.getOrDefault(term, term));
            }
        }
        List<Sentence> out = new ArrayList<>();
        for (Map.Entry<List<Integer>, List<String>> e : byColumns.entrySet()) {
            List<Integer> cols = e.getKey();
            boolean fe = true;
            int controls = -1;
            int estimated = -1;
            boolean sameCounts = true;
            for (int j : cols) {
                fe &= j < absorbs.size() && absorbs.get(j);
                int c = 0;
                int est = 0;
                for (Term t : l.models().get(j).terms()) {
                    if (!keyTerms.contains(t.term()) && !t.term().equals("_cons")) {
                        c++;
                        est += t.omitted() ? 0 : 1;
                    }
                }
                sameCounts &= controls < 0 || (controls == c && estimated == est);
                controls = c;
                estimated = est;
            }
            List<String> words = new ArrayList<>();
            for (int j : cols) {
                words.add(Integer.toString(j + 1));
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("names", list(e.getValue()));
            m.put("plural", e.getValue().size() > 1);
            m.put("omittedColumns", (cols.size() == 1 ? "column " : "columns ") + list(words));
            m.put("singleColumn", cols.size() == 1);
            m.put("fixedEffects", fe);
            m.put("countsKnown", sameCounts && controls > 0);
            m.put("nControls", Words.count(Math.max(controls, 0)));
            m.put("nEstimated", Words.count(Math.max(estimated, 0)));
            out.add(n.finish("omitted.ftl", m, new ArrayList<>(), l.stars(), strings(m)));
        }
        return out;
    }

    static List<Sentence> support(Narrative n, Results results, List<String> ids, List<String> labels) {
        List<Map<String, Object>> samples = new ArrayList<>();
        List<NumberUse> uses = new ArrayList<>();
        List<String> masks = new ArrayList<>();
        boolean any = false;
        List<String> thin = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            Estimate e = results.estimate(ids.get(i));
            Double off = e == null ? null : e.stats().get("n_treated_off_support");
            Double treated = e == null ? null : e.stats().get("n_treated");
            if (off == null || treated == null || treated <= 0) {
                return List.of();
            }
            String ref = "estimates/" + e.id() + "/stats/";
            Map<String, Object> s = new LinkedHashMap<>();
            String phrase = Words.phrase(labels.get(i), "");
            s.put("phrase", phrase);
            s.put("off", Numbers.fixed(off, 0));
            s.put("treated", Numbers.fixed(treated, 0));
            masks.add(phrase);
            uses.add(new NumberUse(Numbers.fixed(off, 0), off, 0, ref + "n_treated_off_support"));
            uses.add(new NumberUse(Numbers.fixed(treated, 0), treated, 0, ref + "n_treated"));
            samples.add(s);
            any |= off > 0;
            if (off / treated > THIN) {
                thin.add(phrase);
            }
        }
        if (samples.isEmpty()) {
            return List.of();
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("samples", samples);
        m.put("anyOff", any);
        m.put("thin", list(thin));
        m.put("anyThin", !thin.isEmpty());
        m.put("thinPercent", "a tenth");
        masks.add(list(thin));
        if (!any) {
            // nothing dropped: registered numbers would go unprinted, so say it without them
            return List.of(n.finish("support.ftl", m, new ArrayList<>(), StarRule.DEFAULT, masks));
        }
        return List.of(n.finish("support.ftl", m, uses, StarRule.DEFAULT, masks));
    }

    static List<Sentence> balance(Narrative n, BalanceResult b, List<String> labels, String method, StarRule rule) {
        String ref = "balance/" + b.id() + "/";
        double loosest = Words.loosest(rule);
        double strictest = Double.NaN;
        for (double level : rule.levels()) {
            strictest = Double.isNaN(strictest) || level < strictest ? level : strictest;
        }
        List<String> differ = new ArrayList<>();
        int atStrictest = 0;
        int total = b.table().rows().size();
        for (int i = 0; i < total; i++) {
            BalanceRow r = b.table().rows().get(i);
            if (!Double.isNaN(r.pM()) && !Double.isNaN(loosest) && r.pM() < loosest) {
                differ.add(labels.get(i));
                atStrictest += r.pM() < strictest ? 1 : 0;
            }
        }
        BalanceJoint u = b.table().unmatched();
        BalanceJoint mj = b.table().matched();
        List<NumberUse> uses = new ArrayList<>();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", method);
        m.put("nCovariates", Words.count(total));
        m.put("nDiffer", Words.count(differ.size()));
        m.put("nStrictest", Words.count(atStrictest));
        m.put("differ", list(differ));
        m.put("anyDiffer", !differ.isEmpty());
        m.put("oneDiffers", differ.size() == 1);
        m.put("anyStrictest", atStrictest > 0);
        m.put("loosest", Double.isNaN(loosest) ? "" : Words.level(loosest));
        m.put("strictest", Double.isNaN(strictest) ? "" : Words.level(strictest));
        m.put("strictestDiffers", !Double.isNaN(strictest) && strictest != loosest);
        String biasU = Numbers.fixed(u.meanBias(), 1);
        String biasM = Numbers.fixed(mj.meanBias(), 1);
        m.put("biasBefore", biasU);
        m.put("biasAfter", biasM);
        uses.add(new NumberUse(biasU, u.meanBias(), 1, ref + "unmatched/mean_bias"));
        uses.add(new NumberUse(biasM, mj.meanBias(), 1, ref + "matched/mean_bias"));
        boolean joint = Double.isFinite(mj.lrChi2()) && Double.isFinite(mj.pChi2());
        m.put("joint", joint);
        boolean rejects = false;
        if (joint) {
            String chi2 = Numbers.fixed(mj.lrChi2(), 2);
            m.put("chi2", chi2);
            uses.add(new NumberUse(chi2, mj.lrChi2(), 2, ref + "matched/lr_chi2"));
            String p = Words.pValue(mj.pChi2(), rule);
            m.put("pBelow", p == null);
            if (p == null) {
                m.put("p", "0.001");
                uses.add(new NumberUse("0.001", mj.pChi2(), 3, ref + "matched/p_chi2", NumberUse.Kind.P_BELOW));
            } else {
                m.put("p", p);
                uses.add(new NumberUse(p, mj.pChi2(), p.length() - p.indexOf('.') - 1, ref + "matched/p_chi2"));
            }
            rejects = !Double.isNaN(loosest) && mj.pChi2() < loosest;
        }
        m.put("rejects", rejects);
        boolean rubin = Double.isFinite(mj.rubinB()) && Double.isFinite(mj.rubinR());
        m.put("rubin", rubin);
        boolean rubinFails = false;
        if (rubin) {
            String rb = Numbers.fixed(mj.rubinB(), 1);
            String rr = Numbers.fixed(mj.rubinR(), 2);
            m.put("rubinB", rb);
            m.put("rubinR", rr);
            uses.add(new NumberUse(rb, mj.rubinB(), 1, ref + "matched/rubin_b"));
            uses.add(new NumberUse(rr, mj.rubinR(), 2, ref + "matched/rubin_r"));
            boolean bFails = Math.abs(mj.rubinB()) >= RUBIN_B;
            boolean rFails = mj.rubinR() < RUBIN_R_LOW || mj.rubinR() > RUBIN_R_HIGH;
            m.put("bFails", bFails);
            m.put("rFails", rFails);
            rubinFails = bFails || rFails;
        }
        // balanced: nothing differs at the strictest level, the joint test does not reject, B and R within the guide;
        // a covariate or two at the loosest level is said, not hidden (twelve tests at 10% give one by chance)
        m.put("balanced", atStrictest == 0 && !rejects && !rubinFails);
        List<String> masks = new ArrayList<>(List.of(method, list(differ), "B below 25", "between 0.5 and 2",
                "Rubin's (2001)"));
        return List.of(n.finish("balance.ftl", m, uses, rule, masks));
    }

    /** "a", "a and b", "a, b and c". */
    static String list(List<String> items) {
        if (items.size() <= 1) {
            return items.isEmpty() ? "" : items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    /** Every string of a model: for sentences that register no number, all their text is labels. */
    private static List<String> strings(Map<String, Object> m) {
        List<String> out = new ArrayList<>();
        for (Object v : m.values()) {
            if (v instanceof String s) {
                out.add(s);
            }
        }
        return out;
    }
}
