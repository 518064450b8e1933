package org.reprise.narrative;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.reprise.UserError;
import org.reprise.results.Estimate;
import org.reprise.results.Term;
import org.reprise.table.Numbers;
import org.reprise.table.RegressionLayout;
import org.reprise.table.StarRule;

/**
 * Results-section sentences for a regression table: for each key term and column, the direction, size (in the
 * outcome's {@link Unit}), estimate and SE exactly as the table prints them, and the significance level from the
 * table's star rule; then the declared comparisons between columns, with a z-test when the samples are independent.
 * Wording lives in Freemarker templates (regression.ftl, comparison.ftl); rules in docs/narrative.md.
 */
public final class Narrative {
    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    private final Templates templates;

    private Narrative(Templates templates) {
        this.templates = templates;
    }

    /** The built-in templates only (classpath templates/narrative/). */
    public static Narrative builtIn() {
        return new Narrative(new Templates(null, Narrative.class.getClassLoader()));
    }

    /**
     * A project's templates folder: each file of {@code templatesRoot}/narrative/ replaces the built-in file of
     * the same name; missing files (or a missing folder) fall back to the built-in copy.
     */
    public static Narrative from(Path templatesRoot) {
        return new Narrative(new Templates(templatesRoot == null ? null : templatesRoot.resolve("narrative"),
                Narrative.class.getClassLoader()));
    }

    /** For tests: a narrative folder and the class loader holding the built-in copy. */
    static Narrative with(Path narrativeFolder, ClassLoader builtIns) {
        return new Narrative(new Templates(narrativeFolder, builtIns));
    }

    /** Sentences for each key term in each column, without comparisons. */
    public List<Sentence> regression(RegressionLayout layout, List<String> keyTerms, Map<String, Unit> unitByModelId,
                                     StarRule stars) {
        return regression(layout, keyTerms, unitByModelId, stars, List.of());
    }

    /**
     * Sentences for each key term (a row of the table): one per column where the term was estimated, then one per
     * comparison. {@code unitByModelId}: the unit of each model's outcome (missing: {@link Unit#LEVEL}).
     * {@code stars}: the table's star rule (null: the layout's).
     */
    public List<Sentence> regression(RegressionLayout layout, List<String> keyTerms, Map<String, Unit> unitByModelId,
                                     StarRule stars, List<Comparison> comparisons) {
        return regression(layout, keyTerms, unitByModelId, stars, comparisons, true);
    }

    /**
     * As above; {@code numbered}: whether the table prints column numbers "(1)", "(2)", ... (regression tables do,
     * matching tables, whose columns are samples, do not), so that the text cites a column number only where the
     * reader can find it. When a term is estimated in two or more columns, a headline sentence comes first (the
     * direction in how many columns, and the significance they share); a level every column meets is then said
     * once there instead of in every sentence.
     */
    public List<Sentence> regression(RegressionLayout layout, List<String> keyTerms, Map<String, Unit> unitByModelId,
                                     StarRule stars, List<Comparison> comparisons, boolean numbered) {
        StarRule rule = stars != null ? stars : layout.stars();
        List<Sentence> out = new ArrayList<>();
        for (String key : keyTerms) {
            RegressionLayout.TermRow row = row(layout, key);
            List<Integer> used = new ArrayList<>();
            for (int j = 0; j < layout.models().size(); j++) {
                if (usable(layout.models().get(j).term(key))) {
                    used.add(j);
                }
            }
            String common = used.size() >= 2 ? commonLevel(layout, key, used, rule) : "";
            if (used.size() >= 2) {
                add(out, headline(layout, key, row, used, rule, common, numbered));
            }
            for (int j : used) {
                Term t = layout.models().get(j).term(key);
                add(out, estimate(layout, j, row, t, unitOf(layout.models().get(j), unitByModelId), rule, numbered,
                        !common.isEmpty()));
            }
            for (Comparison c : comparisons) {
                int a = column(layout, c.modelA());
                int b = column(layout, c.modelB());
                Term ta = layout.models().get(a).term(key);
                Term tb = layout.models().get(b).term(key);
                if (usable(ta) && usable(tb)) {
                    add(out, comparison(layout, a, b, row, ta, tb, c.independentSamples(), rule, numbered));
                }
            }
        }
        return out;
    }

    private static void add(List<Sentence> out, Sentence s) {
        if (!s.text().isEmpty()) {
            out.add(s);
        }
    }

