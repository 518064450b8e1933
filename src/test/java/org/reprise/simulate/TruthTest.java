package org.reprise.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/** data/truth.json: poverty lines by hand, oracle ATTs recomputed from the CSV and the stated parameters. */
class TruthTest {
    private static final String[] VUL = {"vul1", "vul2", "vul3"};

    /**
     * Hand arithmetic: 1.9 × 365 = 693.5; × 3.506 = 2431.411; CPI 2011→2014 = 1.026 × 1.026 × 1.020 = 1.07372952;
     * 2431.411 × 1.07372952 = 2610.6778. 3.1 × 365 × 3.506 = 3967.039; × 1.07372952 = 4259.5269. National: 2800.
     */
    @Test
    void povertyLines() throws Exception {
        PovertyLines pl = PovertyLines.DEFAULT;
        assertEquals(2610.6778, pl.z1(), 1e-4);
        assertEquals(2800.0, pl.z2(), 1e-9);
        assertEquals(4259.5269, pl.z3(), 1e-4);
        JsonNode lines = SimData.truth().get("poverty_lines");
        assertEquals(2610.6778, lines.get("vul1_usd_1_90").asDouble(), 1e-4);
        assertEquals(2800.0, lines.get("vul2_national").asDouble(), 1e-9);
        assertEquals(4259.5269, lines.get("vul3_usd_3_10").asDouble(), 1e-4);
    }

    @Test
    void oracleAttNearPaperAndLargerInEast() throws Exception {
        JsonNode att = SimData.truth().get("oracle_att");
        double full = att.get("vul1").get("full").asDouble();
        assertEquals(-0.14, full, 0.02, "oracle ATT on Vul1");
        for (String v : VUL) {
            JsonNode a = att.get(v);
            assertTrue(a.get("full").asDouble() < 0, v + " negative");
            assertTrue(a.get("east").asDouble() < a.get("central_west").asDouble(), v + " east larger in magnitude");
            assertTrue(a.get("central_west").asDouble() < 0, v + " central-west negative");
        }
    }

    /**
     * Recomputes the oracle from the CSV covariates and the parameters printed in truth.json (not from the
     * simulator's records): mean over treated 2016 rows of Φ((ln z − μ)/σ) − Φ((ln z − μ + effect)/σ).
     * Tolerance 2e-6 (truth.json rounds ATTs to 6 decimals and parameters to 8).
     */
    @Test
    void oracleAttRecomputedFromFiles() throws Exception {
        SimData d = SimData.committed();
        JsonNode truth = SimData.truth();
        JsonNode inc = truth.get("income");
        JsonNode eff = truth.get("programme_effect");
        NormalDistribution std = new NormalDistribution();
        double[] z = {truth.get("poverty_lines").get("vul1_usd_1_90").asDouble(),
            truth.get("poverty_lines").get("vul2_national").asDouble(),
            truth.get("poverty_lines").get("vul3_usd_3_10").asDouble()};
        double[][] sum = new double[3][3];
        int[] n = new int[3];
        for (String[] r : d.rows) {
            if (!r[d.col("T")].equals("1") || !r[d.col("year")].equals("2016")) {
                continue;
            }
            String region = r[d.col("region")];
            double effect = eff.get(region).asDouble();
            double mu = inc.get("beta0").asDouble() + effect;
            double var = inc.get("theta0").asDouble();
            for (String c : Params.COVARIATES) {
                double x = Double.parseDouble(r[d.col(c)]);
                mu += inc.get("beta").get(c).asDouble() * x;
                var += inc.get("theta").get(c).asDouble() * x;
            }
            int g = region.equals("east") ? 1 : 2;
            n[0]++;
            n[g]++;
            for (int k = 0; k < 3; k++) {
                double diff = std.cumulativeProbability((Math.log(z[k]) - mu) / Math.sqrt(var))
                        - std.cumulativeProbability((Math.log(z[k]) - mu + effect) / Math.sqrt(var));
                sum[k][0] += diff;
                sum[k][g] += diff;
            }
        }
        String[] groups = {"full", "east", "central_west"};
        for (int k = 0; k < 3; k++) {
            for (int g = 0; g < 3; g++) {
                assertEquals(truth.get("oracle_att").get(VUL[k]).get(groups[g]).asDouble(), sum[k][g] / n[g], 2e-6,
                        VUL[k] + " " + groups[g]);
            }
        }
        assertEquals(truth.get("treated_households").asInt(), n[0]);
    }

    /** ln(income) standardised by the stated mean and variance functions is N(0,1): mean within 0.05, SD within 0.03. */
    @Test
    void incomeFollowsTheStatedModel() throws Exception {
        SimData d = SimData.committed();
        JsonNode truth = SimData.truth();
        JsonNode inc = truth.get("income");
        JsonNode eff = truth.get("programme_effect");
        double[] e = new double[d.rows.size()];
        for (int i = 0; i < e.length; i++) {
            String[] r = d.rows.get(i);
            boolean treated2016 = r[d.col("T")].equals("1") && r[d.col("year")].equals("2016");
            double mu = inc.get("beta0").asDouble() + (treated2016 ? eff.get(r[d.col("region")]).asDouble() : 0);
            double var = inc.get("theta0").asDouble();
            for (String c : Params.COVARIATES) {
                double x = Double.parseDouble(r[d.col(c)]);
                mu += inc.get("beta").get(c).asDouble() * x;
                var += inc.get("theta").get(c).asDouble() * x;
            }
            e[i] = (Math.log(Double.parseDouble(r[d.col("income")])) - mu) / Math.sqrt(var);
        }
        assertEquals(0.0, SimData.mean(e), 0.05);
        assertEquals(1.0, SimData.sd(e), 0.03);
    }
}
