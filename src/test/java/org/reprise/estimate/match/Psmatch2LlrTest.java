package org.reprise.estimate.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reprise.estimate.match.MatchSpec.Kernel;

/**
 * psmatch2's {@code llr}: published Stata 18 + psmatch2 4.0.12 results (src/test/resources/reference/psmatch2_llr,
 * SOURCE.txt) and an independent brute force (explicit 2 x 2 weighted least squares per target).
 */
class Psmatch2LlrTest {

    /** r(att) of psmatch2 d x1 x2, outcome(y) llr kerneltype(K) bwidth(0.5) logit, on Stata's own _pscore. */
    @Test
    void reproducesPublishedLlrAtts() throws IOException {
        Data d = data();
        Object[][] cases = {
            {Kernel.TRICUBE, -0.0274725477361204},
            {Kernel.BIWEIGHT, -0.0274674342048444},
            {Kernel.NORMAL, -0.0209864682858121},
            {Kernel.UNIFORM, -0.00770075554243355},
        };
        for (Object[] c : cases) {
            MatchResult r = Matcher.match(d.score, d.treated, new double[][] {d.y}, MatchSpec.llr((Kernel) c[0], 0.5));
            // 16 published digits; the exported data carry 15, and the ATTs agree to 1e-15 (13-15 digits): 1e-12
            assertEquals((double) c[1], r.effects()[0].att(), 1e-12, c[0] + " ATT");
            assertEquals(d.n1, r.nTreatedOnSupport(), c[0] + " all treated on support");
        }
        // psmatch2 prints no S.E. for llr with the tricube kernel (r(seatt) = .)
        MatchResult tri = Matcher.match(d.score, d.treated, new double[][] {d.y}, MatchSpec.llr(Kernel.TRICUBE, 0.5));
        assertTrue(Double.isNaN(tri.effects()[0].seAtt()));
        // plain kernel matching on the same data (the contrast in the same log)
        MatchResult k = Matcher.match(d.score, d.treated, new double[][] {d.y}, MatchSpec.kernel(Kernel.TRICUBE, 0.5));
        assertEquals(0.345720023183637, k.effects()[0].att(), 1e-12, "kernel tricube ATT");
        assertEquals(0.206033663075506, k.effects()[0].seAtt(), 1e-12, "kernel tricube S.E.");
    }

    /** The llr tricube run's _weight (controls) and _y (treated), row by row. */
    @Test
    void reproducesPublishedLlrWeightsAndMatchedOutcomes() throws IOException {
        Data d = data();
        MatchResult r = Matcher.match(d.score, d.treated, new double[][] {d.y}, MatchSpec.llr(Kernel.TRICUBE, 0.5));
        for (int i = 0; i < d.score.length; i++) {
            if (d.treated[i]) {
                assertEquals(d.matchedY[i], r.matchedOutcome()[0][i], 1e-12 + 1e-13 * Math.abs(d.matchedY[i]),
                        "_y of id " + (i + 1));
                assertEquals(1.0, r.weight()[i], 0.0);
            } else {
                assertEquals(d.weight[i], r.weight()[i], 1e-12 + 1e-13 * Math.abs(d.weight[i]),
                        "_weight of id " + (i + 1));
            }
        }
    }

    /**
     * psmatch2's default llr kernel (Epanechnikov): nearest neighbour on the lpoly-smoothed control outcome; its
     * r(att) and r(seatt) (the nearest-neighbour formula, which psmatch2 prints for this route).
     */
    @Test
    void reproducesPublishedEpanechnikovRoute() throws IOException {
        Data d = data();
        MatchResult r = Matcher.match(d.score, d.treated, new double[][] {d.y},
                MatchSpec.llr(Kernel.EPANECHNIKOV, 0.5));
        assertEquals(0.0322449109864638, r.effects()[0].att(), 1e-12, "ATT");
        assertEquals(0.36195584, r.effects()[0].seAtt(), 5e-9, "S.E. (published to 8 digits)");
    }