    private static boolean usable(Term t) {
        return t != null && !t.omitted() && Double.isFinite(t.estimate());
    }

    private static Unit unitOf(Estimate e, Map<String, Unit> units) {
        Unit u = units == null ? null : units.get(e.id());
        return u == null ? Unit.LEVEL : u;
    }

    private Sentence estimate(RegressionLayout l, int j, RegressionLayout.TermRow row, Term t, Unit unit,
                              StarRule rule, boolean numbered, boolean levelInHeadline) {
        Estimate e = l.models().get(j);
        String ref = ref(e, row.term());
        int d = l.estimateDecimals();
        String est = Numbers.fixed(t.estimate(), d);
        int sign = new BigDecimal(est).signum();
        Map<String, Object> m = place(l, j, numbered);
        m.put("term", row.label());
        m.put("outcome", e.outcome());
        m.put("estimate", est);
        NumberUse estUse = new NumberUse(est, t.estimate(), d, ref + "/estimate");
        boolean hasSe = Double.isFinite(t.stdError());
        String se = hasSe ? Numbers.fixed(t.stdError(), l.belowDecimals()) : "";
        m.put("hasSe", hasSe);
        m.put("negative", sign < 0);
        m.put("positive", sign > 0);
        m.put("zero", sign == 0);
        List<NumberUse> sizeUses = new ArrayList<>();
        size(m, sizeUses, unit, t.estimate(), est, d, ref + "/estimate");
        // the SE in the unit of the size (percentage points beside a size in percentage points): seInUnit
        boolean sePoints = hasSe && (Boolean) m.get("sizeShown") && unit.kind() == Unit.Kind.PROBABILITY;
        String seInUnit = sePoints ? Words.percentagePoints(se) : se;
        m.put("se", se);
        m.put("seInUnit", seInUnit);
        // the coefficient itself is quoted only when the size phrase does not already carry it in the table's unit
        boolean showEstimate = !(Boolean) m.get("sizeShown") || unit.kind() == Unit.Kind.LOG;
        m.put("showEstimate", showEstimate);
        // every number variable is registered (a user's template may print any of them), in the order the built-in
        // template prints them, so that equal strings ("0.01" as size and as SE) are matched to the right result
        List<NumberUse> uses = new ArrayList<>(sizeUses);
        if (showEstimate) {
            uses.add(estUse);
        }
        if (sePoints) {
            uses.add(new NumberUse(seInUnit, BigDecimal.valueOf(t.stdError()).abs().movePointRight(2).doubleValue(),
                    Math.max(l.belowDecimals() - 2, 0), ref + "/std_error", NumberUse.Kind.PERCENTAGE_POINTS));
        }
        if (hasSe) {
            uses.add(new NumberUse(se, t.stdError(), l.belowDecimals(), ref + "/std_error"));
        }
        if (!showEstimate) {
            uses.add(estUse);
        }
        m.put("levelInHeadline", levelInHeadline);
        double p = pValue(t);
        double loosest = Words.loosest(rule);
        boolean tested = !Double.isNaN(p) && !Double.isNaN(loosest);
        double met = tested ? rule.levelMet(p) : Double.NaN;
        m.put("tested", tested);
        m.put("significant", !Double.isNaN(met));
        m.put("level", Double.isNaN(met) ? "" : Words.level(met));
        m.put("loosest", Double.isNaN(loosest) ? "" : Words.level(loosest));
        return finish("regression.ftl", m, uses, rule, masks(m));
    }

    /**
     * The p-value the text may judge significance by: none (NaN) when the standard error is missing, infinite or zero
     * to rounding (|SE| ≤ 1e-12 |b|, an exact fit): the same rule that keeps stars off such a cell in the table, so the
     * text never calls significant what the table leaves without stars.
     */
    static double pValue(Term t) {
        double se = t.stdError();
        return Double.isFinite(se) && se > 1e-12 * Math.abs(t.estimate()) ? t.pValue() : Double.NaN;
    }

    /** The level every column in {@code used} meets as its strictest ("1%"), or "" when they differ or one has none. */
    private static String commonLevel(RegressionLayout l, String key, List<Integer> used, StarRule rule) {
        double common = Double.NaN;
        for (int j : used) {
            double p = pValue(l.models().get(j).term(key));
            if (Double.isNaN(p) || Double.isNaN(Words.loosest(rule))) {
                return "";
            }
            double met = rule.levelMet(p);
            if (Double.isNaN(met) || (!Double.isNaN(common) && met != common)) {
                return "";
            }
            common = met;
        }
        return Double.isNaN(common) ? "" : Words.level(common);
    }

