package org.reprise.run;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reprise.narrative.Comparison;
import org.reprise.narrative.Narrative;
import org.reprise.narrative.Sentence;
import org.reprise.narrative.Unit;
import org.reprise.spec.ModelSpec;
import org.reprise.spec.NarrativeSpec;
import org.reprise.spec.Spec;
import org.reprise.spec.TableSpec;
import org.reprise.table.RegressionLayout;

/** Generated sentences for a regression table: its layout, the outcomes' units, the spec's comparisons. */
final class Narratives {
    private Narratives() {
    }

    static List<Sentence> of(Spec spec, TableSpec t, org.reprise.results.Results results) {
        RegressionLayout layout = Tables.layout(spec, t, results);
        Map<String, Unit> units = new LinkedHashMap<>();
        for (String id : t.models()) {
            ModelSpec m = spec.model(id);
            String unit = spec.sourceOf(m).variable(m.outcome()).unit();
            units.put(id, unit.isEmpty() ? Unit.LEVEL : Unit.parse(unit, spec.locations().file()));
        }
        List<Comparison> comparisons = new ArrayList<>();
        for (NarrativeSpec.Compare c : t.narrative().compare()) {
            comparisons.add(new Comparison(c.models().get(0), c.models().get(1), c.independent()));
        }
        List<Sentence> out = new ArrayList<>(narrative(spec).regression(layout, t.narrative().terms(), units,
                layout.stars(), comparisons));
        List<Boolean> absorbs = t.models().stream().map(id -> !spec.model(id).absorb().isEmpty()).toList();
        Map<String, String> labels = new LinkedHashMap<>();
        for (var e : layout.models()) {
            for (var term : e.terms()) {
                labels.putIfAbsent(term.term(), Tables.termLabel(spec.sourceOf(spec.model(e.id())), term.term()));
            }
        }
        out.addAll(narrative(spec).omitted(layout, t.narrative().terms(), absorbs, labels));
        return out;
    }

    /**
     * Text under a matching table: for each outcome and each method named in {@code narrative.terms} (method ids),
     * the ATT in every sample, then the comparisons (pairs of sample keys such as East and Central-west; a z-test
     * when {@code independent}).
     */
    static List<Sentence> ofMatching(Spec spec, TableSpec t, org.reprise.results.Results results) {
        var ms = spec.matching(t.matching());
        var src = spec.source(ms.data());
        org.reprise.table.StarRule stars = new org.reprise.table.StarRule(spec.stars().levels(),
                spec.stars().symbols());
        List<String> samples = Matchings.sampleKeys(results, ms.id());
        String prefix = ms.id() + ".";
        List<Sentence> out = new ArrayList<>();
        for (String o : ms.outcomes()) {
            String unit = src.variable(o).unit();
            Unit u = unit.isEmpty() ? Unit.LEVEL : Unit.parse(unit, spec.locations().file());
            for (String method : t.narrative().terms()) {
                var mm = ms.methods().stream().filter(x -> x.id().equals(method)).findFirst().orElseThrow(() ->
                        spec.errorAt(spec.tablePointer(t.id()) + "/narrative/terms", "`" + method + "` is not a"
                                + " method of matching `" + ms.id() + "`; name method ids, e.g. `terms: ["
                                + ms.methods().get(0).id() + "]`."));
                List<org.reprise.results.Estimate> cols = new ArrayList<>();
                List<String> labels = new ArrayList<>();
                Map<String, Unit> units = new LinkedHashMap<>();
                for (String s : samples) {
                    var e = results.estimate(prefix + s + "." + method + "." + o);
                    cols.add(e);
                    labels.add(Matchings.sampleLabel(s));
                    units.put(e.id(), u);
                }
                String methodLabel = mm.label().isEmpty() ? Tables.methodLabel(mm) : mm.label();
                RegressionLayout layout = new RegressionLayout(t.id(), t.title(), cols, labels,
                        List.of(new RegressionLayout.Group(methodLabel, 0, cols.size())),
                        List.of(new RegressionLayout.TermRow("ATT", "participation")),
                        RegressionLayout.Below.SE, List.of(), List.of(), t.decimals().forStat("estimate"),
                        t.decimals().forStat("se"), stars, List.of());
                List<Comparison> comparisons = new ArrayList<>();
                for (NarrativeSpec.Compare c : t.narrative().compare()) {
                    comparisons.add(new Comparison(prefix + c.models().get(0) + "." + method + "." + o,
                            prefix + c.models().get(1) + "." + method + "." + o, c.independent()));
                }
                out.addAll(narrative(spec).regression(layout, List.of("ATT"), units, stars, comparisons, false));
            }
        }
        out.addAll(narrative(spec).support(results, samples.stream().map(s -> prefix + s + "."
                + ms.methods().get(0).id() + "." + ms.outcomes().get(0)).toList(),
                samples.stream().map(Matchings::sampleLabel).toList()));
        return out;
    }

    /** Text under a pstest balance table: what is still unbalanced after matching, and the joint test. */
    static List<Sentence> ofBalance(Spec spec, TableSpec t, org.reprise.results.Results results) {
        var ms = spec.matching(t.matching());
        var b = results.balance(ms.id());
        var src = spec.source(ms.data());
        List<String> labels = new ArrayList<>();
        for (var row : b.table().rows()) {
            labels.add(Tables.termLabel(src, row.variable()));
        }
        var mm = ms.methods().stream().filter(x -> x.id().equals(b.method())).findFirst().orElse(null);
        String method = mm == null ? b.method() : mm.label().isEmpty() ? Tables.methodLabel(mm) : mm.label();
        org.reprise.table.StarRule stars = new org.reprise.table.StarRule(spec.stars().levels(),
                spec.stars().symbols());
        return narrative(spec).balance(b, labels, method, stars);
    }

    static Narrative narrative(Spec spec) {
        java.nio.file.Path dir = Pipeline.templates(spec).directory();
        return dir != null && Files.isDirectory(dir) ? Narrative.from(dir) : Narrative.builtIn();
    }
}
