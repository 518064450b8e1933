package org.reprise.run;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.reprise.data.Dataset;
import org.reprise.results.Descriptives;
import org.reprise.results.Estimate;
import org.reprise.results.Results;
import org.reprise.results.Term;
import org.reprise.spec.ColumnGroup;
import org.reprise.spec.DataSource;
import org.reprise.spec.Indicator;
import org.reprise.spec.ModelSpec;
import org.reprise.spec.Spec;
import org.reprise.spec.StatRow;
import org.reprise.spec.Suggest;
import org.reprise.spec.TableKind;
import org.reprise.spec.TableSpec;
import org.reprise.spec.TermRow;
import org.reprise.table.DescriptiveTable;
import org.reprise.table.RegressionLayout;
import org.reprise.table.RegressionTable;
import org.reprise.table.StarRule;
import org.reprise.table.Table;

/** Turns a table spec plus stored results into a format-neutral table. */
public final class Tables {
    private Tables() {
    }

    /** Every table a table spec produces (a balance spec gives the covariate table and the joint test). */
    public static List<Table> buildAll(Spec spec, TableSpec t, Results results, Map<String, Dataset> data) {
        if (t.kind() == TableKind.BALANCE) {
            var ms = spec.matching(t.matching());
            var b = results.balance(ms.id());
            DataSource src = spec.source(ms.data());
            List<String> labels = new ArrayList<>();
            if (t.style().equals("smd")) {
                for (var row : b.smd()) {
                    labels.add(row.variable().equals("distance") ? "Propensity score (distance)"
                            : termLabel(src, row.variable()));
                }
                return List.of(org.reprise.table.BalanceTables.smd(t.id(), t.title(), b, labels,
                        t.decimals().forStat("mean"), t.notes()));
            }
            for (var row : b.table().rows()) {
                labels.add(termLabel(src, row.variable()));
            }
            var mm = ms.methods().stream().filter(x -> x.id().equals(b.method())).findFirst().orElse(null);
            String method = mm == null ? b.method() + " weights" : (mm.label().isEmpty() ? methodLabel(mm)
                    : mm.label()) + " matching weights";
            return org.reprise.table.BalanceTables.build(t.id(), t.title(), b, labels, t.decimals().forStat("mean"),
                    t.notes(), method);
        }
        return List.of(build(spec, t, results, data));
    }

    public static Table build(Spec spec, TableSpec t, Results results, Map<String, Dataset> data) {
        StarRule stars = new StarRule(spec.stars().levels(), spec.stars().symbols());
        if (t.kind() == TableKind.DESCRIPTIVE) {
            return descriptive(spec, t, results);
        }
        if (t.kind() == TableKind.MATCHING) {
            return matching(spec, t, results, stars);
        }
        if (t.kind() == TableKind.PSM_DID) {
            var ms = spec.matching(t.matching());
            DataSource src = spec.source(ms.data());
            List<Estimate> cols = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            for (String o : ms.outcomes()) {
                cols.add(results.estimate(ms.id() + ".did." + o));
                labels.add(src.label(o));
            }
            List<String> notes = new ArrayList<>();
            if (ms.did() != null) {
                notes.add(didNote(spec, ms));
            }
            notes.addAll(t.notes());
            return org.reprise.table.PsmDidTable.build(t.id(), t.title(), cols, labels,
                    t.decimals().forStat("estimate"), stars, notes);
        }
        if (t.kind() == TableKind.VULNERABILITY) {
            java.util.List<org.reprise.results.VulnerabilityResult> steps = new ArrayList<>();
            for (var v : results.vulnerability()) {
                if (v.data().equals(t.data())) {
                    steps.add(v);
                }
            }
            if (steps.isEmpty()) {
                throw spec.errorAt(spec.tablePointer(t.id()), "vulnerability table `" + t.id() + "` shows the"
                        + " vulnerability steps of data source `" + t.data() + "`, but it has none. Add a"
                        + " `vulnerability:` step to that source or point `data:` at the source that has one.");
            }
            return org.reprise.table.VulnerabilityTable.build(t.id(), t.title(), steps,
                    t.decimals().forStat("mean"), t.notes());
        }
        return regression(spec, t, results, stars);
    }

    private static Table matching(Spec spec, TableSpec t, Results results, StarRule stars) {
        var ms = spec.matching(t.matching());
        DataSource src = spec.source(ms.data());
        List<String> outcomeLabels = new ArrayList<>();
        for (String o : ms.outcomes()) {
            String d = src.variable(o).description();
            outcomeLabels.add(d.isEmpty() ? src.label(o) : src.label(o) + ": " + d);
        }
        List<org.reprise.table.MatchingTable.Method> methods = new ArrayList<>();
        for (var m : ms.methods()) {
            methods.add(new org.reprise.table.MatchingTable.Method(m.id(), m.label().isEmpty() ? methodLabel(m)
                    : m.label()));
        }
        List<org.reprise.table.MatchingTable.Method> teffects = new ArrayList<>();
        for (var te : ms.teffects()) {
            teffects.add(new org.reprise.table.MatchingTable.Method(te.id(), TeffectsRuns.label(te)));
        }
        List<String> samples = Matchings.sampleKeys(results, ms.id());
        List<String> sampleLabels = samples.stream().map(Matchings::sampleLabel).toList();
        List<String> notes = new ArrayList<>();
        notes.add(designNote(spec, ms));
        notes.addAll(t.notes());
        return org.reprise.table.MatchingTable.build(t.id(), t.title(), ms.id(), ms.outcomes(), outcomeLabels,
                methods, teffects, samples, sampleLabels, results, t.decimals().forStat("estimate"), stars,
                notes);
    }