    /**
     * Hand-worked psmatch2 cases: a target whose window holds one control leaves the support and that control's
     * weight becomes missing (psmatch2 divides by V = 0 before it regresses); two controls at one score give the
     * mean of their outcomes and missing weights; a bad bandwidth is a UserError.
     */
    @Test
    void degenerateWindowsAsPsmatch2() {
        // controls at 0.1, 0.5, 0.5, 0.9; treated at 0.12 (window 0.05: only the control at 0.1) and 0.52 (0.5, 0.5)
        double[] s = {0.1, 0.5, 0.5, 0.9, 0.12, 0.52};
        boolean[] t = {false, false, false, false, true, true};
        double[][] y = {{1, 2, 4, 8, 0, 0}};
        MatchResult r = Matcher.match(s, t, y, MatchSpec.llr(Kernel.TRICUBE, 0.05));
        assertTrue(!r.support()[4], "one control in the window: regress fails");
        assertTrue(r.support()[5]);
        assertEquals(3.0, r.matchedOutcome()[0][5], 1e-15, "flat window: the weighted mean");
        for (int c = 0; c < 4; c++) {
            assertEquals(0.0, r.weight()[c], 0.0, "control " + c + ": missing or unused");
        }
        assertEquals(0 - 3.0, r.effects()[0].att(), 1e-15);
        org.junit.jupiter.api.Assertions.assertThrows(org.reprise.UserError.class,
                () -> Matcher.match(s, t, y, MatchSpec.llr(Kernel.TRICUBE, 0)));
    }

    /** Random data, every kernel, ate and common on and off, narrow and wide bandwidths, against the brute force. */
    @Test
    void agreesWithBruteForce() {
        SplittableRandom rng = new SplittableRandom(20261207L);
        int configs = 0;
        for (int rep = 0; rep < 20; rep++) {
            int n = 16 + rng.nextInt(40);
            double[] s = new double[n];
            boolean[] t = new boolean[n];
            double[][] y = new double[2][n];
            for (int i = 0; i < n; i++) {
                // tied scores on a binary grid (1/16): window edges fall exactly on |u| = 1, not a rounding away
                s[i] = rep % 3 == 0 ? Math.round(rng.nextDouble() * 16) / 16.0 : rng.nextDouble();
                t[i] = rng.nextDouble() < 0.2 + 0.6 * s[i];
                y[0][i] = 2 * s[i] + rng.nextGaussian();
                y[1][i] = rng.nextGaussian();
            }
            t[0] = true;
            t[1] = false;
            for (Kernel k : Kernel.values()) {
                for (double bw : new double[] {0.03, 0.1, 0.5}) {
                    if (k == Kernel.NORMAL && bw < 0.1) {
                        // normal weights 30 bandwidths away (e^-450) are beyond the brute force's 34 digits
                        continue;
                    }
                    for (boolean ate : new boolean[] {false, true}) {
                        boolean common = rng.nextBoolean();
                        MatchSpec spec = MatchSpec.llr(k, bw).withAte(ate).withCommon(common);
                        MatchResult r = Matcher.match(s, t, y, spec);
                        Brute b = new Brute(s, t, y, k, bw, ate, common);
                        String what = k + " bw=" + bw + " ate=" + ate + " common=" + common + " rep=" + rep;
                        for (int i = 0; i < n; i++) {
                            assertEquals(b.support[i], r.support()[i], what + " support " + i);
                            assertEquals(b.weight[i], r.weight()[i], 1e-9 * (1 + Math.abs(b.weight[i])),
                                    what + " weight " + i);
                        }
                        if (r.nTreatedOnSupport() == 0 || (ate && r.nControlsOnSupport() == 0)) {
                            continue;
                        }
                        for (int j = 0; j < 2; j++) {
                            MatchResult.Effect e = r.effects()[j];
                            assertEquals(b.att[j], e.att(), 1e-9 * (1 + Math.abs(b.att[j])), what + " ATT");
                            if (ate) {
                                assertEquals(b.atu[j], e.atu(), 1e-9 * (1 + Math.abs(b.atu[j])), what + " ATU");
                                assertEquals(b.ate[j], e.ate(), 1e-9 * (1 + Math.abs(b.ate[j])), what + " ATE");
                            }
                        }
                        configs++;
                    }
                }
            }
        }
        assertTrue(configs > 300, "configurations checked: " + configs);
    }

    /**
     * Independent, naive psmatch2 llr: every pair looked at; local linear fits by solving the 2 x 2 weighted normal
     * equations (X'WX) b = X'Wy with X = [1, s_q - s_t]; the pool weights as the first row of (X'WX)^-1 X'W.
     */
    static final class Brute {
        final boolean[] support;
        final double[] weight;
        final double[] att = new double[2];
        final double[] atu = new double[2];
        final double[] ate = new double[2];