    /**
     * The finding first: in how many columns the term lowers or raises the outcome, and how many estimates meet a
     * level. Counts are words ("all six columns"), so the sentence prints no number of its own.
     */
    private Sentence headline(RegressionLayout l, String key, RegressionLayout.TermRow row, List<Integer> used,
                              StarRule rule, String common, boolean numbered) {
        int d = l.estimateDecimals();
        int negative = 0;
        int positive = 0;
        int significant = 0;
        boolean tested = !Double.isNaN(Words.loosest(rule));
        java.util.Set<String> outcomes = new java.util.LinkedHashSet<>();
        java.util.Set<String> groups = new java.util.LinkedHashSet<>();
        for (int j : used) {
            Term t = l.models().get(j).term(key);
            int sign = new BigDecimal(Numbers.fixed(t.estimate(), d)).signum();
            negative += sign < 0 ? 1 : 0;
            positive += sign > 0 ? 1 : 0;
            if (Double.isNaN(pValue(t))) {
                tested = false;
            } else if (!Double.isNaN(rule.levelMet(pValue(t)))) {
                significant++;
            }
            outcomes.add(l.models().get(j).outcome());
            groups.add((String) place(l, j, numbered).get("group"));
        }
        int n = used.size();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("term", row.label());
        m.put("outcome", outcomes.size() == 1 ? outcomes.iterator().next() : "");
        m.put("group", groups.size() == 1 ? groups.iterator().next() : "");
        m.put("columns", numbered ? "columns" : "samples");
        m.put("nColumns", Words.count(n));
        m.put("nNegative", Words.count(negative));
        m.put("nPositive", Words.count(positive));
        m.put("nZero", Words.count(n - negative - positive));
        m.put("allNegative", negative == n);
        m.put("allPositive", positive == n);
        m.put("someZero", negative + positive < n);
        m.put("tested", tested);
        m.put("nSignificant", Words.count(significant));
        m.put("allSignificant", tested && significant == n);
        m.put("noneSignificant", tested && significant == 0);
        m.put("commonLevel", common);
        m.put("loosest", tested ? Words.level(Words.loosest(rule)) : "");
        return finish("headline.ftl", m, new ArrayList<>(), rule, masks(m));
    }

    /** The size phrase's number, in the outcome's unit. */
    private static void size(Map<String, Object> m, List<NumberUse> uses, Unit unit, double b, String est, int d,
                             String ref) {
        String size;
        int dd = Math.max(d - 2, 0);
        NumberUse use;
        switch (unit.kind()) {
            case PROBABILITY -> {
                size = Words.percentagePoints(est);
                double pp = BigDecimal.valueOf(b).abs().movePointRight(2).doubleValue();
                use = new NumberUse(size, pp, dd, ref, NumberUse.Kind.PERCENTAGE_POINTS);
            }
            case LOG -> {
                double pct = Math.abs(Math.expm1(b)) * 100;
                size = Double.isFinite(pct) ? Numbers.fixed(pct, dd) : "0"; // exp overflow: no size phrase
                use = new NumberUse(size, pct, dd, ref, NumberUse.Kind.PERCENT_CHANGE);
            }
            default -> {
                size = Words.magnitude(est);
                use = new NumberUse(size, Math.abs(b), d, ref, NumberUse.Kind.MAGNITUDE);
            }
        }
        boolean shown = new BigDecimal(size).signum() != 0;
        m.put("sizeShown", shown);
        m.put("size", shown ? size : "");
        m.put("percentagePoints", unit.kind() == Unit.Kind.PROBABILITY);
        m.put("percent", unit.kind() == Unit.Kind.LOG);
        m.put("unitWord", unit.word());
        if (shown) {
            uses.add(use);
        }
    }

