package org.reprise.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprise.results.Estimate;
import org.reprise.run.Pipeline;
import org.reprise.run.Progress;

/**
 * A Stata file through the pipeline, read as Stata reads it: a value-labelled 0/1 dummy stays a number (usable as a
 * regressor or treatment), `i.region` rows are named by the value labels (Chinese kept intact), and the variable
 * labels become the table's labels unless the spec gives its own.
 */
class DtaPipelineTest {
    @TempDir
    Path tmp;

    @Test
    void labelsFromTheFileNameTheRowsAndColumns() throws Exception {
        int n = 40;
        Object[] y = new Object[n];
        Object[] treat = new Object[n];
        Object[] region = new Object[n];
        for (int i = 0; i < n; i++) {
            treat[i] = (byte) (i % 2);
            region[i] = (byte) (1 + i % 3);
            y[i] = 1.0 + 2.0 * (i % 2) + 0.5 * (i % 3) + ((37 * i) % 11) / 10.0;
        }
        DtaTestWriter.write(tmp.resolve("d.dta"), 118, ByteOrder.LITTLE_ENDIAN, "",
                List.of(DtaTestWriter.Var.num("y", DtaTestWriter.Type.DOUBLE, y).label("工资"),
                        DtaTestWriter.Var.num("treat", DtaTestWriter.Type.BYTE, treat).label("Programme")
                                .labelSet("yesno"),
                        DtaTestWriter.Var.num("region", DtaTestWriter.Type.BYTE, region).labelSet("reg")),
                List.of(new DtaTestWriter.LabelSet("yesno", DtaTestWriter.labels(0, "No", 1, "Yes")),
                        new DtaTestWriter.LabelSet("reg", DtaTestWriter.labels(1, "北方", 2, "南方", 3, "西部"))));
        Files.writeString(tmp.resolve("analysis.yaml"), """
                title: dta labels
                data: {file: d.dta}
                models: [{id: m, outcome: y, terms: [treat, i.region]}]
                tables: [{id: t, type: regression, models: [m]}]
                """);
        Pipeline.Computed c = Pipeline.compute(tmp.resolve("analysis.yaml"), Progress.silent());
        Estimate e = c.results().estimate("m");
        assertEquals(40, e.nobs());
        assertNotNull(e.term("treat"), "a labelled 0/1 dummy is a number, as in Stata");
        assertNotNull(e.term("2.region"));
        Pipeline.run(tmp.resolve("analysis.yaml"), null, Progress.silent(), false);
        String md = Files.readString(tmp.resolve("output/report.md"));
        assertTrue(md.contains("| Programme |"), "variable label as the row label\n" + md);
        assertTrue(md.contains("| region = 南方 |"), "value label names the factor level\n" + md);
        assertTrue(md.contains("| region = 西部 |"), md);
        assertTrue(md.contains("| 工资 |"), "variable label as the column label\n" + md);

        // through the cache (filled, then every unit reused): the file's labels come back from the cache entry
        byte[] results = Files.readAllBytes(tmp.resolve("output/results.json"));
        Pipeline.run(tmp.resolve("analysis.yaml"), null, Progress.silent(), true);
        Pipeline.run(tmp.resolve("analysis.yaml"), null, Progress.silent(), true);
        assertEquals(md, Files.readString(tmp.resolve("output/report.md")));
        assertArrayEquals(results, Files.readAllBytes(tmp.resolve("output/results.json")));
        // the spec's own label wins; without it the file's label is back (the source itself is not read again)
        String spec = Files.readString(tmp.resolve("analysis.yaml"));
        Files.writeString(tmp.resolve("analysis.yaml"), spec.replace("data: {file: d.dta}",
                "data: {file: d.dta, variables: {treat: \"Treated\"}}"));
        Pipeline.run(tmp.resolve("analysis.yaml"), null, Progress.silent(), true);
        String own = Files.readString(tmp.resolve("output/report.md"));
        assertTrue(own.contains("| Treated |") && !own.contains("| Programme |"), own);
        Files.writeString(tmp.resolve("analysis.yaml"), spec);
        Pipeline.run(tmp.resolve("analysis.yaml"), null, Progress.silent(), true);
        assertEquals(md, Files.readString(tmp.resolve("output/report.md")));
    }
}