    /**
     * The design of a matching analysis in one note, written from its parameters so that it never goes stale when
     * they change: the sample, the score model, support and trimming ("Sample: year == 2016. Score: probit of
     * Participation on Age, Health, ... (12 covariates). Common support imposed (psmatch2's common).").
     */
    static String designNote(Spec spec, org.reprise.spec.MatchingSpec ms) {
        DataSource src = spec.source(ms.data());
        List<String> covs = ms.covariates().stream().map(c -> termLabel(src, c)).toList();
        StringBuilder b = new StringBuilder();
        if (!ms.condition().isEmpty()) {
            b.append("Sample: ").append(ms.condition()).append(". ");
        }
        b.append("Score: ").append(ms.score().word()).append(" of ").append(src.label(ms.treatment())).append(" on ")
                .append(String.join(", ", covs)).append(" (").append(covs.size())
                .append(covs.size() == 1 ? " covariate)." : " covariates).");
        b.append(ms.common() ? " Common support imposed (psmatch2's common)." : " Common support not imposed.");
        if (ms.trim() != null) {
            b.append(" Treated in the lowest ").append(ms.trim()).append("% of control density trimmed.");
        }
        return b.toString();
    }

    /** The design of a kernel PSM-DID, from its parameters: the baseline score, the kernel and its bandwidth. */
    static String didNote(Spec spec, org.reprise.spec.MatchingSpec ms) {
        DataSource src = spec.source(ms.data());
        var did = ms.did();
        return "Score: " + ms.score().word() + " of " + src.label(ms.treatment()) + " on the covariates at the"
                + " baseline (" + src.label(did.post()) + " = 0); " + did.kernel().word() + " kernel, bandwidth "
                + did.bandwidth() + ".";
    }

    static String methodLabel(org.reprise.spec.MatchMethodSpec m) {
        return switch (m.method()) {
            case NEAREST -> "Nearest neighbour 1:" + m.k() + (m.caliper() != null ? " (caliper " + m.caliper() + ")"
                    : "");
            case RADIUS -> "Radius (caliper " + m.caliper() + ")";
            case KERNEL -> "Kernel (" + m.kernel().word() + ", bandwidth " + m.bandwidth() + ")";
        };
    }

    private static Table descriptive(Spec spec, TableSpec t, Results results) {
        Descriptives d = null;
        for (Descriptives x : results.descriptives()) {
            if (x.id().equals(t.id())) {
                d = x;
            }
        }
        DataSource src = spec.source(t.data());
        List<DescriptiveTable.Meta> meta = new ArrayList<>();
        for (var row : d.rows()) {
            var m = src.variable(row.variable());
            meta.add(new DescriptiveTable.Meta(m.group(), src.label(row.variable()).equals(row.variable()) ? ""
                    : src.label(row.variable()), m.description()));
        }
        List<String> stats = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<Integer> decimals = new ArrayList<>();
        for (StatRow s : t.stats()) {
            stats.add(s.stat());
            labels.add(s.label());
            decimals.add(t.decimals().forStat(s.stat()));
        }
        return DescriptiveTable.build(t.id(), t.title(), d, meta, stats, labels, decimals, t.notes());
    }

    private static Table regression(Spec spec, TableSpec t, Results results, StarRule stars) {
        return RegressionTable.build(layout(spec, t, results));
    }

