package org.reprise.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.reprise.covariance.SmallSample;
import org.reprise.covariance.VcovSpec;
import org.reprise.covariance.Vcovs;

/**
 * Absorbed fixed effects equal dummy-variable OLS (fixest's test idea) on random unbalanced panels: coefficients,
 * classical SEs and cluster SEs (areg's convention, absorbed parameters counted, against the dummy regression's
 * own Stata factor), to 1e-8 relative. The dummy regression is an independent route: no demeaning, the dummies'
 * redundancy found by the QR.
 */
class AbsorbTest {

    /** A random unbalanced panel: ids 0..ni-1, times 0..nt-1, each (id, time) present with probability keep. */
    private record Panel(int[] id, int[] time, double[] y, double[][] x, double[] w) {
    }

    private static Panel panel(long seed, int ni, int nt, double keep, boolean twoBlocks) {
        Random rnd = new Random(seed);
        List<int[]> cells = new ArrayList<>();
        for (int i = 0; i < ni; i++) {
            for (int t = 0; t < nt; t++) {
                // two blocks: first half of ids only in early times, second half only in late times
                if (twoBlocks && ((i < ni / 2) != (t < nt / 2))) {
                    continue;
                }
                if (rnd.nextDouble() < keep) {
                    cells.add(new int[] {i, t});
                }
            }
        }
        int n = cells.size();
        int[] id = new int[n];
        int[] time = new int[n];
        double[] y = new double[n];
        double[][] x = new double[2][n];
        double[] w = new double[n];
        double[] a = new double[ni];
        for (int i = 0; i < ni; i++) {
            a[i] = rnd.nextGaussian();
        }
        for (int r = 0; r < n; r++) {
            id[r] = cells.get(r)[0];
            time[r] = cells.get(r)[1];
            x[0][r] = rnd.nextGaussian() + a[id[r]];
            x[1][r] = rnd.nextDouble() * 5 + 0.1 * time[r];
            y[r] = 0.5 * x[0][r] - 0.25 * x[1][r] + a[id[r]] + 0.2 * time[r] + rnd.nextGaussian();
            w[r] = 0.5 + rnd.nextDouble();
        }
        return new Panel(id, time, y, x, w);
    }

    private static double[][] dummies(int[] codes) {
        int g = Arrays.stream(codes).max().getAsInt() + 1;
        double[][] d = new double[g][codes.length];
        for (int i = 0; i < codes.length; i++) {
            d[codes[i]][i] = 1.0;
        }
        return d;
    }

    private static void compare(Panel p, boolean twoWay, boolean weighted) {
        int n = p.y().length;
        int[][] fe = twoWay ? new int[][] {p.id(), p.time()} : new int[][] {p.id()};
        double[] w = weighted ? p.w() : null;
        FixedEffectsFit a = Absorb.fit(p.y(), p.x(), new String[] {"x1", "x2"}, w, fe,
                twoWay ? new String[] {"id", "time"} : new String[] {"id"}, Absorb.Options.xtreg());
        List<double[]> cols = new ArrayList<>(List.of(p.x()[0], p.x()[1]));
        List<String> names = new ArrayList<>(List.of("x1", "x2"));
        for (int[] codes : fe) {
            double[][] d = dummies(codes);
            for (int g = 0; g < d.length; g++) {
                cols.add(d[g]);
                names.add("d" + cols.size());
            }
        }
        double[] ones = new double[n];
        Arrays.fill(ones, 1.0);
        cols.add(ones);
        names.add("_cons");
        LinearFit dv = Ols.fit(p.y(), cols.toArray(new double[0][]), names.toArray(new String[0]), w, true);
        LinearFit af = a.fit();
        assertEquals(dv.dfResid(), af.dfResid(), "residual df: absorbed parameters counted exactly");
        assertEquals(dv.rank() - 3, af.absorbed());
        assertEquals(dv.rss(), af.rss(), 1e-8 * dv.rss());
        double[] vdA = Vcovs.compute(af, VcovSpec.classical(), null).standardErrors();
        double[] vdD = Vcovs.compute(dv, VcovSpec.classical(), null).standardErrors();
        double[] clA = Vcovs.compute(af, VcovSpec.cluster("id").with(SmallSample.areg()), new int[][] {p.id()})
                .standardErrors();
        double[] clD = Vcovs.compute(dv, VcovSpec.cluster("id"), new int[][] {p.id()}).standardErrors();
        double[] hcA = Vcovs.compute(af, VcovSpec.robust(VcovSpec.Type.HC1).with(SmallSample.areg()), null)
                .standardErrors();
        double[] hcD = Vcovs.compute(dv, VcovSpec.robust(VcovSpec.Type.HC1), null).standardErrors();
        for (int j = 0; j < 2; j++) {
            assertEquals(dv.coef()[j], af.coef()[j], 1e-8 * Math.abs(dv.coef()[j]), "coef " + j);
            assertEquals(vdD[j], vdA[j], 1e-8 * vdD[j], "classical SE " + j);
            assertEquals(clD[j], clA[j], 1e-8 * clD[j], "cluster SE " + j);
            assertEquals(hcD[j], hcA[j], 1e-8 * hcD[j], "HC1 SE " + j);
        }
    }

    @Test
    void oneFixedEffectEqualsDummies() {
        compare(panel(11, 60, 7, 0.7, false), false, false);
    }

    @Test
    void oneFixedEffectWithWeightsEqualsWeightedDummies() {
        compare(panel(12, 50, 6, 0.7, false), false, true);
    }

    @Test
    void twoFixedEffectsEqualDummies() {
        compare(panel(13, 40, 8, 0.6, false), true, false);
    }

    @Test
    void twoFixedEffectsInTwoDisconnectedBlocksCountTwoComponents() {
        Panel p = panel(14, 40, 8, 0.8, true);
        compare(p, true, false);
        FixedEffectsFit a = Absorb.fit(p.y(), p.x(), new String[] {"x1", "x2"}, null,
                new int[][] {p.id(), p.time()}, new String[] {"id", "time"}, Absorb.Options.xtreg());
        assertEquals(40 + 8 - 2, a.fixedEffectParameters());
    }

    @Test
    void singletonsCanBeDroppedWithoutChangingOneWaySlopes() {
        Panel p = panel(15, 80, 3, 0.45, false);
        int[] count = new int[80];
        for (int i : p.id()) {
            count[i]++;
        }
        int singles = 0;
        for (int c : count) {
            if (c == 1) {
                singles++;
            }
        }
        assertTrue(singles > 0, "the panel must have singletons for this test");
        FixedEffectsFit keep = Absorb.fit(p.y(), p.x(), new String[] {"x1", "x2"}, null, new int[][] {p.id()},
                new String[] {"id"}, Absorb.Options.xtreg());
        FixedEffectsFit drop = Absorb.fit(p.y(), p.x(), new String[] {"x1", "x2"}, null, new int[][] {p.id()},
                new String[] {"id"}, Absorb.Options.dropSingletonsOptions());
        assertEquals(singles, drop.singletonsDropped());
        assertEquals(keep.fit().nobs() - singles, drop.fit().nobs());
        assertEquals(keep.groups()[0] - singles, drop.groups()[0]);
        // a singleton adds one observation and one parameter: residual df unchanged
        assertEquals(keep.fit().dfResid(), drop.fit().dfResid());
        for (int j = 0; j < 2; j++) {
            assertEquals(keep.fit().coef()[j], drop.fit().coef()[j], 1e-10 * Math.abs(keep.fit().coef()[j]));
        }
        assertTrue(drop.notes().contains("note: " + singles + " singleton observations dropped"));
    }
}
