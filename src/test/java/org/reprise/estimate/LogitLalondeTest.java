package org.reprise.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The propensity-score models of MatchIt's "Getting Started" vignette on its lalonde data (614 rows):
 * {@code glm(treat ~ age + educ + race + married + nodegree + re74 + re75, family = binomial)} with the logit and
 * the probit link (R's factor race enters as dummies for hispan and white, black being the base level).
 * Reference: src/test/resources/reference/lalonde/REFERENCE_MatchIt_vignette.md (R output copied verbatim; see
 * SOURCE.txt there). Compared to the printed digits: |ours - printed| &lt;= half a unit of the last printed digit.
 */
class LogitLalondeTest {
    static final String[] NAMES = {"age", "educ", "racehispan", "racewhite", "married", "nodegree", "re74", "re75",
        "_cons"};

    static BinaryTestData.Table table() {
        return BinaryTestData.rTable("/reference/lalonde/lalonde.tab");
    }

    static BinaryFit fit(BinaryChoice.Link link) {
        BinaryTestData.Table t = table();
        double[][] x = {t.numbers("age"), t.numbers("educ"), t.indicator("race", "hispan"),
            t.indicator("race", "white"), t.numbers("married"), t.numbers("nodegree"), t.numbers("re74"),
            t.numbers("re75"), BinaryTestData.ones(t.size())};
        return BinaryChoice.fit(link, t.numbers("treat"), x, NAMES, null);
    }

    static double mean(double[] v, double[] treat, double group) {
        double s = 0;
        int c = 0;
        for (int i = 0; i < v.length; i++) {
            if (treat[i] == group) {
                s += v[i];
                c++;
            }
        }
        return s / c;
    }

    /** Vignette, "Summary of Balance for All Data": distance Means Treated 0.5774, Means Control 0.1822. */
    @Test
    void logitPropensityScoreMeans() {
        BinaryFit fit = fit(BinaryChoice.Link.LOGIT);
        double[] treat = table().numbers("treat");
        assertEquals(614, fit.nobs());
        assertEquals(0.5774, mean(fit.p(), treat, 1), 0.5e-4);
        assertEquals(0.1822, mean(fit.p(), treat, 0), 0.5e-4);
    }

    /**
     * Vignette, full matching on a probit PS: the treated keep weight 1, so the matched "Means Treated" of distance,
     * 0.5773, is the plain mean over the 185 treated; head(m.data) prints the probit PS of NSW1..NSW6 with 7
     * decimals. R's glm stops its IRLS when the relative change of the deviance falls below 1e-8, which leaves the
     * printed probabilities off the exact maximum by a few 1e-7 here (re-running R's IRLS from R's starting values
     * stops at its 6th iteration with NSW1 = 0.63567691, as printed, while iterating on gives 0.63567651). So the
     * individual scores are compared to 1e-6, not to half a unit of the 7th decimal.
     */
    @Test
    void probitPropensityScores() {
        BinaryFit fit = fit(BinaryChoice.Link.PROBIT);
        double[] treat = table().numbers("treat");
        assertEquals(0.5773, mean(fit.p(), treat, 1), 0.5e-4);
        double[] head = {0.6356769, 0.2298151, 0.6813558, 0.7690590, 0.6954138, 0.6943658};
        for (int i = 0; i < head.length; i++) {
            assertEquals(head[i], fit.p()[i], 1e-6, "NSW" + (i + 1));
        }
    }
}