    /** The resolved layout of a regression table (what the table and its generated text both show). */
    public static RegressionLayout layout(Spec spec, TableSpec t, Results results) {
        StarRule stars = new StarRule(spec.stars().levels(), spec.stars().symbols());
        List<Estimate> models = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (String id : t.models()) {
            Estimate e = results.estimate(id);
            models.add(e);
            ModelSpec m = spec.model(id);
            labels.add(m.label().isEmpty() ? spec.sourceOf(m).label(m.outcome()) : m.label());
        }
        List<RegressionLayout.Group> groups = new ArrayList<>();
        for (ColumnGroup g : t.groups()) {
            int from = t.models().indexOf(g.models().get(0));
            groups.add(new RegressionLayout.Group(g.label(), from, g.models().size()));
        }
        List<RegressionLayout.TermRow> terms = new ArrayList<>();
        LinkedHashSet<String> available = new LinkedHashSet<>();
        for (Estimate e : models) {
            for (Term term : e.terms()) {
                available.add(term.term());
            }
        }
        String at = spec.tablePointer(t.id());
        if (t.terms().isEmpty()) {
            for (String term : available) {
                if (!t.drop().contains(term)) {
                    terms.add(new RegressionLayout.TermRow(term, termLabel(spec, t, term, "", results)));
                }
            }
        } else {
            for (int i = 0; i < t.terms().size(); i++) {
                TermRow tr = t.terms().get(i);
                if (!available.contains(tr.term())) {
                    throw spec.errorAt(at + "/terms/" + i, "no model of table `" + t.id() + "` has the term `"
                            + tr.term() + "`." + Suggest.didYouMean(tr.term(), available)
                            + " Terms are named as in results.json: x, c.age#c.age, 2.region, _cons.");
                }
                terms.add(new RegressionLayout.TermRow(tr.term(), termLabel(spec, t, tr.term(), tr.label(), results)));
            }
        }
        List<String> allOmitted = new ArrayList<>();
        terms.removeIf(tr -> {
            boolean shown = models.stream().map(e -> e.term(tr.term())).anyMatch(x -> x != null && !x.omitted());
            if (!shown) {
                allOmitted.add(tr.label());
            }
            return !shown;
        });
        List<String> notes = new ArrayList<>();
        if (!allOmitted.isEmpty()) {
            notes.add("Omitted because of collinearity (e.g. constant within the fixed effects): "
                    + String.join(", ", allOmitted) + ".");
        }
        notes.addAll(t.notes());
        List<RegressionLayout.StatRow> statRows = new ArrayList<>();
        for (StatRow s : t.stats()) {
            statRows.add(new RegressionLayout.StatRow(s.stat(), s.label().isEmpty() ? statLabel(s.stat()) : s.label(),
                    t.decimals().forStat(s.stat())));
        }
        List<RegressionLayout.IndicatorRow> indicators = new ArrayList<>();
        for (Indicator ind : t.indicators()) {
            List<String> values = new ArrayList<>();
            if (!ind.absorb().isEmpty()) {
                for (String id : t.models()) {
                    values.add(spec.model(id).absorb().contains(ind.absorb()) ? "Yes" : "No");
                }
            } else {
                values.addAll(ind.values());
            }
            indicators.add(new RegressionLayout.IndicatorRow(ind.label(), values));
        }
        RegressionLayout.Below below = RegressionLayout.Below.valueOf(t.below().name());
        return new RegressionLayout(t.id(), t.title(), models, labels, groups, terms, below,
                statRows, indicators, t.decimals().forStat("estimate"),
                t.decimals().forStat(t.below().word()), stars, notes);
    }

    private static String termLabel(Spec spec, TableSpec t, String term, String given, Results results) {
        if (!given.isEmpty()) {
            return given;
        }
        if (term.equals("_cons")) {
            return "Constant";
        }
        // label from the data source of the first column that estimated the term
        ModelSpec m = spec.model(t.models().get(0));
        for (String id : t.models()) {
            Estimate e = results.estimate(id);
            if (e != null && e.term(term) != null) {
                m = spec.model(id);
                break;
            }
        }
        return termLabel(spec.sourceOf(m), term);
    }

    /** Stata-style term names made readable with variable labels: c.a#c.a → "A²", c.a#c.b → "A × B", 2.race → "race = 2". */
    static String termLabel(DataSource src, String term) {
        String[] parts = term.split("#");
        if (parts.length == 2 && parts[0].equals(parts[1]) && parts[0].startsWith("c.")) {
            return src.label(parts[0].substring(2)) + "²";
        }
        List<String> out = new ArrayList<>();
        for (String p : parts) {
            if (p.startsWith("c.")) {
                out.add(src.label(p.substring(2)));
            } else {
                int dot = p.indexOf('.');
                if (dot > 0 && !p.startsWith("i.")) {
                    String var = p.substring(dot + 1);
                    String level = p.substring(0, dot).replaceAll("^(\\d+)b?n?$", "$1");
                    String named = src.valueLabel(var, level);
                    // a value label names the level itself (treated = NJ); else the variable's label and the code
                    out.add(named != null ? var + " = " + named : src.label(var) + " = " + level);
                } else {
                    out.add(src.label(p));
                }
            }
        }
        return String.join(" × ", out);
    }

    static String statLabel(String stat) {
        return switch (stat) {
            case "nobs" -> "N";
            case "r2" -> "R²";
            case "adj_r2" -> "Adj. R²";
            case "r2_within" -> "Within R²";
            case "pseudo_r2" -> "Pseudo R²";
            case "rmse" -> "RMSE";
            case "f" -> "F";
            case "chi2" -> "LR χ²";
            case "ll" -> "Log likelihood";
            case "aic" -> "AIC";
            case "bic" -> "BIC";
            case "df_resid" -> "Residual df";
            case "n_clusters" -> "Clusters";
            case "n_groups" -> "Groups";
            case "sigma_u" -> "σ_u";
            case "sigma_e" -> "σ_e";
            case "rho" -> "ρ";
            case "f_p" -> "Prob > F";
            case "chi2_p" -> "Prob > χ²";
            case "ll0" -> "Log likelihood (constant only)";
            case "df_model" -> "Model df";
            case "rss" -> "Residual SS";
            case "tss" -> "Total SS";
            default -> stat;
        };
    }
}
