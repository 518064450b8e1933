package org.reprise.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.reprise.results.Estimate;
import org.reprise.results.Results;
import org.reprise.results.Term;
import org.reprise.results.VulnerabilityResult;

/**
 * The default analysis on the shipped simulated panel recovers the data-generating truth (data/truth.json, computed
 * from the DGP, not estimated): the DID effect of participation on each vulnerability measure within 2 SE of the
 * oracle ATT, and mean vulnerability near the DGP's.
 */
class DefaultAnalysisTest {
    @Test
    void didRecoversTheOracleEffect() throws Exception {
        Results r = Pipeline.compute(Path.of("analysis.yaml"), Progress.silent()).results();
        JsonNode truth = new ObjectMapper().readTree(Path.of("data/truth.json").toFile()).get("oracle_att");
        String[][] cases = {{"did2", "vul1"}, {"did4", "vul2"}, {"did6", "vul3"}};
        for (String[] c : cases) {
            Estimate e = r.estimate(c[0]);
            Term pxt = e.term("PxT");
            double oracle = truth.get(c[1]).get("full").asDouble();
            double z = (pxt.estimate() - oracle) / pxt.stdError();
            assertTrue(Math.abs(z) < 2, c[0] + ": " + pxt.estimate() + " vs truth " + oracle + " (" + z + " SE)");
            assertEquals(6124, e.nobs());
            assertTrue(e.vcov().contains("3062 clusters"), e.vcov());
        }
        // PSM on 2016 households: each method's ATT within 2 SE of the oracle ATT, full sample and by region
        String[][] samples = {{"full", "full"}, {"East", "east"}, {"Central-west", "central_west"}};
        for (String outcome : new String[] {"Vul1", "Vul2", "Vul3"}) {
            for (String method : new String[] {"nn1", "nn4", "radius", "kernel"}) {
                for (String[] s : samples) {
                    Term att = r.estimate("psm." + s[0] + "." + method + "." + outcome).term("ATT");
                    double oracle = truth.get(outcome.toLowerCase()).get(s[1]).asDouble();
                    double z = (att.estimate() - oracle) / att.stdError();
                    assertTrue(Math.abs(z) < 2, method + " " + outcome + " " + s[0] + ": " + att.estimate()
                            + " vs truth " + oracle + " (" + z + " SE)");
                }
            }
        }
        VulnerabilityResult v = r.vulnerability("vep");
        assertEquals(3, v.lines().size());
        assertEquals(2610.68, v.lines().get(0).z(), 0.01);
        assertEquals(2800.0, v.lines().get(1).z(), 1e-9);
        assertEquals(4259.53, v.lines().get(2).z(), 0.01);
    }
}
