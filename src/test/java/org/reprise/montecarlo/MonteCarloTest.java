package org.reprise.montecarlo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprise.cli.Main;

/**
 * {@code reprise montecarlo}: R = 20 on the default analysis (every estimate with an oracle is in the table, the
 * numbers are well formed), the same table for 1 and 3 threads (on a spec with the DID models only, so that it runs
 * twice quickly), and the statistics of the table against a hand computation.
 */
class MonteCarloTest {

    @Test
    void defaultAnalysisTwentyReplications(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("mc");
        assertEquals(0, Main.execute("montecarlo", "analysis.yaml", "--replications", "20", "--threads", "2",
                "--out", out.toString(), "--quiet"));
        JsonNode j = new ObjectMapper().readTree(out.resolve("montecarlo.json").toFile());
        assertEquals(20, j.get("replications").asInt());
        assertEquals(0, j.get("failed").asInt());
        // 6 DID + 3 outcomes × 3 samples × (4 methods + average) + 3 PSM-DID
        assertEquals(6 + 45 + 3, j.get("estimates").size());
        for (JsonNode r : j.get("estimates")) {
            assertEquals(20, r.get("n").asInt(), r.get("id").asText());
            assertTrue(r.get("mean_oracle").asDouble() < 0, r.get("id").asText());
            assertTrue(r.get("rmse").asDouble() >= Math.abs(r.get("bias").asDouble()), r.get("id").asText());
            if (!r.get("id").asText().contains(".average.")) {
                double c = r.get("coverage").asDouble();
                assertTrue(c >= 0 && c <= 1, r.get("id").asText());
                assertTrue(r.get("mean_se").asDouble() > 0, r.get("id").asText());
            } else {
                assertTrue(r.get("coverage").isNull());
            }
        }
        String md = Files.readString(out.resolve("montecarlo.md"));
        assertTrue(md.contains("| psm.East.kernel.Vul1 | ATT | oracle_att.vul1.east |"), md);
        assertTrue(md.contains("| psm.did.Vul3 | did | oracle_att.vul3.full |"), md);
        assertTrue(md.contains("| did2 | PxT | oracle_att.vul1.full |"), md);
    }

    @Test
    void sameTableForAnyNumberOfThreads(@TempDir Path dir) throws Exception {
        Path spec = didOnlySpec(dir);
        assertEquals(0, Main.execute("montecarlo", spec.toString(), "--replications", "20", "--threads", "1",
                "--seed", "7", "--out", dir.resolve("one").toString(), "--quiet"));
        assertEquals(0, Main.execute("montecarlo", spec.toString(), "--replications", "20", "--threads", "3",
                "--seed", "7", "--out", dir.resolve("three").toString(), "--quiet"));
        assertEquals(Files.readString(dir.resolve("one/montecarlo.json")),
                Files.readString(dir.resolve("three/montecarlo.json")));
        assertEquals(Files.readString(dir.resolve("one/montecarlo.md")),
                Files.readString(dir.resolve("three/montecarlo.md")));
        assertEquals(0, Main.execute("montecarlo", spec.toString(), "--replications", "20", "--seed", "8",
                "--out", dir.resolve("other").toString(), "--quiet"));
        assertNotEquals(Files.readString(dir.resolve("one/montecarlo.json")),
                Files.readString(dir.resolve("other/montecarlo.json")));
        assertFalse(Files.exists(dir.resolve("output")), "montecarlo writes only into its --out folder");
    }

    @Test
    void badReplicationsIsAUserError(@TempDir Path dir) throws Exception {
        Path spec = didOnlySpec(dir);
        assertEquals(2, Main.execute("montecarlo", spec.toString(), "--replications", "1", "--out",
                dir.resolve("mc").toString(), "--quiet"));
        assertFalse(Files.exists(dir.resolve("mc")));
    }

    /** Bias, RMSE, SD, SE ratio and coverage of three made-up draws, computed by hand. */
    @Test
    void statisticsByHand() {
        List<Oracle> pairs = List.of(new Oracle("did1", "PxT", "oracle_att.vul1.full"));
        // estimates −0.10, −0.16, −0.13 with oracles −0.12, −0.14, −0.13; SEs 0.01, 0.03, 0.02
        // d = 0.02, −0.02, 0: bias 0, RMSE √(0.0008/3) = 0.016329932, SD √(0.0008/2) = 0.02,
        // mean SE 0.02, ratio 1; intervals ±1.96 SE: [−0.1196, −0.0804] misses −0.12, [−0.2188, −0.1012] and
        // [−0.1692, −0.0908] hold theirs: coverage 2/3
        MonteCarlo.Draw[] d = {
            draw(-0.10, 0.01, -0.12), draw(-0.16, 0.03, -0.14), draw(-0.13, 0.02, -0.13)};
        MonteCarlo.Options o = new MonteCarlo.Options(Path.of("a.yaml"), 3, 1, 1, Path.of("mc"), null, null);
        Summary.Line l = Summary.of(pairs, d, o).rows().get(0);
        assertEquals(3, l.n());
        assertEquals(0.0, l.bias(), 1e-15);
        assertEquals(0.016329932, l.rmse(), 1e-9);
        assertEquals(0.02, l.sd(), 1e-15);
        assertEquals(0.02, l.meanSe(), 1e-15);
        assertEquals(1.0, l.seRatio(), 1e-12);
        assertEquals(2.0 / 3, l.coverage(), 1e-15);
        assertEquals(Math.sqrt(2.0 / 9 / 3), l.coverageMcse(), 1e-15);
        assertEquals(0.02 / Math.sqrt(3), l.biasMcse(), 1e-15);
        assertEquals(-0.13, l.meanOracle(), 1e-15);
    }

    @Test
    void replicationSeedsDiffer() {
        List<Long> seen = new ArrayList<>();
        for (int r = 0; r < 1000; r++) {
            long s = MonteCarlo.replicationSeed(20142016L, r);
            assertFalse(seen.contains(s));
            seen.add(s);
        }
    }

    private static MonteCarlo.Draw draw(double est, double se, double oracle) {
        return new MonteCarlo.Draw(new double[] {est}, new double[] {se}, new double[] {est - 1.96 * se},
                new double[] {est + 1.96 * se}, new double[] {oracle}, null);
    }

    /** The default analysis's data and VEP step with the DID models only (no tables, no matching). */
    private static Path didOnlySpec(Path dir) throws Exception {
        String yaml = Files.readString(Path.of("analysis.yaml"));
        String head = yaml.substring(0, yaml.indexOf("\nmodels:"));
        String models = yaml.substring(yaml.indexOf("\nmodels:"), yaml.indexOf("\nmatching:"));
        Files.createDirectories(dir.resolve("data"));
        Files.copy(Path.of("data/clds_sim.csv"), dir.resolve("data/clds_sim.csv"));
        Path spec = dir.resolve("analysis.yaml");
        Files.writeString(spec, head + models + "\n");
        return spec;
    }
}
