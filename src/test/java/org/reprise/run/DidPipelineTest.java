package org.reprise.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprise.UserError;
import org.reprise.results.Estimate;

/**
 * {@code did:} analyses and {@code did} tables end to end on diff's help-file data (CardKrueger1994.dta; see
 * src/test/resources/reference/cardkrueger/SOURCE.txt): the published kernel log's numbers appear in the report as
 * printed, the plain DID's table equals the 2×2 cell means, and spec mistakes are UserErrors at the key.
 */
class DidPipelineTest {
    @TempDir
    Path tmp;

    static final String HEAD = """
            title: diff
            data: {file: CardKrueger1994.dta}
            """;

    Path write(String body) throws Exception {
        Files.copy(Path.of("src/test/resources/reference/cardkrueger/CardKrueger1994.dta"),
                tmp.resolve("CardKrueger1994.dta"), StandardCopyOption.REPLACE_EXISTING);
        Path spec = tmp.resolve("analysis.yaml");
        Files.writeString(spec, HEAD + body);
        return spec;
    }

    @Test
    void publishedKernelLogAndPlainDidInTheReport() throws Exception {
        Path spec = write("""
                did:
                  - {id: plain, outcomes: [fte], treatment: treated, period: t}
                  - {id: psm, outcomes: [fte], treatment: treated, period: t, covariates: [bk, kfc, roys], unit: id,
                     kernel: epanechnikov, score: logit, support: true, report: true, test: true}
                tables:
                  - {id: t1, type: did, did: plain}
                  - {id: t2, type: did, did: psm}
                  - {id: t3, type: did, did: psm, style: test}
                """);
        Pipeline.Computed c = Pipeline.compute(spec, Progress.silent());
        Estimate plain = c.results().estimate("plain.fte");
        // the plain DID's means are the 2x2 cell means of fte (hand-computed from the data: 78, 326, 77, 320 rows)
        assertEquals(801, plain.nobs());
        double[][] cells = cellMeans();
        assertEquals(cells[0][0], plain.term("mean_c0").estimate(), 1e-9);
        assertEquals(cells[0][1], plain.term("mean_t0").estimate(), 1e-9);
        assertEquals(cells[1][0], plain.term("mean_c1").estimate(), 1e-9);
        assertEquals(cells[1][1], plain.term("mean_t1").estimate(), 1e-9);
        assertEquals((cells[1][1] - cells[1][0]) - (cells[0][1] - cells[0][0]), plain.term("did").estimate(), 1e-9);

        Pipeline.run(spec, null, Progress.silent(), false);
        String md = Files.readString(tmp.resolve("output/report.md"));
        // published: diff fte, t(treated) p(t) kernel id(id) logit cov(bk kfc roys) report support
        for (String row : List.of("| Control | 20.040 |", "| Treated | 17.065 |", "| Diff (T − C) | -2.975*** | 0.943 | -3.16 | 0.002 |",
                "| Control | 17.449 |", "| Treated | 17.499 |", "| Diff (T − C) | 0.050 | 0.955 | 0.05 | 0.958 |",
                "| Diff-in-Diff | 3.026** | 1.342 | 2.25 | 0.024 |", "| N | 795 |",
                "| bk | 0.311 | 0.356 | 0.87 | 0.383 |", "| kfc | 0.681 | 0.434 | 1.57 | 0.116 |",
                "| roys | 0.520 | 0.401 | 1.30 | 0.195 |")) {
            assertTrue(md.contains(row), row + "\n" + md);
        }
        assertTrue(md.contains("| Mean control | Mean treated | Diff. | t | p |"), md);
        String json = Files.readString(tmp.resolve("output/results.json"));
        assertTrue(json.contains("\"psm.fte.test.kfc\""), "the balance rows are in results.json");
        assertTrue(json.contains("\"psm.fte.score\""), "the score model is in results.json");
        assertTrue(json.contains("(id 407)"), "the id holding two stores is named as in the data");
    }

    /** Cell means of fte by period and treatment, straight from the file. */
    static double[][] cellMeans() {
        var d = org.reprise.data.DtaReader.read(Path.of("src/test/resources/reference/cardkrueger/CardKrueger1994.dta"),
                org.reprise.data.DtaOptions.noValueLabels());
        double[] y = ((org.reprise.data.NumericColumn) d.column("fte")).values();
        double[] t = ((org.reprise.data.NumericColumn) d.column("t")).values();
        double[] g = ((org.reprise.data.NumericColumn) d.column("treated")).values();
        double[][] s = new double[2][2];
        double[][] n = new double[2][2];
        for (int i = 0; i < y.length; i++) {
            if (!Double.isNaN(y[i])) {
                s[(int) t[i]][(int) g[i]] += y[i];
                n[(int) t[i]][(int) g[i]]++;
            }
        }
        return new double[][] {{s[0][0] / n[0][0], s[0][1] / n[0][1]}, {s[1][0] / n[1][0], s[1][1] / n[1][1]}};
    }

    void fails(String body, String fragment) throws Exception {
        Path spec = write(body);
        UserError e = org.junit.jupiter.api.Assertions.assertThrows(UserError.class,
                () -> Pipeline.compute(spec, Progress.silent()));
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    @Test
    void specMistakesAreUserErrors() throws Exception {
        fails("did: [{id: k, outcomes: [fte], treatment: treated, period: t, covariates: [bk], kernel: normal}]\n",
                "unit");
        fails("did: [{id: k, outcomes: [fte], treatment: treated, period: t, support: true}]\n",
                "belongs to kernel matching");
        fails("did: [{id: k, outcomes: [fte], treatment: treated, period: t, test: true}]\n", "cov()");
        fails("did: [{id: k, outcomes: [fte], treatment: treated, period: t}]\n"
                + "tables: [{id: x, type: did, did: k, style: test}]\n", "test: true");
        fails("did: [{id: k, outcomes: [fte], treatment: treated, period: t, cluster: id}]\n", "se: cluster");
        fails("did: [{id: k, outcomes: [fte], treatment: treated, period: tt}]\n", "`tt` is not a numeric column");
        fails("did: [{id: k, outcomes: [fte], treatment: treated, period: id}]\n", "must be 0 or 1");
    }
}
