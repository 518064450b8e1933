package org.reprise.simulate;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.special.Erf;

/**
 * A small probit by Newton–Raphson, for the calibration check only (test code; the product's probit lives in
 * the estimate package). Column-major design x[j][i] without the constant; the constant is added here.
 */
final class TestProbit {
    final double[] coef;
    final double logLik;
    final double logLikNull;

    private TestProbit(double[] coef, double logLik, double logLikNull) {
        this.coef = coef;
        this.logLik = logLik;
        this.logLikNull = logLikNull;
    }

    /** McFadden pseudo R², as Stata's probit and pstest report it. */
    double pseudoR2() {
        return 1.0 - logLik / logLikNull;
    }

    /** LR chi² against the constant-only model. */
    double lrChi2() {
        return 2.0 * (logLik - logLikNull);
    }

    static TestProbit fit(double[][] x, int[] y) {
        int n = y.length;
        int k = x.length + 1;
        double[] b = new double[k];
        double ll = Double.NEGATIVE_INFINITY;
        for (int iter = 0; iter < 100; iter++) {
            double[] g = new double[k];
            double[][] h = new double[k][k];
            double newLl = 0;
            double[] row = new double[k];
            for (int i = 0; i < n; i++) {
                row[0] = 1;
                for (int j = 1; j < k; j++) {
                    row[j] = x[j - 1][i];
                }
                double xb = 0;
                for (int j = 0; j < k; j++) {
                    xb += row[j] * b[j];
                }
                double q = 2.0 * y[i] - 1.0;
                double cdf = logPhiCdf(q * xb);
                newLl += cdf;
                double lambda = q * StrictMath.exp(logPhiDensity(xb) - cdf);
                double w = lambda * (lambda + xb);
                for (int j = 0; j < k; j++) {
                    g[j] += lambda * row[j];
                    for (int l = 0; l < k; l++) {
                        h[j][l] += w * row[j] * row[l];
                    }
                }
            }
            RealVector step = new LUDecomposition(new Array2DRowRealMatrix(h)).getSolver()
                    .solve(new ArrayRealVector(g));
            for (int j = 0; j < k; j++) {
                b[j] += step.getEntry(j);
            }
            if (Math.abs(newLl - ll) < 1e-10) {
                ll = newLl;
                break;
            }
            ll = newLl;
        }
        int ones = 0;
        for (int v : y) {
            ones += v;
        }
        double pbar = (double) ones / n;
        double ll0 = ones * Math.log(pbar) + (n - ones) * Math.log(1 - pbar);
        return new TestProbit(b, logLik(x, y, b), ll0);
    }

    private static double logLik(double[][] x, int[] y, double[] b) {
        double ll = 0;
        for (int i = 0; i < y.length; i++) {
            double xb = b[0];
            for (int j = 1; j < b.length; j++) {
                xb += b[j] * x[j - 1][i];
            }
            ll += logPhiCdf((2.0 * y[i] - 1.0) * xb);
        }
        return ll;
    }

    private static double logPhiCdf(double v) {
        return Math.log(0.5 * Erf.erfc(-v / Math.sqrt(2.0)));
    }

    private static double logPhiDensity(double v) {
        return -0.5 * v * v - 0.5 * Math.log(2 * Math.PI);
    }
}
