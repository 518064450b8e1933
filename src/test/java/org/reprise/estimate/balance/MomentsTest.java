package org.reprise.estimate.balance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reprise.estimate.BinaryChoice;

/**
 * The fused group moments ({@link Moments#groups}, two masked passes) against the plain definition, one
 * {@link Moments#of} per group (sum of w, weighted mean, weighted variance about it, rows of the group only): equal
 * to the bit on data with negative zeros, 0/1 columns, zero weights, huge values and an empty group; and
 * {@link Balance#pstestAndSmd} equals {@link Balance#pstest} and {@link Balance#smd} called one by one.
 */
class MomentsTest {
    private static Moments[] plain(double[] x, boolean[] treated, double[] wm) {
        int n = x.length;
        boolean[] c = new boolean[n];
        boolean[] tm = new boolean[n];
        boolean[] cm = new boolean[n];
        for (int i = 0; i < n; i++) {
            c[i] = !treated[i];
            tm[i] = treated[i] && wm[i] > 0;
            cm[i] = !treated[i] && wm[i] > 0;
        }
        return new Moments[] {Moments.of(x, treated, null), Moments.of(x, c, null), Moments.of(x, tm, wm),
            Moments.of(x, cm, wm)};
    }

    @Test
    void groupsEqualOneCallPerGroupToTheBit() {
        SplittableRandom r = new SplittableRandom(11);
        for (int rep = 0; rep < 40; rep++) {
            int n = 1 + r.nextInt(3000);
            double[] x = new double[n];
            boolean[] t = new boolean[n];
            double[] wm = new double[n];
            int kind = rep % 5;
            for (int i = 0; i < n; i++) {
                t[i] = r.nextDouble() < 0.3;
                x[i] = switch (kind) {
                    case 0 -> r.nextGaussian() * 1e3;
                    case 1 -> r.nextDouble() < 0.5 ? 1 : 0;
                    case 2 -> r.nextDouble() < 0.5 ? -0.0 : -r.nextDouble();
                    case 3 -> r.nextGaussian() * 1e305;
                    default -> Math.rint(r.nextGaussian() * 4) / 4;
                };
                // rep 4, 9, ...: no matched control (an empty group)
                boolean used = t[i] || (kind != 4 && r.nextDouble() < 0.5);
                wm[i] = !used ? 0 : t[i] ? 1 : r.nextInt(1, 9) / (double) r.nextInt(1, 5);
            }
            Moments[] want = plain(x, t, wm);
            Moments[] got = Moments.groups(x, t, wm);
            for (int g = 0; g < 4; g++) {
                assertEquals(want[g], got[g], "rep " + rep + " group " + g);
            }
        }
    }

    @Test
    void pstestAndSmdTogetherEqualThemOneByOne() {
        SplittableRandom r = new SplittableRandom(5);
        int n = 4000;
        double[][] x = new double[3][n];
        boolean[] t = new boolean[n];
        double[] w = new double[n];
        boolean[] sup = new boolean[n];
        double[] score = new double[n];
        for (int i = 0; i < n; i++) {
            x[0][i] = r.nextGaussian();
            x[1][i] = r.nextDouble() < 0.4 ? 1 : 0;
            x[2][i] = r.nextDouble() * 10;
            t[i] = 0.5 * x[0][i] - 0.3 * x[1][i] + r.nextGaussian() > 0.5;
            score[i] = r.nextDouble();
            sup[i] = r.nextDouble() < 0.95;
            w[i] = t[i] ? 1 : r.nextDouble() < 0.5 ? 0 : r.nextInt(1, 4) / 3.0;
        }
        String[] names = {"a", "b", "c"};
        Balance.Both both = Balance.pstestAndSmd(score, "distance", x, names, t, w, sup, BinaryChoice.Link.PROBIT,
                null);
        assertEquals(Balance.pstest(x, names, t, w, sup, BinaryChoice.Link.PROBIT), both.pstest());
        assertEquals(Balance.smd(new double[][] {score, x[0], x[1], x[2]}, new String[] {"distance", "a", "b", "c"},
                t, w, sup), both.smd());
    }
}
