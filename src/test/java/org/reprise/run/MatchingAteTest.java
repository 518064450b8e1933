package org.reprise.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprise.results.Estimate;
import org.reprise.results.Results;

/** `ate: true` stores ATU and ATE beside ATT; ATE is the treated-share-weighted mix of ATT and ATU (its definition). */
class MatchingAteTest {
    @TempDir
    Path tmp;

    @Test
    void ateIsTheWeightedMixOfAttAndAtu() throws Exception {
        for (String f : new String[] {"lalonde.tab", "daag_nsw74demo.csv"}) {
            Files.copy(Path.of("examples/lalonde", f), tmp.resolve(f));
        }
        Files.writeString(tmp.resolve("analysis.yaml"), """
                title: ate
                data: {file: lalonde.tab, delimiter: whitespace}
                matching:
                  - id: m
                    treatment: treat
                    covariates: [age, educ, i.race, married, nodegree, re74, re75]
                    score: logit
                    common: false
                    ate: true
                    se: ai
                    outcomes: [re78]
                    methods: [{id: nn1, method: nearest, k: 1}]
                """);
        Results r = Pipeline.compute(tmp.resolve("analysis.yaml"), Progress.silent()).results();
        Estimate e = r.estimate("m.full.nn1.re78");
        double att = e.term("ATT").estimate();
        double atu = e.term("ATU").estimate();
        double ate = e.term("ATE").estimate();
        double n1 = 185;
        double n0 = 429;
        assertEquals((n1 * att + n0 * atu) / (n1 + n0), ate, 1e-9 * Math.abs(ate));
        assertEquals(false, Double.isNaN(e.term("ATE").stdError()), "Abadie-Imbens SE of the ATE");
    }
}
