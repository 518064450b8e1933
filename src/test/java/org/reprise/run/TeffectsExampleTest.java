package org.reprise.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reprise.results.Estimate;
import org.reprise.results.Results;
import org.reprise.table.Table;

/**
 * examples/cattaneo2_teffects through the whole pipeline (spec, CSV, derived variables, teffects entries, table)
 * against the published Stata log named in examples/cattaneo2_teffects/SOURCE.txt, at Stata's printed digits.
 */
class TeffectsExampleTest {
    static Pipeline.Computed computed;

    @BeforeAll
    static void run() {
        computed = Pipeline.compute(Path.of("examples", "cattaneo2_teffects", "analysis.yaml"), Progress.silent());
    }

    private static void printed(String ref, double actual, String what) {
        BigDecimal r = new BigDecimal(ref);
        BigDecimal a = BigDecimal.valueOf(actual).setScale(r.scale(), RoundingMode.HALF_UP);
        assertEquals(0, r.compareTo(a), what + ": printed " + ref + ", ours " + actual);
    }

    @Test
    void estimatesAsStata() {
        Results r = computed.results();
        Estimate ps = r.estimate("psm.full.te_ps.bweight");
        printed("-229.4492", ps.term("ATE").estimate(), "psmatch ATE");
        printed("25.88746", ps.term("ATE").stdError(), "psmatch ATE SE");
        printed("-224.5927", ps.term("ATET").estimate(), "psmatch ATET");
        printed("30.55147", ps.term("ATET").stdError(), "psmatch ATET SE");
        Estimate nn = r.estimate("psm.full.te_nn.bweight");
        printed("-210.5435", nn.term("ATE").estimate(), "nnmatch ATE");
        printed("29.32969", nn.term("ATE").stdError(), "nnmatch ATE SE");
        Estimate nb = r.estimate("psm.full.te_nn_bias.bweight");
        printed("-210.0558", nb.term("ATE").estimate(), "nnmatch ematch biasadj ATE");
        printed("29.32803", nb.term("ATE").stdError(), "its SE");
        printed("-238.5204", nb.term("ATET").estimate(), "nnmatch ematch biasadj ATET");
        printed("30.41661", nb.term("ATET").stdError(), "its SE");
        assertEquals(16.0, nb.stats().get("matches_max"));
    }

    @Test
    void tableShowsAteAndAtetWithTheSeNote() {
        var spec = computed.spec();
        org.reprise.table.Table t = Tables.build(spec, spec.tables().get(0), computed.results(), computed.data());
        java.util.List<String> cells = new java.util.ArrayList<>();
        for (var section : t.sections()) {
            for (var row : section.rows()) {
                row.cells().forEach(c -> cells.add(c.text()));
            }
        }
        int ate = cells.indexOf("teffects psmatch (logit, 1 match): ATE");
        assertTrue(ate >= 0, cells.toString());
        assertEquals("-229.4492", cells.get(ate + 1));
        assertEquals("(25.8875)", cells.get(ate + 3));
        int atet = cells.indexOf("teffects nnmatch (mahalanobis, 1 match, bias-adjusted): ATET");
        assertEquals("-238.5204", cells.get(atet + 1));
        assertEquals("(30.4166)", cells.get(atet + 3));
        String notes = String.join(" ", t.notes());
        assertTrue(notes.contains("teffects psmatch: Abadie–Imbens robust standard errors as Stata's (vce(robust,"
                + " nn(2))), adjusted for the estimated propensity score (Abadie and Imbens 2016"), notes);
        assertTrue(notes.startsWith("psmatch2 rows: average treatment effect on the treated"), notes);
        assertTrue(notes.contains("teffects nnmatch: Abadie–Imbens robust standard errors"), notes);
    }
}
