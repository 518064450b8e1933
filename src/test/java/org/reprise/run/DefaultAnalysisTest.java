package org.reprise.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reprise.montecarlo.Oracle;
import org.reprise.results.Estimate;
import org.reprise.results.Results;
import org.reprise.results.ResultsJson;
import org.reprise.results.Term;
import org.reprise.results.VulnerabilityResult;

/**
 * The default analysis on the shipped simulated panel recovers the data-generating truth (data/truth.json, computed
 * from the DGP, not estimated): every estimate of results.json that has an oracle (the estimate ↔ oracle pairs of
 * {@link Oracle}, docs/montecarlo.md: six DIDs, four matching methods and their average by sample, PSM-DID) holds it
 * in its 95% interval or lies within 2 SE of it; the effects are negative and larger in the East, as the paper finds
 * and the DGP makes true; the DID estimates all 12 controls.
 */
class DefaultAnalysisTest {
    private static final String[] VUL = {"Vul1", "Vul2", "Vul3"};
    private static final String[] METHODS = {"nn1", "nn4", "radius", "kernel", "average"};

    @Test
    void everyEstimateWithAnOracleRecoversIt() throws Exception {
        Results r = Pipeline.compute(Path.of("analysis.yaml"), Progress.silent()).results();
        JsonNode json = new ObjectMapper().readTree(ResultsJson.write(r));
        JsonNode truth = new ObjectMapper().readTree(Path.of("data/truth.json").toFile());
        List<Oracle> pairs = Oracle.of(r);
        assertEquals(6 + 3 * 3 * METHODS.length + 3, pairs.size(), "estimates with an oracle");
        for (Oracle o : pairs) {
            JsonNode term = term(json, o.estimateId(), o.term());
            String[] k = o.truthKey().split("\\.");
            double oracle = truth.get(k[0]).get(k[1]).get(k[2]).asDouble();
            double est = term.get("estimate").asDouble();
            assertTrue(est < 0, o.estimateId() + " negative: " + est);
            if (o.estimateId().contains(".average.")) {
                continue; // no standard error; its four methods are checked
            }
            double se = term.get("std_error").asDouble();
            boolean covers = term.get("conf_low").asDouble() <= oracle && oracle <= term.get("conf_high").asDouble();
            double z = (est - oracle) / se;
            assertTrue(covers || Math.abs(z) < 2, o.estimateId() + ": " + est + " (SE " + se + ") vs truth " + oracle
                    + " (" + o.truthKey() + ", " + z + " SE)");
        }
        // the regions: East larger in magnitude than Central-west, in the truth and in each method's estimate
        for (String v : VUL) {
            JsonNode t = truth.get("oracle_att").get(v.toLowerCase());
            assertTrue(t.get("east").asDouble() < t.get("central_west").asDouble(), v + " truth");
            for (String m : new String[] {"kernel", "average"}) {
                double east = r.estimate("psm.East." + m + "." + v).term("ATT").estimate();
                double cw = r.estimate("psm.Central-west." + m + "." + v).term("ATT").estimate();
                assertTrue(east < cw, m + " " + v + ": East " + east + " vs Central-west " + cw);
            }
        }
        for (String id : new String[] {"did2", "did4", "did6"}) {
            Estimate e = r.estimate(id);
            assertEquals(6124, e.nobs());
            assertTrue(e.vcov().contains("3062 clusters"), e.vcov());
            for (String c : List.of("age", "health", "job", "famsize", "machine", "subsidy", "distance", "hroad",
                    "lamp", "edu", "ability", "twork")) {
                Term t = e.term(c);
                assertFalse(t.omitted(), id + ": " + c + " estimated");
                assertTrue(t.stdError() > 0, id + ": " + c);
            }
            assertEquals(List.of(), e.notes(), id + " has no collinearity notes");
        }
        VulnerabilityResult v = r.vulnerability("vep");
        assertEquals(3, v.lines().size());
        assertEquals(2610.68, v.lines().get(0).z(), 0.01);
        assertEquals(2800.0, v.lines().get(1).z(), 1e-9);
        assertEquals(4259.53, v.lines().get(2).z(), 0.01);
    }

    private static JsonNode term(JsonNode results, String id, String name) {
        for (JsonNode e : results.get("estimates")) {
            if (e.get("id").asText().equals(id)) {
                for (JsonNode t : e.get("terms")) {
                    if (t.get("term").asText().equals(name)) {
                        return t;
                    }
                }
            }
        }
        throw new AssertionError("results.json has no " + id + " / " + name);
    }
}