        Brute(double[] s, boolean[] t, double[][] y, Kernel k, double bw, boolean ate, boolean common) {
            int n = s.length;
            support = new boolean[n];
            weight = new double[n];
            double min0 = Double.POSITIVE_INFINITY;
            double max0 = Double.NEGATIVE_INFINITY;
            double min1 = Double.POSITIVE_INFINITY;
            double max1 = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                if (t[i]) {
                    min1 = Math.min(min1, s[i]);
                    max1 = Math.max(max1, s[i]);
                } else {
                    min0 = Math.min(min0, s[i]);
                    max0 = Math.max(max0, s[i]);
                }
            }
            for (int i = 0; i < n; i++) {
                support[i] = !common || (t[i] ? s[i] >= min0 && s[i] <= max0 : !ate || s[i] >= min1 && s[i] <= max1);
            }
            double[][] m = new double[2][n];
            double[][] yy = y;
            if (k == Kernel.EPANECHNIKOV) {
                yy = new double[2][n];
                for (int i = 0; i < n; i++) {
                    boolean g = t[i];
                    if (!support[i] || (g && !ate)) {
                        yy[0][i] = y[0][i];
                        yy[1][i] = y[1][i];
                        continue;
                    }
                    for (int j = 0; j < 2; j++) {
                        yy[j][i] = lpoly(s, t, g, y[j], s[i], bw);
                    }
                }
            }
            boolean[] sup0 = support.clone();
            if (ate) {
                for (int c = 0; c < n; c++) {
                    if (!t[c] && sup0[c]) {
                        matchOne(c, true, s, t, sup0, yy, k, bw, m);
                    }
                }
            }
            boolean[] poolSupport = k == Kernel.EPANECHNIKOV ? sup0 : support;
            for (int i = 0; i < n; i++) {
                if (t[i] && support[i]) {
                    matchOne(i, false, s, t, poolSupport, yy, k, bw, m);
                }
            }
            for (int i = 0; i < n; i++) {
                if (t[i] && !ate) {
                    weight[i] = support[i] ? 1 : 0;
                }
                if (!support[i] || Double.isNaN(weight[i])) {
                    weight[i] = 0;
                }
            }
            for (int j = 0; j < 2; j++) {
                double a = 0;
                double b = 0;
                int n1 = 0;
                double c0 = 0;
                double d0 = 0;
                int n0 = 0;
                for (int i = 0; i < n; i++) {
                    if (!support[i]) {
                        continue;
                    }
                    if (t[i]) {
                        a += y[j][i];
                        b += m[j][i];
                        n1++;
                    } else {
                        c0 += y[j][i];
                        d0 += m[j][i];
                        n0++;
                    }
                }
                att[j] = a / n1 - b / n1;
                atu[j] = d0 / n0 - c0 / n0;
                this.ate[j] = att[j] * n1 / (n0 + n1) + atu[j] * n0 / (n0 + n1);
            }
        }

        /** Matches unit i to the other group (on support per {@code sup}); fills weights, m and support. */
        private void matchOne(int i, boolean group, double[] s, boolean[] t, boolean[] sup, double[][] y, Kernel k,
                              double bw, double[][] m) {
            List<Integer> pool = new ArrayList<>();
            for (int q = 0; q < s.length; q++) {
                if (t[q] == group && sup[q] && q != i) {
                    pool.add(q);
                }
            }
            if (k == Kernel.EPANECHNIKOV) {
                // nearest neighbour: the smallest |difference|, equal distances -> lower score, then data order
                int best = -1;
                for (int q : pool) {
                    double dq = Math.abs(s[q] - s[i]);
                    if (best < 0) {
                        best = q;
                        continue;
                    }
                    double db = Math.abs(s[best] - s[i]);
                    if (dq < db || (dq == db && (s[q] < s[best] || (s[q] == s[best] && q < best)))) {
                        best = q;
                    }
                }
                weight[best] += 1;
                for (int j = 0; j < 2; j++) {
                    m[j][i] = y[j][best];
                }
                return;
            }
            // moments in 34-digit decimal arithmetic: the 2 x 2 system can be ill-conditioned (far targets)
            java.math.MathContext mc = java.math.MathContext.DECIMAL128;
            List<Integer> window = new ArrayList<>();
            java.util.Set<Double> distinct = new java.util.HashSet<>();
            for (int q : pool) {
                if (k == Kernel.NORMAL || Math.abs(s[q] - s[i]) <= bw) {
                    window.add(q);
                    if (kern(k, (s[q] - s[i]) / bw) > 0) {
                        distinct.add(s[q]);
                    }
                }
            }
            int w = window.size();
            java.math.BigDecimal[] bk = new java.math.BigDecimal[w];
            java.math.BigDecimal[] bd = new java.math.BigDecimal[w];
            java.math.BigDecimal s00 = java.math.BigDecimal.ZERO;
            java.math.BigDecimal s01 = java.math.BigDecimal.ZERO;
            java.math.BigDecimal s11 = java.math.BigDecimal.ZERO;
            int used = 0;
            for (int a = 0; a < w; a++) {
                int q = window.get(a);
                double kq = kern(k, (s[q] - s[i]) / bw);
                used += kq > 0 ? 1 : 0;
                bk[a] = new java.math.BigDecimal(kq);
                bd[a] = new java.math.BigDecimal(s[q]).subtract(new java.math.BigDecimal(s[i]));
                java.math.BigDecimal kd = bk[a].multiply(bd[a], mc);
                s00 = s00.add(bk[a], mc);
                s01 = s01.add(kd, mc);
                s11 = s11.add(kd.multiply(bd[a], mc), mc);
            }
            if (used == 0) {
                support[i] = false;
                return;
            }
            java.math.BigDecimal det = s00.multiply(s11, mc).subtract(s01.multiply(s01, mc), mc);
            boolean flat = distinct.size() < 2;
            for (int a = 0; a < w; a++) {
                // first row of (X'WX)^-1 X'W: (s11 - s01 d) K / det; psmatch2 makes it missing when V = 0
                weight[window.get(a)] += flat ? Double.NaN : s11.subtract(s01.multiply(bd[a], mc), mc)
                        .multiply(bk[a], mc).divide(det, mc).doubleValue();
            }
            if (used < 2) {
                support[i] = false;
                return;
            }
            for (int j = 0; j < 2; j++) {
                java.math.BigDecimal b0 = java.math.BigDecimal.ZERO;
                java.math.BigDecimal b1 = java.math.BigDecimal.ZERO;
                for (int a = 0; a < w; a++) {
                    java.math.BigDecimal ky = bk[a].multiply(new java.math.BigDecimal(y[j][window.get(a)]), mc);
                    b0 = b0.add(ky, mc);
                    b1 = b1.add(ky.multiply(bd[a], mc), mc);
                }
                m[j][i] = flat ? b0.divide(s00, mc).doubleValue()
                        : s11.multiply(b0, mc).subtract(s01.multiply(b1, mc), mc).divide(det, mc).doubleValue();
            }
        }

