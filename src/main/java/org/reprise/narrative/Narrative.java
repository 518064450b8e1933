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
        StarRule rule = stars != null ? stars : layout.stars();
        List<Sentence> out = new ArrayList<>();
        for (String key : keyTerms) {
            RegressionLayout.TermRow row = row(layout, key);
            for (int j = 0; j < layout.models().size(); j++) {
                Term t = layout.models().get(j).term(key);
                if (usable(t)) {
                    add(out, estimate(layout, j, row, t, unitOf(layout.models().get(j), unitByModelId), rule));
                }
            }
            for (Comparison c : comparisons) {
                int a = column(layout, c.modelA());
                int b = column(layout, c.modelB());
                Term ta = layout.models().get(a).term(key);
                Term tb = layout.models().get(b).term(key);
                if (usable(ta) && usable(tb)) {
                    add(out, comparison(layout, a, b, row, ta, tb, c.independentSamples(), rule));
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
                              StarRule rule) {
        Estimate e = l.models().get(j);
        String ref = ref(e, row.term());
        int d = l.estimateDecimals();
        String est = Numbers.fixed(t.estimate(), d);
        int sign = new BigDecimal(est).signum();
        List<NumberUse> uses = new ArrayList<>();
        Map<String, Object> m = place(l, j);
        m.put("term", row.label());
        m.put("outcome", e.outcome());
        m.put("estimate", est);
        uses.add(new NumberUse(est, t.estimate(), d, ref + "/estimate"));
        boolean hasSe = Double.isFinite(t.stdError());
        String se = hasSe ? Numbers.fixed(t.stdError(), l.belowDecimals()) : "";
        m.put("hasSe", hasSe);
        m.put("se", se);
        if (hasSe) {
            uses.add(new NumberUse(se, t.stdError(), l.belowDecimals(), ref + "/std_error"));
        }
        m.put("negative", sign < 0);
        m.put("positive", sign > 0);
        m.put("zero", sign == 0);
        size(m, uses, unit, t.estimate(), est, d, ref + "/estimate");
        double p = t.pValue();
        double loosest = Words.loosest(rule);
        boolean tested = !Double.isNaN(p) && !Double.isNaN(loosest);
        double met = tested ? rule.levelMet(p) : Double.NaN;
        m.put("tested", tested);
        m.put("significant", !Double.isNaN(met));
        m.put("level", Double.isNaN(met) ? "" : Words.level(met));
        m.put("loosest", Double.isNaN(loosest) ? "" : Words.level(loosest));
        return finish("regression.ftl", m, uses, rule, masks(m));
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
                                boolean independent, StarRule rule) {
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
        side(m, "a", l, a, pa);
        side(m, "b", l, b, pb);
        // a short name for each side: the column labels when both exist and differ, else "column (2) (East)"
        String la = (String) m.get("aColumn");
        String lb = (String) m.get("bColumn");
        boolean byLabel = !la.isBlank() && !lb.isBlank() && !la.equals(lb);
        m.put("aName", byLabel ? la : m.get("aWhere"));
        m.put("bName", byLabel ? lb : m.get("bWhere"));
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

    private static void side(Map<String, Object> m, String prefix, RegressionLayout l, int j, String printed) {
        Map<String, Object> place = place(l, j);
        for (Map.Entry<String, Object> e : place.entrySet()) {
            String k = e.getKey();
            m.put(prefix + Character.toUpperCase(k.charAt(0)) + k.substring(1), e.getValue());
        }
        m.put(prefix + "Estimate", printed);
    }

    /** Where a column is: its number "(2)", label, group label, and "column (2) (Vul1, East)". */
    private static Map<String, Object> place(RegressionLayout l, int j) {
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
                    || k.endsWith("name") || k.endsWith("column") || k.endsWith("group") || k.endsWith("unitword"))) {
                out.add(s);
            } else if (e.getValue() instanceof String s && k.endsWith("columnnumber")) {
                out.add("column " + s);
            }
        }
        return out;
    }

    private Sentence finish(String template, Map<String, Object> model, List<NumberUse> uses, StarRule rule,
                            List<String> masks) {
        String text = templates.render(template, model);
        return new Sentence(text, Ledger.reconcile(text, uses, masks, rule, templates.where(template)));
    }

    private static String ref(Estimate e, String term) {
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
