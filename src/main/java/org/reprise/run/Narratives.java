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
        return narrative(spec).regression(layout, t.narrative().terms(), units, layout.stars(), comparisons);
    }

    static Narrative narrative(Spec spec) {
        java.nio.file.Path dir = Pipeline.templates(spec).directory();
        return dir != null && Files.isDirectory(dir) ? Narrative.from(dir) : Narrative.builtIn();
    }
}
