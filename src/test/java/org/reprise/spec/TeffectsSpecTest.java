package org.reprise.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprise.UserError;

/** The {@code teffects:} entries of a matching analysis: defaults, and each refusal with its location. */
class TeffectsSpecTest {
    @TempDir
    Path dir;

    private static final String HEAD = "title: t\ndata: {file: d.csv}\nmatching:\n  - id: psm\n    treatment: t\n"
            + "    covariates: [x]\n    outcomes: [y]\n    methods: [{id: nn1, method: nearest}]\n    teffects:\n";

    private Spec load(String teffects) throws Exception {
        Files.writeString(dir.resolve("d.csv"), "y,t,x\n1,0,2\n2,1,3\n");
        Path file = dir.resolve("analysis.yaml");
        Files.writeString(file, HEAD + teffects);
        return SpecLoader.load(file);
    }

    private String error(String teffects) {
        return assertThrows(UserError.class, () -> load(teffects)).getMessage();
    }

    @Test
    void defaultsAreStatas() throws Exception {
        MatchTeffectsSpec te = load("      - {id: te, estimator: psmatch}\n").matching().get(0).teffects().get(0);
        assertEquals(TeffectsKind.PSMATCH, te.estimator());
        assertEquals(Method.LOGIT, te.tmodel());
        assertEquals(1, te.nneighbor());
        assertEquals(2, te.vceNn());
        assertEquals(TeffectsMetric.MAHALANOBIS, te.metric());
    }

    @Test
    void refusals() {
        String m = error("      - {id: te}\n");
        assertTrue(m.contains(":10:") && m.contains("missing required key `estimator`"), m);
        m = error("      - {id: nn1, estimator: psmatch}\n");
        assertTrue(m.contains("used twice"), m);
        m = error("      - {id: te, estimator: psmatch, metric: ivariance}\n");
        assertTrue(m.contains("`metric` does not apply to teffects psmatch"), m);
        m = error("      - {id: te, estimator: nnmatch, tmodel: probit}\n");
        assertTrue(m.contains("`tmodel` does not apply to teffects nnmatch"), m);
        m = error("      - {id: te, estimator: psmatch, vce_nn: 1}\n");
        assertTrue(m.contains("vce_nn") && m.contains("at least 2"), m);
        m = error("      - {id: te, estimator: psmatch, tmodel: ols}\n");
        assertTrue(m.contains("`logit`") && m.contains("`probit`"), m);
        m = error("      - {id: te, estimator: psmatchh}\n");
        assertTrue(m.contains("not a valid teffects estimator") && m.contains("psmatch"), m);
        m = error("      - {id: te, estimator: nnmatch, nneighbor: 0}\n");
        assertTrue(m.contains("nneighbor"), m);
    }
}
