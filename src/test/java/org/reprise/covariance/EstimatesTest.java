package org.reprise.covariance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.FDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;
import org.reprise.estimate.LinearFit;
import org.reprise.estimate.Ols;
import org.reprise.results.Estimate;
import org.reprise.results.Estimates;
import org.reprise.results.Term;

/**
 * The Estimates builder: t, p and CI on Petersen's clustered regression, computed here independently from Stata's
 * printed b and SE (to their printed precision) with Commons Math's t distribution on G-1 = 499 df.
 */
class EstimatesTest {

    @Test
    void petersenClusteredInference() throws IOException {
        double[][] d = VcovsTest.petersen();
        LinearFit fit = VcovsTest.petersenFit(d);
        Vcov v = Vcovs.compute(fit, VcovSpec.cluster("firm"), new int[][] {VcovsTest.codes(d[0])});
        Estimate e = Estimates.ofLinear("m1", "ols", "y", fit, v);
        assertEquals(5000, e.nobs());
        assertEquals("Standard errors clustered by firm (500 clusters)", e.vcov());
        TDistribution t499 = new TDistribution(499);
        double crit = t499.inverseCumulativeProbability(0.975);
        // Stata: b(x) = 1.03483344, se = .0505957; b(_cons) = .02967972, se = .067013
        double[][] stata = {{1.03483344, 0.0505957}, {0.02967972, 0.067013}};
        String[] names = {"x", "_cons"};
        for (int j = 0; j < 2; j++) {
            Term t = e.term(names[j]);
            double b = stata[j][0];
            double se = stata[j][1];
            double tt = b / se;
            // tolerances: the printed SE has ~6 significant digits, so t, CI agree to ~1e-5 relative
            assertEquals(tt, t.statistic(), 2e-5 * Math.abs(tt), names[j] + " t");
            // p is steep in t far in the tail (t = 20), so it is checked against our own t at full precision
            double p = 2 * t499.cumulativeProbability(-Math.abs(t.statistic()));
            assertEquals(p, t.pValue(), 1e-10 * p, names[j] + " p");
            assertEquals(b - crit * se, t.confLow(), 2e-6, names[j] + " conf_low");
            assertEquals(b + crit * se, t.confHigh(), 2e-6, names[j] + " conf_high");
        }
        // Stata's output rounds: t(x) = 20.45, t(_cons) = 0.44, 95% CI of x [.9354265, 1.13424] (derived above)
        assertEquals(20.45, Math.round(e.term("x").statistic() * 100) / 100.0);
        assertEquals(0.44, Math.round(e.term("_cons").statistic() * 100) / 100.0);
        Map<String, Double> s = e.stats();
        assertEquals(List.of("r2", "adj_r2", "rmse", "f", "f_p", "df_model", "df_resid", "rss", "tss", "n_clusters"),
                List.copyOf(s.keySet()));
        assertEquals(500.0, s.get("n_clusters"));
        // one slope: the Wald F is t squared, on (1, 499) df
        double tx = e.term("x").statistic();
        assertEquals(tx * tx, s.get("f"), 1e-10 * tx * tx);
        assertEquals(1 - new FDistribution(1, 499).cumulativeProbability(tx * tx), s.get("f_p"), 1e-12);
    }

    @Test
    void classicalWaldFIsTheAnovaF() throws IOException {
        double[] x1 = {0.5, 1.2, 2.0, 2.2, 3.9, 4.1, 6.5, 9.0, 1.0, 2.5};
        double[] x2 = {1, 0, 1, 1, 0, 0, 1, 0, 0, 1};
        double[] y = {1.1, 2.3, 2.2, 3.8, 4.0, 5.9, 6.1, 11.0, 0.4, 3.3};
        int n = y.length;
        LinearFit fit = Ols.fit(y, new double[][] {x1, x2, VcovsTest.ones(n)}, new String[] {"x1", "x2", "_cons"},
                null, true);
        Vcov v = Vcovs.compute(fit, VcovSpec.classical(), null);
        Estimate e = Estimates.ofLinear("m", "ols", "y", fit, v);
        // independent: ANOVA F from sums of squares, computed here
        double mean = 0;
        for (double yi : y) {
            mean += yi / n;
        }
        double tss = 0;
        for (double yi : y) {
            tss += (yi - mean) * (yi - mean);
        }
        double rss = 0;
        for (int i = 0; i < n; i++) {
            double r = y[i] - fit.coef()[0] * x1[i] - fit.coef()[1] * x2[i] - fit.coef()[2];
            rss += r * r;
        }
        double f = ((tss - rss) / 2) / (rss / (n - 3));
        assertEquals(f, e.stats().get("f"), 1e-9 * f);
        assertEquals(1 - new FDistribution(2, n - 3).cumulativeProbability(f), e.stats().get("f_p"), 1e-12);
        assertEquals(1 - rss / tss, e.stats().get("r2"), 1e-12);
        assertEquals(7.0, e.stats().get("df_resid"));
        assertEquals("Conventional standard errors", e.vcov());
    }

    @Test
    void omittedTermsAreNanAndAsymptoticUsesTheNormal() {
        Vcov v = new Vcov(new double[][] {{4.0}}, VcovSpec.classical(), "ML", Double.POSITIVE_INFINITY, new int[0],
                List.of());
        Estimate e = Estimates.of("p", "probit", "y", new String[] {"a", "b"}, new double[] {3.0, 0.0},
                new boolean[] {false, true}, 100, v, Map.of(), List.of("note: b omitted because of collinearity"));
        Term a = e.term("a");
        assertEquals(2.0, a.stdError());
        assertEquals(1.5, a.statistic());
        NormalDistribution z = new NormalDistribution();
        assertEquals(2 * z.cumulativeProbability(-1.5), a.pValue(), 1e-14);
        assertEquals(3.0 - 1.959963984540054 * 2, a.confLow(), 1e-9);
        Term b = e.term("b");
        assertTrue(b.omitted());
        assertEquals(0.0, b.estimate());
        assertTrue(Double.isNaN(b.stdError()) && Double.isNaN(b.pValue()) && Double.isNaN(b.confLow()));
    }
}
