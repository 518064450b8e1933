package org.reprise.estimate.match;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.reprise.UserError;
import org.reprise.estimate.match.MatchSpec.Kernel;
import org.reprise.estimate.match.MatchSpec.Ties;

/** Hand-worked examples of the rules in docs/matching.md, the truncation bound, and input errors. */
class MatcherRulesTest {

    /**
     * Controls at 0.1, 0.2, 0.2, 0.4 (units 1-4), treated at 0.3 (unit 0). Distances 0.2, 0.1, 0.1, 0.1 (0.4-0.3
     * rounds to 0.10000000000000003 > 0.1, so only units 2 and 3 are at the minimal distance).
     */
    @Test
    void psmatch2TiesAddTheFirstNeighbourTiesAndCanRepeatWithKTwo() {
        double[] s = {0.3, 0.1, 0.2, 0.2, 0.4};
        boolean[] t = {true, false, false, false, false};
        double[][] y = {{10, 1, 2, 3, 4}};
        MatchResult none = Matcher.match(s, t, y, MatchSpec.nearest(1));
        assertEquals(1, none.sets().size(0));
        assertEquals(2, none.sets().index()[0], "lowest sorted position among the nearest (data order)");
        MatchResult ties = Matcher.match(s, t, y, MatchSpec.nearest(1).withTies(Ties.PSMATCH2));
        assertEquals(2, ties.matchCount()[0]);
        assertEquals(0.5, ties.weight()[2], 0);
        assertEquals(0.5, ties.weight()[3], 0);
        assertEquals(10 - 2.5, ties.effects()[0].att(), 1e-15);
        // k = 2 with ties: first (unit 2), its tie (unit 3), then one more outward from unit 2: unit 3 again
        MatchResult k2 = Matcher.match(s, t, y, MatchSpec.nearest(2).withTies(Ties.PSMATCH2));
        assertEquals(3, k2.matchCount()[0]);
        assertEquals(1.0 / 3, k2.weight()[2], 1e-15);
        assertEquals(2.0 / 3, k2.weight()[3], 1e-15);
        // all ties at the k-th distance: units 2, 3 then nothing else at distance 0.1 exactly
        MatchResult kth = Matcher.match(s, t, y, MatchSpec.nearest(2).withTies(Ties.ALL_AT_KTH));
        assertEquals(2, kth.matchCount()[0]);
    }

    @Test
    void nearestCaliperIsStrictRadiusIsInclusive() {
        double[] s = {0.5, 0.75, 0.25};
        boolean[] t = {true, false, false};
        double[][] y = {{1, 2, 3}};
        MatchResult nn = Matcher.match(s, t, y, MatchSpec.nearest(1).withCaliper(0.25));
        assertFalse(nn.support()[0], "|0.5-0.25| = 0.25 is not < 0.25");
        MatchResult rad = Matcher.match(s, t, y, MatchSpec.radius(0.25));
        assertTrue(rad.support()[0]);
        assertEquals(2, rad.matchCount()[0]);
        assertEquals(1 - 2.5, rad.effects()[0].att(), 1e-15);
    }

    @Test
    void commonSupportDropsTreatedOutsideControlRange() {
        double[] s = {0.9, 0.5, 0.2, 0.6, 0.1};
        boolean[] t = {true, true, false, false, true};
        double[][] y = {{1, 1, 0, 0, 1}};
        MatchResult r = Matcher.match(s, t, y, MatchSpec.nearest(1).withCommon(true));
        assertArrayEquals(new boolean[] {false, true, true, true, false}, r.support());
        assertEquals(2, r.nTreatedOffSupport());
        assertEquals(0, r.weight()[0]);
    }