        /** lpoly degree 1, Stata's Epanechnikov kernel with its constants, fit on group g on support. */
        private double lpoly(double[] s, boolean[] t, boolean g, double[] y, double x0, double bw) {
            double s00 = 0;
            double s01 = 0;
            double s11 = 0;
            double b0 = 0;
            double b1 = 0;
            java.util.Set<Double> distinct = new java.util.HashSet<>();
            for (int q = 0; q < s.length; q++) {
                if (t[q] != g || !support[q]) {
                    continue;
                }
                double z = (s[q] - x0) / bw;
                double kq = Math.abs(z) < Math.sqrt(5) ? 0.75 * (1 - z * z / 5) / Math.sqrt(5) : 0;
                if (kq > 0) {
                    distinct.add(s[q]);
                }
                double d = s[q] - x0;
                s00 += kq;
                s01 += kq * d;
                s11 += kq * d * d;
                b0 += kq * y[q];
                b1 += kq * d * y[q];
            }
            double det = s00 * s11 - s01 * s01;
            return distinct.size() < 2 ? b0 / s00 : (s11 * b0 - s01 * b1) / det;
        }

        private static double kern(Kernel k, double u) {
            double a = Math.abs(u);
            return switch (k) {
                case NORMAL -> Math.exp(-u * u / 2) / Math.sqrt(2 * Math.PI);
                case UNIFORM -> a <= 1 ? 1 : 0;
                case BIWEIGHT -> a <= 1 ? (1 - u * u) * (1 - u * u) : 0;
                case TRICUBE -> a <= 1 ? Math.pow(1 - a * a * a, 3) : 0;
                case EPANECHNIKOV -> a <= 1 ? 1 - u * u : 0;
            };
        }
    }

    record Data(double[] score, boolean[] treated, double[] y, double[] weight, double[] matchedY, int n1) {
    }

    static Data data() throws IOException {
        String text;
        try (InputStream in = Psmatch2LlrTest.class.getResourceAsStream(
                "/reference/psmatch2_llr/psmatch2_llr_data.csv")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String[] lines = text.split("\n");
        int n = lines.length - 1;
        double[] s = new double[n];
        boolean[] t = new boolean[n];
        double[] y = new double[n];
        double[] w = new double[n];
        double[] my = new double[n];
        int n1 = 0;
        for (int i = 0; i < n; i++) {
            String[] f = lines[i + 1].split(",", -1);
            t[i] = f[1].equals("1");
            n1 += t[i] ? 1 : 0;
            y[i] = Double.parseDouble(f[2]);
            s[i] = Double.parseDouble(f[3]);
            w[i] = Double.parseDouble(f[4]);
            my[i] = f[5].isEmpty() ? Double.NaN : Double.parseDouble(f[5]);
        }
        return new Data(s, t, y, w, my, n1);
    }
}
