package org.reprise.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reprise.run.Pipeline;
import org.reprise.run.Progress;

/** The rule "every number printed is an entry of results.json" on every shipped example: the ledger finds no problem. */
class LedgerExamplesTest {
    @ParameterizedTest
    @ValueSource(strings = {"petersen", "nlswork", "cattaneo2", "nist", "lalonde"})
    void everyPrintedNumberResolvesAndRounds(String example) {
        Pipeline.Computed c = Pipeline.compute(Path.of("examples", example, "analysis.yaml"), Progress.silent());
        Ledger l = Ledger.of(c.report(), c.results());
        assertEquals(List.of(), l.problems());
        assertFalse(l.entries().isEmpty());
    }
}
