package org.reprise.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reprise.data.Dataset;
import org.reprise.data.ModelFrame;
import org.reprise.spec.MatchingSpec;

/**
 * The rows a matching analysis leaves out for a missing value, counted per reason as models report theirs: among
 * the rows its {@code if:} keeps, those missing the treatment, then (of the rest) those missing a covariate, then
 * (of the rest) those missing an outcome. Each row is counted once, under the first reason that applies.
 *
 * @param treatment  rows missing the treatment
 * @param covariates rows with the treatment but missing a covariate
 * @param outcomes   rows with treatment and covariates but missing an outcome, per outcome (a row may count twice)
 * @param total      rows left out in all
 */
record MatchingDrops(int treatment, int covariates, Map<String, Integer> outcomes, int total) {

    static MatchingDrops count(Dataset d, MatchingSpec ms, ModelFrame matched) {
        String cond = ms.condition().isEmpty() ? null : ms.condition();
        if (cond == null && matched.rows().length == d.rows()) {
            // every row is in the matching sample: none misses the treatment, a covariate or an outcome
            Map<String, Integer> none = new LinkedHashMap<>();
            for (String o : ms.outcomes()) {
                none.put(o, 0);
            }
            return new MatchingDrops(0, 0, Map.copyOf(none), 0);
        }
        ModelFrame withTreatment = ModelFrame.build(d, ms.treatment(), List.of(), false, null, List.of(), List.of(),
                cond);
        ModelFrame withCovariates = ModelFrame.build(d, ms.treatment(), ms.covariates(), false, null, List.of(),
                List.of(), cond);
        Map<String, Integer> outcomes = new LinkedHashMap<>();
        for (String o : ms.outcomes()) {
            org.reprise.data.Column c = d.column(o);
            int missing = 0;
            for (int r : withCovariates.rows()) {
                missing += c.isMissing(r) ? 1 : 0;
            }
            outcomes.put(o, missing);
        }
        int treatment = withTreatment.nMissing();
        int covariates = withCovariates.nMissing() - treatment;
        int total = withCovariates.nMissing() + withCovariates.rows().length - matched.rows().length;
        return new MatchingDrops(treatment, covariates, Map.copyOf(outcomes), total);
    }

    /** Adds the counts (stats) and the note to the full sample's score model; returns the note as a warning. */
    static List<String> record(MatchingDrops drops, MatchingSpec ms, List<org.reprise.results.Estimate> estimates) {
        String id = ms.id() + "." + Matchings.FULL + ".score";
        String note = drops.note(ms);
        for (int i = 0; i < estimates.size(); i++) {
            org.reprise.results.Estimate e = estimates.get(i);
            if (e.id().equals(id)) {
                Map<String, Double> stats = new LinkedHashMap<>(e.stats());
                stats.putAll(drops.stats());
                List<String> notes = new ArrayList<>(e.notes());
                if (!note.isEmpty()) {
                    notes.add(0, note);
                }
                estimates.set(i, new org.reprise.results.Estimate(e.id(), e.method(), e.outcome(), e.nobs(), e.vcov(),
                        e.terms(), stats, List.copyOf(notes)));
            }
        }
        return note.isEmpty() ? List.of() : List.of(note);
    }

    /** The stats stored with the full sample's score model in results.json. */
    Map<String, Double> stats() {
        Map<String, Double> s = new LinkedHashMap<>();
        s.put("dropped_missing_treatment", (double) treatment);
        s.put("dropped_missing_covariates", (double) covariates);
        s.put("dropped_missing_outcome", (double) (total - treatment - covariates));
        return s;
    }

    /** "12 observations were left out ... (treatment tr: 3; a covariate: 4; an outcome: 5 (y: 5))", or "". */
    String note(MatchingSpec ms) {
        if (total == 0) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        if (treatment > 0) {
            parts.add("treatment " + ms.treatment() + ": " + treatment);
        }
        if (covariates > 0) {
            parts.add("a covariate: " + covariates);
        }
        int out = total - treatment - covariates;
        if (out > 0) {
            List<String> each = new ArrayList<>();
            for (String o : ms.outcomes()) {
                if (outcomes.get(o) > 0) {
                    each.add(o + ": " + outcomes.get(o));
                }
            }
            parts.add("an outcome: " + out + (ms.outcomes().size() > 1 ? " (" + String.join(", ", each) + ")" : ""));
        }
        return total + (total == 1 ? " observation was" : " observations were") + " left out of the matching sample"
                + " because of missing values (" + String.join("; ", parts) + ")";
    }
}