    private Sentence comparison(RegressionLayout l, int a, int b, RegressionLayout.TermRow row, Term ta, Term tb,
                                boolean independent, StarRule rule, boolean numbered) {
        Estimate ea = l.models().get(a);
        Estimate eb = l.models().get(b);
        if (!ea.outcome().equals(eb.outcome())) {
            throw new UserError("narrative comparison of models \"" + ea.id() + "\" and \"" + eb.id() + "\" in table \""
                    + l.id() + "\": their outcomes differ (" + ea.outcome() + ", " + eb.outcome() + "), so their"
                    + " estimates are not comparable. Compare only columns with the same outcome.");
        }
        int d = l.estimateDecimals();
        String pa = Numbers.fixed(ta.estimate(), d);
        String pb = Numbers.fixed(tb.estimate(), d);
        BigDecimal va = new BigDecimal(pa);
        BigDecimal vb = new BigDecimal(pb);
        int bySize = va.abs().compareTo(vb.abs());
        List<NumberUse> uses = new ArrayList<>();
        String refA = ref(ea, row.term());
        String refB = ref(eb, row.term());
        uses.add(new NumberUse(pa, ta.estimate(), d, refA + "/estimate"));
        uses.add(new NumberUse(pb, tb.estimate(), d, refB + "/estimate"));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("term", row.label());
        m.put("outcome", ea.outcome());
        side(m, "a", l, a, pa, numbered);
        side(m, "b", l, b, pb, numbered);
        // each side by what it is: "without controls", "in the East subsample", "in column 2 (Vul1)"
        m.put("aName", m.get("aShortPhrase"));
        m.put("bName", m.get("bShortPhrase"));
        m.put("oppositeSigns", va.signum() * vb.signum() < 0);
        m.put("larger", bySize > 0);
        m.put("smaller", bySize < 0);
        m.put("same", bySize == 0);
        boolean haveSe = Double.isFinite(ta.stdError()) && Double.isFinite(tb.stdError())
                && ta.stdError() >= 0 && tb.stdError() >= 0 && ta.stdError() + tb.stdError() > 0;
        boolean tested = independent && haveSe && !Double.isNaN(Words.loosest(rule));
        m.put("independent", independent);
        m.put("haveSe", haveSe);
        m.put("tested", tested);
        double met = Double.NaN;
        String z = "";
        String p = "";
        boolean below = false;
        if (tested) {
            double zv = (ta.estimate() - tb.estimate())
                    / Math.sqrt(ta.stdError() * ta.stdError() + tb.stdError() * tb.stdError());
            double pv = 2 * NORMAL.cumulativeProbability(-Math.abs(zv));
            met = rule.levelMet(pv);
            String refs = refA + "/estimate," + refA + "/std_error," + refB + "/estimate," + refB + "/std_error";
            z = Numbers.fixed(zv, 2);
            uses.add(new NumberUse(z, zv, 2, refs, NumberUse.Kind.Z_DIFFERENCE));
            p = Words.pValue(pv, rule);
            if (p == null) {
                below = true;
                p = "0.001";
                uses.add(new NumberUse(p, pv, 3, refs, NumberUse.Kind.P_BELOW));
            } else {
                uses.add(new NumberUse(p, pv, p.length() - p.indexOf('.') - 1, refs, NumberUse.Kind.P_DIFFERENCE));
            }
        }
        m.put("significant", !Double.isNaN(met));
        m.put("level", Double.isNaN(met) ? "" : Words.level(met));
        m.put("loosest", tested ? Words.level(Words.loosest(rule)) : "");
        m.put("z", z);
        m.put("p", p);
        m.put("pBelow", below);
        return finish("comparison.ftl", m, uses, rule, masks(m));
    }

    private static void side(Map<String, Object> m, String prefix, RegressionLayout l, int j, String printed,
                             boolean numbered) {
        Map<String, Object> place = place(l, j, numbered);
        for (Map.Entry<String, Object> e : place.entrySet()) {
            String k = e.getKey();
            m.put(prefix + Character.toUpperCase(k.charAt(0)) + k.substring(1), e.getValue());
        }
        m.put(prefix + "Estimate", printed);
    }

