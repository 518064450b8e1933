package org.reprise.estimate.match;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reprise.estimate.match.MatchSpec.Kernel;
import org.reprise.estimate.match.MatchSpec.Order;
import org.reprise.estimate.match.MatchSpec.Ties;

/**
 * Property tests: on random data with tied scores and off-support units, the fast implementation agrees with
 * {@link BruteForce} (all pairs, no shortcuts). Tolerances: nearest-neighbour sets, counts and support exactly;
 * weights |d| &lt;= 1e-12 (|w| + 1); matched outcomes, effects and SEs |d| &lt;= 1e-12 (|x| + max|y|);
 * normal-kernel control weights |d| &lt;= 1e-12 (|w| + N1/N0) + 1e-13, the stated truncation bound.
 */
class MatcherPropertyTest {
    static final double TOL = 1e-12;

    record Data(double[] score, boolean[] treated, double[][] y, double ymax) {
    }

    static Data data(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = 20 + r.nextInt(260);
        double[] s = new double[n];
        boolean[] t = new boolean[n];
        double[][] y = new double[2][n];
        boolean grid = r.nextBoolean();
        for (int i = 0; i < n; i++) {
            t[i] = r.nextDouble() < 0.35;
            double x = r.nextDouble() * 0.8 + (t[i] ? 0.2 : 0.0);
            if (grid || r.nextDouble() < 0.3) {
                x = Math.floor(x * 40) / 40;
            }
            if (t[i] && r.nextDouble() < 0.05) {
                x = 1.05 + r.nextDouble() * 0.1;
            }
            s[i] = x;
            y[0][i] = 3 * x + r.nextGaussian();
            y[1][i] = r.nextDouble() < 0.5 ? 0 : 10 * r.nextDouble();
        }
        t[0] = true;
        t[1] = false;
        double ymax = 0;
        for (double[] col : y) {
            for (double v : col) {
                ymax = Math.max(ymax, Math.abs(v));
            }
        }
        return new Data(s, t, y, ymax);
    }

    static List<MatchSpec> nearestSpecs() {
        List<MatchSpec> l = new ArrayList<>();
        for (int k = 1; k <= 3; k++) {
            for (Ties ties : Ties.values()) {
                for (double cal : new double[] {Double.POSITIVE_INFINITY, 0.03}) {
                    for (boolean common : new boolean[] {false, true}) {
                        for (boolean ate : new boolean[] {false, true}) {
                            MatchSpec s = MatchSpec.nearest(k).withTies(ties).withCaliper(cal).withCommon(common)
                                    .withAte(ate);
                            l.add(s);
                            l.add(s.withAi(1 + (k % 2), k == 2, false));
                            if (k == 1) {
                                l.add(s.withAi(2, true, true));
                            }
                        }
                    }
                }
            }
        }
        return l;
    }

    @Test
    void nearestNeighbourMatchesBruteForce() {
        int cases = 0;
        for (long seed = 1; seed <= 25; seed++) {
            Data d = data(seed);
            for (MatchSpec spec : nearestSpecs()) {
                compare(d, spec, "seed " + seed + " " + spec, false);
                cases++;
            }
        }
        assertTrue(cases > 1000);
    }

    @Test
    void withoutReplacementMatchesBruteForce() {
        for (long seed = 100; seed <= 140; seed++) {
            Data d = data(seed);
            for (Order o : Order.values()) {
                for (int k = 1; k <= 2; k++) {
                    for (double cal : new double[] {Double.POSITIVE_INFINITY, 0.02}) {
                        MatchSpec spec = MatchSpec.nearest(k).withCaliper(cal).withoutReplacement(o, seed * 7)
                                .withCommon(seed % 2 == 0);
                        compare(d, spec, "seed " + seed + " " + spec, false);
                    }
                }
            }
        }
    }

    @Test
    void radiusAndKernelsMatchBruteForce() {
        for (long seed = 200; seed <= 240; seed++) {
            Data d = data(seed);
            for (boolean ate : new boolean[] {false, true}) {
                for (boolean common : new boolean[] {false, true}) {
                    for (double r : new double[] {0.01, 0.025, 0.2}) {
                        compare(d, MatchSpec.radius(r).withAte(ate).withCommon(common), "seed " + seed + " radius "
                                + r, false);
                    }
                    for (Kernel k : Kernel.values()) {
                        for (double bw : new double[] {0.02, 0.06, 0.5}) {
                            MatchSpec spec = MatchSpec.kernel(k, bw).withAte(ate).withCommon(common);
                            compare(d, spec, "seed " + seed + " " + spec, k == Kernel.NORMAL);
                        }
                    }
                }
            }
        }
    }

    static void close(double expected, double actual, double scale, String what) {
        if (Double.isNaN(expected) && Double.isNaN(actual)) {
            return;
        }
        if (!(Math.abs(expected - actual) <= TOL * (Math.abs(expected) + scale))) {
            fail(what + ": expected " + expected + " but was " + actual);
        }
    }

    static void compare(Data d, MatchSpec spec, String label, boolean normal) {
        MatchResult r = Matcher.match(d.score, d.treated, d.y, spec);
        BruteForce b = new BruteForce(d.score, d.treated, d.y, spec);
        int n = d.score.length;
        assertArrayEquals(b.support, r.support(), label + " support");
        int n1 = 0;
        int n0 = 0;
        for (int i = 0; i < n; i++) {
            if (d.treated[i]) {
                n1++;
            } else {
                n0++;
            }
        }
        for (int i = 0; i < n; i++) {
            if (normal && !d.treated[i]) {
                double bound = TOL * (Math.abs(b.weight[i]) + (double) n1 / n0) + 1e-13;
                if (!(Math.abs(b.weight[i] - r.weight()[i]) <= bound)) {
                    fail(label + " weight " + i + ": expected " + b.weight[i] + " was " + r.weight()[i]);
                }
                assertEquals(b.weight[i] > 0, r.weight()[i] > 0, label + " used " + i);
            } else {
                close(b.weight[i], r.weight()[i], 1, label + " weight " + i);
            }
            if (spec.method() != MatchSpec.Method.KERNEL || !normal) {
                assertEquals(b.count[i], r.matchCount()[i], label + " count " + i);
            }
            for (int j = 0; j < d.y.length; j++) {
                close(b.matched[j][i], r.matchedOutcome()[j][i], d.ymax, label + " matched y" + j + " unit " + i);
            }
        }
        if (r.sets() != null) {
            for (int i = 0; i < n; i++) {
                List<Integer> got = new ArrayList<>();
                for (int e = r.sets().start()[i]; e < r.sets().start()[i + 1]; e++) {
                    got.add(r.sets().index()[e]);
                }
                assertEquals(b.sets.get(i), got, label + " set of " + i);
            }
        }
        for (int j = 0; j < d.y.length; j++) {
            MatchResult.Effect e = r.effects()[j];
            close(b.att[j], e.att(), d.ymax, label + " att");
            close(b.seAtt[j], e.seAtt(), 0, label + " seAtt");
            close(b.atu[j], e.atu(), d.ymax, label + " atu");
            close(b.ate[j], e.ate(), d.ymax, label + " ate");
            close(b.aiAtt[j], e.aiSeAtt(), 0, label + " aiSeAtt");
            close(b.aiAtu[j], e.aiSeAtu(), 0, label + " aiSeAtu");
            close(b.aiAte[j], e.aiSeAte(), 0, label + " aiSeAte");
        }
    }
}
