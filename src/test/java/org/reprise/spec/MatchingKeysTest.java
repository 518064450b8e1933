package org.reprise.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprise.UserError;

/** The llr method and balance_link: psmatch2's defaults, pstest's default joint test, errors with their place. */
class MatchingKeysTest {
    @TempDir
    Path dir;

    private Path write(String methods, String extra) throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/d.csv"), "t,x,y\n1,1,2\n0,2,3\n1,3,1\n0,4,5\n");
        Path file = dir.resolve("analysis.yaml");
        Files.writeString(file, "title: x\ndata: {file: data/d.csv}\nmatching:\n  - id: m\n    treatment: t\n"
                + "    covariates: [x]\n    outcomes: [y]\n" + extra + "    methods:\n" + methods);
        return file;
    }

    @Test
    void llrDefaultsArePsmatch2s() throws Exception {
        Spec s = SpecLoader.load(write("      - {id: l, method: llr}\n      - {id: k, method: kernel}\n", ""));
        MatchingSpec m = s.matching().get(0);
        assertEquals(MatchKind.LLR, m.methods().get(0).method());
        assertEquals(KernelKind.EPANECHNIKOV, m.methods().get(0).kernel(), "psmatch2's llr default");
        assertEquals(0.06, m.methods().get(0).bandwidth(), 0.0);
        assertEquals(KernelKind.NORMAL, m.methods().get(1).kernel(), "kernel matching keeps Reprise's default");
        assertEquals(BalanceLink.PROBIT, m.balanceLink(), "pstest's probit by default");
    }

    @Test
    void balanceLinkScore() throws Exception {
        Spec s = SpecLoader.load(write("      - {id: l, method: nearest}\n", "    balance_link: score\n"));
        assertEquals(BalanceLink.SCORE, s.matching().get(0).balanceLink());
        UserError e = assertThrows(UserError.class, () -> SpecLoader.load(write("      - {id: l, method: nearest}\n",
                "    balance_link: logit\n")));
        assertTrue(e.getMessage().contains("analysis.yaml:8") && e.getMessage().contains("probit"), e.getMessage());
    }

    @Test
    void replacementFalseOnlyForNearest() throws Exception {
        UserError e = assertThrows(UserError.class, () -> SpecLoader.load(write(
                "      - {id: l, method: llr, replacement: false}\n", "")));
        assertTrue(e.getMessage().contains("analysis.yaml:9") && e.getMessage().contains("nearest-neighbour"),
                e.getMessage());
    }
}
