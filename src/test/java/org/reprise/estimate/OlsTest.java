package org.reprise.estimate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import org.reprise.UserError;

/**
 * Ols edge cases and weights, checked against independent textbook formulas (Commons Math matrices, normal equations
 * on small well-conditioned data where they are accurate) or closed forms. Tolerance 1e-10 relative unless stated.
 */
class OlsTest {
    private static double[] ones(int n) {
        double[] o = new double[n];
        java.util.Arrays.fill(o, 1.0);
        return o;
    }

    @Test
    void laterCollinearColumnIsOmittedAndConstantGoesLast() {
        Random rnd = new Random(1);
        int n = 50;
        double[] x1 = new double[n];
        double[] x2 = new double[n];
        double[] x3 = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x1[i] = rnd.nextGaussian();
            x2[i] = rnd.nextGaussian();
            x3[i] = x1[i] + 2 * x2[i];
            y[i] = 1 + x1[i] - x2[i] + rnd.nextGaussian();
        }
        LinearFit f = Ols.fit(y, new double[][] {ones(n), x1, x2, x3}, new String[] {"_cons", "x1", "x2", "x3"},
                null, true);
        assertArrayEquals(new String[] {"x1", "x2", "x3", "_cons"}, f.names());
        assertArrayEquals(new boolean[] {false, false, true, false}, f.omitted());
        assertEquals(0.0, f.coef()[2]);
        assertEquals(List.of("note: x3 omitted because of collinearity"), f.notes());
        assertEquals(3, f.rank());
        assertEquals(n - 3, f.dfResid());
        assertEquals(2, f.dfModel());
        // same as fitting without x3
        LinearFit g = Ols.fit(y, new double[][] {x1, x2, ones(n)}, new String[] {"x1", "x2", "_cons"}, null, true);
        for (int j = 0; j < 2; j++) {
            assertEquals(g.coef()[j], f.coef()[j], 1e-12);
        }
        assertEquals(g.coef()[2], f.coef()[3], 1e-12);
        assertArrayEquals(new String[] {"x1", "x2", "_cons"}, f.keptNames());
    }

    @Test
    void constantIsKeptBeforeAFullSetOfDummies() {
        int n = 9;
        double[] d1 = new double[n];
        double[] d2 = new double[n];
        double[] d3 = new double[n];
        double[] y = {1, 2, 3, 5, 6, 7, 10, 11, 12};
        for (int i = 0; i < n; i++) {
            (i < 3 ? d1 : i < 6 ? d2 : d3)[i] = 1.0;
        }
        LinearFit f = Ols.fit(y, new double[][] {d1, d2, d3, ones(n)}, new String[] {"d1", "d2", "d3", "_cons"},
                null, true);
        assertTrue(f.omitted()[2], "d3, the last dummy, is dropped; _cons is kept");
        assertFalse(f.omitted()[3]);
        assertEquals(11.0, f.coef()[3], 1e-12); // _cons = mean of group 3
        assertEquals(2.0 - 11.0, f.coef()[0], 1e-12);
        assertEquals(6.0 - 11.0, f.coef()[1], 1e-12);
    }

    @Test
    void interceptOnlyGivesTheMeanAndItsStandardError() {
        double[] y = {2, 4, 4, 4, 5, 5, 7, 9};
        LinearFit f = Ols.fit(y, new double[][] {ones(8)}, new String[] {"_cons"}, null, true);
        assertEquals(5.0, f.coef()[0], 1e-14);
        double sd = Math.sqrt(32.0 / 7.0);
        assertEquals(sd, f.rmse(), 1e-14);
        assertEquals(sd / Math.sqrt(8), Math.sqrt(f.scale() * f.bread()[0][0]), 1e-14);
        assertEquals(0.0, f.r2(), 1e-14);
        assertEquals(0, f.dfModel());
        assertTrue(Double.isNaN(f.f()));
    }

    @Test
    void analyticWeightsMatchTheWeightedNormalEquations() {
        Random rnd = new Random(7);
        int n = 40;
        double[][] x = new double[3][n];
        double[] y = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            x[0][i] = rnd.nextGaussian();
            x[1][i] = rnd.nextDouble() * 3;
            x[2][i] = 1.0;
            w[i] = 0.5 + rnd.nextInt(5);
            y[i] = 0.3 + 2 * x[0][i] - x[1][i] + rnd.nextGaussian();
        }
        LinearFit f = Ols.fit(y, x, new String[] {"a", "b", "_cons"}, w, true);
        // independent: W normalised to sum n, b = (X'WX)^-1 X'Wy, s2 = sum w e^2 / (n - k)
        double sw = 0;
        for (double v : w) {
            sw += v;
        }
        RealMatrix xm = MatrixUtils.createRealMatrix(n, 3);
        RealMatrix wm = MatrixUtils.createRealMatrix(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 3; j++) {
                xm.setEntry(i, j, x[j][i]);
            }
            wm.setEntry(i, i, w[i] * n / sw);
        }
        RealMatrix xtwx = xm.transpose().multiply(wm).multiply(xm);
        RealMatrix inv = new LUDecomposition(xtwx).getSolver().getInverse();
        RealMatrix b = inv.multiply(xm.transpose()).multiply(wm).multiply(MatrixUtils.createColumnRealMatrix(y));
        RealMatrix e = MatrixUtils.createColumnRealMatrix(y).subtract(xm.multiply(b));
        double rss = e.transpose().multiply(wm).multiply(e).getEntry(0, 0);
        for (int j = 0; j < 3; j++) {
            assertEquals(b.getEntry(j, 0), f.coef()[j], 1e-10);
            for (int l = 0; l < 3; l++) {
                assertEquals(inv.getEntry(j, l), f.bread()[j][l], 1e-10 * Math.abs(inv.getEntry(j, l)) + 1e-14);
            }
        }
        assertEquals(rss, f.rss(), 1e-9 * rss);
        assertEquals(Math.sqrt(rss / (n - 3)), f.rmse(), 1e-10);
        // leverage sums to k
        double h = 0;
        for (int i = 0; i < n; i++) {
            h += f.leverage(i);
        }
        assertEquals(3.0, h, 1e-10);
    }

    @Test
    void badInputIsAUserError() {
        double[] y = {1, Double.NaN, 3};
        assertThrows(UserError.class, () -> Ols.fit(y, new double[][] {ones(3)}, new String[] {"_cons"}, null, true));
        double[] y2 = {1, 2, 3};
        assertThrows(UserError.class, () -> Ols.fit(y2, new double[][] {ones(3)}, new String[] {"_cons"},
                new double[] {1, 0, 1}, true));
        assertThrows(UserError.class, () -> Ols.fit(new double[0], new double[][] {new double[0]},
                new String[] {"_cons"}, null, true));
    }
}
