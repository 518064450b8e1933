package org.reprise.covariance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import org.reprise.UserError;
import org.reprise.estimate.LinearFit;
import org.reprise.estimate.Ols;

/**
 * The covariance layer against Stata's printed output (Petersen's data, src/test/resources/reference/petersen,
 * SOURCE.txt there), textbook matrix formulas computed independently here, and exact identities.
 */
class VcovsTest {

    /** Petersen data: columns firm, year, x, y. */
    static double[][] petersen() throws IOException {
        try (InputStream in = VcovsTest.class.getResourceAsStream("/reference/petersen/PetersenCL.csv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n");
            double[][] cols = new double[4][lines.length - 1];
            for (int l = 1; l < lines.length; l++) {
                String[] f = lines[l].split(",");
                for (int j = 0; j < 4; j++) {
                    cols[j][l - 1] = Double.parseDouble(f[j + 1].replace("\"", ""));
                }
            }
            return cols;
        }
    }

    static int[] codes(double[] v) {
        Map<Double, Integer> ids = new HashMap<>();
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = ids.computeIfAbsent(v[i], k -> ids.size());
        }
        return out;
    }

    static double[] ones(int n) {
        double[] o = new double[n];
        java.util.Arrays.fill(o, 1.0);
        return o;
    }

    /** |ours - printed| <= half a unit of the printed value's last decimal (plus 1e-13 for binary noise). */
    static void assertPrinted(double printed, int decimals, double ours, String what) {
        double half = 0.5 * Math.pow(10, -decimals);
        assertTrue(Math.abs(ours - printed) <= half + 1e-13,
                what + ": ours " + ours + " does not round to the printed " + printed);
    }

    static LinearFit petersenFit(double[][] d) {
        return Ols.fit(d[3], new double[][] {ones(d[3].length), d[2]}, new String[] {"_cons", "x"}, null, true);
    }

    @Test
    void petersenClusterMatchesStata() throws IOException {
        double[][] d = petersen();
        LinearFit fit = petersenFit(d);
        assertEquals(5000, fit.nobs());
        // output order is x, _cons
        assertPrinted(1.03483344, 8, fit.coef()[0], "b(x)");
        assertPrinted(0.02967972, 8, fit.coef()[1], "b(_cons)");
        Vcov v = Vcovs.compute(fit, VcovSpec.cluster("firm"), new int[][] {codes(d[0])});
        double[][] m = v.matrix();
        // Stata prints V in the order _cons, x: [[0.0044907, -0.00006474], [-0.00006474, 0.00255993]]
        assertPrinted(0.0044907, 7, m[1][1], "V(_cons,_cons)");
        assertPrinted(-0.00006474, 8, m[0][1], "V(_cons,x)");
        assertPrinted(-0.00006474, 8, m[1][0], "V(x,_cons)");
        assertPrinted(0.00255993, 8, m[0][0], "V(x,x)");
        assertPrinted(0.067013, 6, v.standardErrors()[1], "SE(_cons)");
        assertPrinted(0.0505957, 7, v.standardErrors()[0], "SE(x)");
        assertEquals(499.0, v.df());
        assertArrayEquals(new int[] {500}, v.clusterCounts());
        assertEquals("Standard errors clustered by firm (500 clusters)", v.label());
    }

    @Test
    void clusterByObservationIsHc1AndWithoutCorrectionHc0() throws IOException {
        double[][] d = petersen();
        LinearFit fit = petersenFit(d);
        int[] each = new int[fit.nobs()];
        for (int i = 0; i < each.length; i++) {
            each[i] = i;
        }
        Vcov cl = Vcovs.compute(fit, VcovSpec.cluster("obs"), new int[][] {each});
        Vcov hc1 = Vcovs.compute(fit, VcovSpec.robust(VcovSpec.Type.HC1), null);
        Vcov cl0 = Vcovs.compute(fit, VcovSpec.cluster("obs").with(SmallSample.none()), new int[][] {each});
        Vcov hc0 = Vcovs.compute(fit, VcovSpec.robust(VcovSpec.Type.HC0), null);
        int n = fit.nobs();
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < 2; c++) {
                assertEquals(hc1.matrix()[r][c], cl.matrix()[r][c], 1e-12 * Math.abs(hc1.matrix()[r][c]));
                assertEquals(hc0.matrix()[r][c], cl0.matrix()[r][c], 1e-12 * Math.abs(hc0.matrix()[r][c]));
                // Stata's HC1 = HC0 * n/(n-k)
                assertEquals(hc0.matrix()[r][c] * n / (n - 2.0), hc1.matrix()[r][c],
                        1e-12 * Math.abs(hc1.matrix()[r][c]));
            }
        }
        assertEquals(n - 2.0, hc1.df());
        assertEquals("Robust standard errors (HC1)", hc1.label());
    }

    @Test
    void hcTypesMatchTextbookFormulas() {
        // a tiny dataset with uneven leverage
        double[] x1 = {0.5, 1.2, 2.0, 2.2, 3.9, 4.1, 6.5, 9.0};
        double[] x2 = {1, 0, 1, 1, 0, 0, 1, 0};
        double[] y = {1.1, 2.3, 2.2, 3.8, 4.0, 5.9, 6.1, 11.0};
        int n = y.length;
        LinearFit fit = Ols.fit(y, new double[][] {x1, x2, ones(n)}, new String[] {"x1", "x2", "_cons"}, null, true);
        RealMatrix x = MatrixUtils.createRealMatrix(n, 3);
        for (int i = 0; i < n; i++) {
            x.setEntry(i, 0, x1[i]);
            x.setEntry(i, 1, x2[i]);
            x.setEntry(i, 2, 1.0);
        }
        RealMatrix xtxi = new LUDecomposition(x.transpose().multiply(x)).getSolver().getInverse();
        RealMatrix b = xtxi.multiply(x.transpose()).multiply(MatrixUtils.createColumnRealMatrix(y));
        RealMatrix e = MatrixUtils.createColumnRealMatrix(y).subtract(x.multiply(b));
        RealMatrix h = x.multiply(xtxi).multiply(x.transpose());
        double s2 = e.transpose().multiply(e).getEntry(0, 0) / (n - 3);
        Map<VcovSpec.Type, RealMatrix> expected = new HashMap<>();
        expected.put(VcovSpec.Type.CLASSICAL, xtxi.scalarMultiply(s2));
        for (VcovSpec.Type t : List.of(VcovSpec.Type.HC0, VcovSpec.Type.HC1, VcovSpec.Type.HC2, VcovSpec.Type.HC3)) {
            RealMatrix omega = MatrixUtils.createRealMatrix(n, n);
            for (int i = 0; i < n; i++) {
                double e2 = e.getEntry(i, 0) * e.getEntry(i, 0);
                double hii = h.getEntry(i, i);
                double q = t == VcovSpec.Type.HC0 ? 1 : t == VcovSpec.Type.HC1 ? n / (n - 3.0)
                        : t == VcovSpec.Type.HC2 ? 1 / (1 - hii) : 1 / ((1 - hii) * (1 - hii));
                omega.setEntry(i, i, e2 * q);
            }
            expected.put(t, xtxi.multiply(x.transpose()).multiply(omega).multiply(x).multiply(xtxi));
        }
        for (Map.Entry<VcovSpec.Type, RealMatrix> ex : expected.entrySet()) {
            VcovSpec spec = ex.getKey() == VcovSpec.Type.CLASSICAL ? VcovSpec.classical() : VcovSpec.robust(ex.getKey());
            double[][] v = Vcovs.compute(fit, spec, null).matrix();
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 3; c++) {
                    double want = ex.getValue().getEntry(r, c);
                    assertEquals(want, v[r][c], 1e-10 * Math.abs(want) + 1e-15, ex.getKey() + " [" + r + "," + c + "]");
                }
            }
        }
    }

    @Test
    void maximumLikelihoodConventionIsHc0TimesNOverNMinus1WithNormalDf() throws IOException {
        double[][] d = petersen();
        LinearFit ls = petersenFit(d);
        Scored ml = new Scored() { // the least-squares scores posing as an ML fit: checks the factor and the df only
            public int nobs() {
                return ls.nobs();
            }

            public int rank() {
                return ls.rank();
            }

            public double[][] bread() {
                return ls.bread();
            }

            public void score(int i, double[] out) {
                ls.score(i, out);
            }

            public double scale() {
                return 1.0;
            }

            public double leverage(int i) {
                return Double.NaN;
            }

            public int dfResid() {
                return ls.dfResid();
            }

            public boolean asymptotic() {
                return true;
            }
        };
        int n = ml.nobs();
        Vcov hc1 = Vcovs.compute(ml, VcovSpec.robust(VcovSpec.Type.HC1), null);
        Vcov hc0 = Vcovs.compute(ml, VcovSpec.robust(VcovSpec.Type.HC0), null);
        assertEquals(hc0.matrix()[0][0] * n / (n - 1.0), hc1.matrix()[0][0], 1e-12 * hc1.matrix()[0][0]);
        assertTrue(hc1.normal());
        Vcov cl = Vcovs.compute(ml, VcovSpec.cluster("firm"), new int[][] {codes(d[0])});
        Vcov cl0 = Vcovs.compute(ml, VcovSpec.cluster("firm").with(SmallSample.none()), new int[][] {codes(d[0])});
        assertEquals(cl0.matrix()[0][0] * 500 / 499.0, cl.matrix()[0][0], 1e-12 * cl.matrix()[0][0]);
        assertTrue(cl.normal());
        assertThrows(UserError.class, () -> Vcovs.compute(ml, VcovSpec.robust(VcovSpec.Type.HC2), null));
    }

    @Test
    void twoWayWithAnObservationLevelSecondDimensionIsOneWay() throws IOException {
        // clustering on (firm, observation): V_2 and V_12 are the same HC1-type term and cancel exactly
        double[][] d = petersen();
        LinearFit fit = petersenFit(d);
        int[] firm = codes(d[0]);
        int[] each = new int[fit.nobs()];
        for (int i = 0; i < each.length; i++) {
            each[i] = i;
        }
        Vcov one = Vcovs.compute(fit, VcovSpec.cluster("firm"), new int[][] {firm});
        Vcov two = Vcovs.compute(fit, VcovSpec.twoway("firm", "obs"), new int[][] {firm, each});
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < 2; c++) {
                assertEquals(one.matrix()[r][c], two.matrix()[r][c], 1e-12 * Math.abs(one.matrix()[r][c]));
            }
        }
        assertEquals(499.0, two.df());
    }

    @Test
    void twoWayIsTheSumOfThreeOneWayCovariances() throws IOException {
        double[][] d = petersen();
        LinearFit fit = petersenFit(d);
        int[] firm = codes(d[0]);
        int[] year = codes(d[1]);
        int[] both = new int[firm.length];
        for (int i = 0; i < both.length; i++) {
            both[i] = firm[i] * 100 + year[i];
        }
        double[][] v1 = Vcovs.compute(fit, VcovSpec.cluster("firm"), new int[][] {firm}).matrix();
        double[][] v2 = Vcovs.compute(fit, VcovSpec.cluster("year"), new int[][] {year}).matrix();
        double[][] v12 = Vcovs.compute(fit, VcovSpec.cluster("fy"), new int[][] {codes(toDouble(both))}).matrix();
        Vcov two = Vcovs.compute(fit, VcovSpec.twoway("firm", "year"), new int[][] {firm, year});
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < 2; c++) {
                double want = v1[r][c] + v2[r][c] - v12[r][c];
                assertEquals(want, two.matrix()[r][c], 1e-12 * Math.abs(want));
            }
        }
        assertEquals(9.0, two.df()); // min(500, 10) - 1
        assertArrayEquals(new int[] {500, 10}, two.clusterCounts());
    }

    /**
     * Petersen's own web page ("Programming advice: test data", kellogg.northwestern.edu/faculty/petersen, as quoted
     * in statsmodels' stats/tests/test_sandwich.py) prints SEs to 4 decimals, (_cons, x): White (0.0284, 0.0284);
     * by firm (0.0670, 0.0506); by year (0.0234, 0.0334); by firm and year (0.0651, 0.0536).
     */
    @Test
    void petersenPublishedFourDigitSes() throws IOException {
        double[][] d = petersen();
        LinearFit fit = petersenFit(d);
        int[] firm = codes(d[0]);
        int[] year = codes(d[1]);
        double[] white = Vcovs.compute(fit, VcovSpec.robust(VcovSpec.Type.HC0), null).standardErrors();
        double[] byFirm = Vcovs.compute(fit, VcovSpec.cluster("firm"), new int[][] {firm}).standardErrors();
        double[] byYear = Vcovs.compute(fit, VcovSpec.cluster("year"), new int[][] {year}).standardErrors();
        double[] both = Vcovs.compute(fit, VcovSpec.twoway("firm", "year"), new int[][] {firm, year}).standardErrors();
        double[][] printed = {{0.0284, 0.0284}, {0.0670, 0.0506}, {0.0234, 0.0334}, {0.0651, 0.0536}};
        double[][] ours = {white, byFirm, byYear, both};
        String[] what = {"White", "firm", "year", "firm and year"};
        for (int r = 0; r < 4; r++) {
            assertPrinted(printed[r][0], 4, ours[r][1], what[r] + " SE(_cons)");
            assertPrinted(printed[r][1], 4, ours[r][0], what[r] + " SE(x)");
        }
    }

    private static double[] toDouble(int[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }

    @Test
    void oneClusterIsAUserError() throws IOException {
        double[][] d = petersen();
        LinearFit fit = petersenFit(d);
        assertThrows(UserError.class, () -> Vcovs.compute(fit, VcovSpec.cluster("c"), new int[][] {new int[5000]}));
    }

    @Test
    void randomDataNeverEscapesWithOtherExceptions() {
        Random rnd = new Random(3);
        int n = 30;
        double[] y = new double[n];
        double[] x = new double[n];
        int[] g = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextGaussian();
            y[i] = x[i] + rnd.nextGaussian();
            g[i] = i % 4;
        }
        LinearFit fit = Ols.fit(y, new double[][] {x, ones(n)}, new String[] {"x", "_cons"}, null, true);
        Vcov v = Vcovs.compute(fit, VcovSpec.cluster("g"), new int[][] {g});
        assertEquals(3.0, v.df());
        double f = 4.0 / 3.0 * (n - 1.0) / (n - 2.0);
        Vcov v0 = Vcovs.compute(fit, VcovSpec.cluster("g").with(SmallSample.none()), new int[][] {g});
        assertEquals(v0.matrix()[0][0] * f, v.matrix()[0][0], 1e-12 * v.matrix()[0][0]);
    }
}