    /**
     * Where a column is: its number "(2)", label, group label, "column (2) (Vul1, East)", and {@code phrase}, the
     * column named by what it is, as it reads in a sentence: {@link Words#phrase}.
     */
    private static Map<String, Object> place(RegressionLayout l, int j, boolean numbered) {
        Map<String, Object> m = new LinkedHashMap<>();
        String number = "(" + (j + 1) + ")";
        String label = j < l.columnLabels().size() && l.columnLabels().get(j) != null ? l.columnLabels().get(j) : "";
        String group = "";
        for (RegressionLayout.Group g : l.groups()) {
            if (j >= g.from() && j < g.from() + g.width()) {
                group = g.label();
                break;
            }
        }
        m.put("columnNumber", number);
        m.put("column", label);
        m.put("group", group);
        List<String> parts = new ArrayList<>();
        for (String s : List.of(group, label)) {
            if (!s.isBlank()) {
                parts.add(s);
            }
        }
        m.put("where", "column " + number + (parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")"));
        m.put("numbered", numbered);
        m.put("columnWord", "column " + (j + 1));
        String phrase = Words.phrase(label, numbered ? "column " + (j + 1) : "");
        m.put("phrase", phrase);
        m.put("shortPhrase", Words.phrase(label, numbered ? "column " + (j + 1) : "", false));
        m.put("Phrase", Words.capitalised(phrase));
        return m;
    }

    /**
     * Model strings that are labels, not results (their digits are not numbers to register). A bare column number
     * "(2)" is not a label here, since an estimate printed with no decimals can read "(2)" too: templates write
     * "column ${columnNumber}", which is.
     */
    private static List<String> masks(Map<String, Object> m) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Object> e : m.entrySet()) {
            String k = e.getKey().toLowerCase(java.util.Locale.ROOT);
            if (e.getValue() instanceof String s && (k.endsWith("term") || k.endsWith("outcome") || k.endsWith("where")
                    || k.endsWith("name") || k.endsWith("column") || k.endsWith("group") || k.endsWith("unitword")
                    || k.endsWith("phrase") || k.endsWith("columnword") || k.endsWith("columns"))) {
                out.add(s);
            } else if (e.getValue() instanceof String s && k.endsWith("columnnumber")) {
                out.add("column " + s);
            }
        }
        return out;
    }

    /**
     * Under a regression table: the controls a column had to omit (collinear, or absorbed by its fixed effects), so a
     * reader is told what the even columns really estimate. {@code absorbs}: column index → whether it has fixed
     * effects; {@code labels}: term → its label. Nothing when no term is omitted.
     */
    public List<Sentence> omitted(RegressionLayout layout, List<String> keyTerms, List<Boolean> absorbs,
                                  Map<String, String> labels) {
        return Caveats.omitted(this, layout, keyTerms, absorbs, labels);
    }

    /**
     * Under a matching table: how many participants common support drops in each sample ({@code ids}: one matching
     * estimate per sample, whose stats hold n_treated and n_treated_off_support; {@code labels}: the samples).
     */
    public List<Sentence> support(org.reprise.results.Results results, List<String> ids, List<String> labels) {
        return Caveats.support(this, results, ids, labels);
    }

    /**
     * Under a pstest balance table: how many covariates still differ after matching (and which), the fall in mean
     * bias, the joint test and Rubin's B and R, and a plain verdict.
     */
    public List<Sentence> balance(org.reprise.results.BalanceResult b, List<String> labels, String method,
                                  StarRule stars) {
        return Caveats.balance(this, b, labels, method, stars);
    }

    Sentence finish(String template, Map<String, Object> model, List<NumberUse> uses, StarRule rule,
                    List<String> masks) {
        String text = templates.render(template, model);
        return new Sentence(text, PrintedNumbers.reconcile(text, uses, masks, rule, templates.where(template)));
    }

    static String ref(Estimate e, String term) {
        return "estimates/" + e.id() + "/terms/" + term;
    }

    private static RegressionLayout.TermRow row(RegressionLayout l, String term) {
        List<String> shown = new ArrayList<>();
        for (RegressionLayout.TermRow r : l.terms()) {
            if (r.term().equals(term)) {
                return r;
            }
            shown.add(r.term());
        }
        throw new UserError("narrative for table \"" + l.id() + "\": the key term \"" + term + "\" is not a row of the"
                + " table (its rows are " + String.join(", ", shown) + "). Name a term the table shows, since the"
                + " text must quote the table's numbers.");
    }

    private static int column(RegressionLayout l, String modelId) {
        List<String> ids = new ArrayList<>();
        for (int j = 0; j < l.models().size(); j++) {
            if (l.models().get(j).id().equals(modelId)) {
                return j;
            }
            ids.add(l.models().get(j).id());
        }
        throw new UserError("narrative comparison for table \"" + l.id() + "\": the model \"" + modelId + "\" is not a"
                + " column of the table (its models are " + String.join(", ", ids) + "). Compare two models the table"
                + " shows.");
    }
}