    /** Kernel weights of psmatch2: epan 1-u^2 (0 at |u| = 1 but inside), normalised per treated. */
    @Test
    void epanechnikovWeightsByHand() {
        double[] s = {0.5, 0.52, 0.47, 0.56, 0.9};
        boolean[] t = {true, false, false, false, false};
        double[][] y = {{0, 1, 2, 3, 4}};
        MatchResult r = Matcher.match(s, t, y, MatchSpec.kernel(Kernel.EPANECHNIKOV, 0.06));
        double k1 = 1 - Math.pow((0.52 - 0.5) / 0.06, 2);
        double k2 = 1 - Math.pow((0.47 - 0.5) / 0.06, 2);
        double k3 = 1 - Math.pow((0.56 - 0.5) / 0.06, 2);
        double sum = k1 + k2 + k3;
        assertEquals(k1 / sum, r.weight()[1], 1e-15);
        assertEquals(k2 / sum, r.weight()[2], 1e-15);
        assertEquals(0, r.weight()[4]);
        assertEquals(-(k1 + 2 * k2 + 3 * k3) / sum, r.effects()[0].att(), 1e-14);
    }

    /**
     * Normal kernel truncation bound: controls beyond U = sqrt(u_min^2 + 2 ln(n0 / 1e-12)) bandwidths are ignored,
     * so the ignored kernel mass is at most 1e-12 of the total. Far controls carry outcome 1e6: the matched outcome
     * then differs from the untruncated sum by at most 1e6 * 1e-12, and (here) by more than zero.
     */
    @Test
    void normalKernelTruncationStaysWithinBound() {
        int nFar = 2000;
        int n = 2 + nFar;
        double h = 0.01;
        double[] s = new double[n];
        boolean[] t = new boolean[n];
        double[][] y = new double[1][n];
        s[0] = 0.5;
        t[0] = true;
        s[1] = 0.5;
        for (int i = 0; i < nFar; i++) {
            s[2 + i] = 0.5 + h * (7.5 + 1.5 * i / nFar);
            y[0][2 + i] = 1e6;
        }
        MatchResult r = Matcher.match(s, t, y, MatchSpec.kernel(Kernel.NORMAL, h));
        double sum = 0;
        double num = 0;
        for (int c = 1; c < n; c++) {
            double k = Math.exp(-0.5 * Math.pow((s[c] - 0.5) / h, 2));
            sum += k;
            num += k * y[0][c];
        }
        double exact = num / sum;
        double ours = r.matchedOutcome()[0][0];
        assertTrue(Math.abs(ours - exact) <= 1e6 * 1e-12, "difference " + (ours - exact));
        assertNotEquals(exact, ours, "the example must actually truncate");
    }

    @Test
    void badInputThrowsUserError() {
        double[] s = {0.1, 0.2};
        boolean[] t = {true, false};
        assertThrows(UserError.class, () -> Matcher.match(new double[] {Double.NaN, 0.2}, t, null,
                MatchSpec.nearest(1)));
        assertThrows(UserError.class, () -> Matcher.match(s, new boolean[] {true}, null, MatchSpec.nearest(1)));
        assertThrows(UserError.class, () -> Matcher.match(s, new boolean[] {true, true}, null,
                MatchSpec.nearest(1)));
        assertThrows(UserError.class, () -> Matcher.match(s, t, new double[][] {{1}}, MatchSpec.nearest(1)));
        assertThrows(UserError.class, () -> Matcher.match(s, t, null, MatchSpec.nearest(0)));
        assertThrows(UserError.class, () -> Matcher.match(s, t, null, MatchSpec.nearest(1).withCaliper(-1)));
        assertThrows(UserError.class, () -> Matcher.match(s, t, null, MatchSpec.kernel(Kernel.NORMAL, 0)));
        assertThrows(UserError.class, () -> Matcher.match(s, t, null, MatchSpec.radius(0.1)
                .withoutReplacement(MatchSpec.Order.DATA, 0)));
        assertThrows(UserError.class, () -> Matcher.match(s, t, null, MatchSpec.nearest(1).withTrim(120)));
        assertThrows(UserError.class, () -> Matcher.match(s, t, null, MatchSpec.kernel(Kernel.EPANECHNIKOV, 0.1)
                .withAi(1, false, false)));
    }
}
