package org.reprise.estimate;

import java.util.ArrayList;
import java.util.List;
import org.reprise.UserError;

/**
 * Linear least squares by Householder QR with order-keeping column pivoting (never the normal equations).
 *
 * <p><b>Rank.</b> Columns are considered with {@code _cons} first, then in the order given. A column is omitted
 * for collinearity when the norm of what is left of it after projecting out the columns already kept is at most
 * {@link #RANK_TOL} = 1e-10 times its own (weighted) norm. Hence, as in Stata, the constant is kept in preference to
 * anything, and of two collinear regressors the earlier is kept and the later is omitted with the note
 * {@code "note: x2 omitted because of collinearity"}. (The tolerance sits far above what rounding leaves of an
 * exactly collinear column, about 1e-15, and far below the 5e-8 that x^10 keeps in the ill-conditioned NIST Filip
 * polynomial, which R's default 1e-7 wrongly drops.)
 *
 * <p><b>Accuracy.</b> The QR solution is improved by three steps of Björck's iterative refinement of the augmented
 * system, with residuals accumulated in twice double precision ({@link Dot2}); residuals are computed the same
 * way. (X'WX)^-1 is formed as R^-1 R^-T, never by inverting the cross-product matrix. On the NIST StRD linear
 * least-squares suite every certified value is matched to at least 13 significant digits except Filip (about 7.3,
 * the limit set by rounding its data to doubles).
 *
 * <p><b>Weights</b> are analytic weights as Stata's {@code aweight}: rescaled to sum to n, then every sum of squares
 * and every score is weighted. They must be positive and finite.
 */
public final class Ols {
    /** Relative tolerance of the rank decision (see class comment). */
    public static final double RANK_TOL = 1e-10;
    /** Name of the intercept column. */
    public static final String CONS = "_cons";
    private static final int REFINEMENTS = 3;

    private Ols() {
    }

    /**
     * Fits y on the columns of x.
     *
     * @param y           outcome, length n
     * @param x           regressors, column-major x[j][i]; the intercept, if any, is a column of ones named {@code _cons}
     * @param names       one name per column
     * @param weights     analytic weights (Stata aweights, normalised to sum n), or null for unweighted
     * @param hasConstant the model has an intercept: an explicit {@code _cons} column, or one implied by the columns
     *                    (like Stata's {@code hascons}); makes tss centred and leaves the constant out of F
     * @return the fit; {@code _cons} is last in its output order
     */
    public static LinearFit fit(double[] y, double[][] x, String[] names, double[] weights, boolean hasConstant) {
        return fit(y, x, names, weights, hasConstant, 0);
    }

    /** As {@link #fit(double[], double[][], String[], double[], boolean)}, with absorbed parameters removed from dfResid. */
    static LinearFit fit(double[] y, double[][] x, String[] names, double[] weights, boolean hasConstant,
                         int absorbed) {
        int n = y.length;
        int p = x.length;
        check(y, x, names, weights);
        if (n == 0) {
            throw new UserError("The regression has no observations: every row was dropped (missing values or the "
                    + "if: condition). Check the variables of the model and the sample restriction.");
        }
        int cons = -1;
        for (int j = 0; j < p; j++) {
            if (CONS.equals(names[j])) {
                cons = j;
            }
        }
        if (cons >= 0 && !hasConstant) {
            throw new IllegalArgumentException("a _cons column was passed with hasConstant = false");
        }
        // output order: as given, _cons last; processing order: _cons first, then as given
        int[] out = new int[p];
        int[] proc = new int[p];
        int o = 0;
        int q = 0;
        if (cons >= 0) {
            proc[q++] = cons;
        }
        for (int j = 0; j < p; j++) {
            if (j != cons) {
                out[o++] = j;
                proc[q++] = j;
            }
        }
        if (cons >= 0) {
            out[o] = cons;
        }
        double[] w = normalise(weights, n);
        double[] sw = new double[n];
        for (int i = 0; i < n; i++) {
            sw[i] = w == null ? 1.0 : Math.sqrt(w[i]);
        }
        double[][] xw = new double[p][n];
        for (int j = 0; j < p; j++) {
            for (int i = 0; i < n; i++) {
                xw[j][i] = x[j][i] * sw[i];
            }
        }
        double[] yw = new double[n];
        for (int i = 0; i < n; i++) {
            yw[i] = y[i] * sw[i];
        }
        PivotedQr qr = new PivotedQr(xw, proc, RANK_TOL);
        int k = qr.rank();
        int[] keptProc = qr.kept();
        double[] b = qr.solveR(qr.qtApply(yw));
        refine(qr, xw, keptProc, yw, b);
        // processing position of each column, and the kept columns in output order
        int[] posOf = new int[p];
        java.util.Arrays.fill(posOf, -1);
        for (int c = 0; c < k; c++) {
            posOf[keptProc[c]] = c;
        }
        String[] outNames = new String[p];
        double[] coef = new double[p];
        boolean[] omitted = new boolean[p];
        int[] keptOut = new int[k];
        double[][] keptX = new double[k][];
        List<String> notes = new ArrayList<>();
        int kc = 0;
        for (int m = 0; m < p; m++) {
            int j = out[m];
            outNames[m] = names[j];
            omitted[m] = qr.omitted(j);
            if (!omitted[m]) {
                coef[m] = b[posOf[j]];
                keptOut[kc] = posOf[j];
                keptX[kc] = x[j];
                kc++;
            } else {
                notes.add("note: " + names[j] + " omitted because of collinearity");
            }
        }
        double[][] rinv = qr.rInverse();
        double[][] bread = new double[k][k];
        for (int a = 0; a < k; a++) {
            for (int c = 0; c < k; c++) {
                int pa = keptOut[a];
                int pc = keptOut[c];
                double s = 0.0;
                for (int m = Math.max(pa, pc); m < k; m++) {
                    s += rinv[pa][m] * rinv[pc][m];
                }
                bread[a][c] = s;
            }
        }
        double[] fitted = new double[n];
        double[] resid = new double[n];
        double[] lev = new double[n];
        double[] xi = new double[k];
        for (int i = 0; i < n; i++) {
            Dot2 e = new Dot2();
            e.add(y[i]);
            for (int c = 0; c < k; c++) {
                double v = x[keptProc[c]][i];
                e.add(-v, b[c]);
                xi[c] = v * sw[i];
            }
            resid[i] = e.value();
            fitted[i] = y[i] - resid[i];
            double[] z = qr.solveRt(xi);
            double h = 0.0;
            for (double zz : z) {
                h += zz * zz;
            }
            lev[i] = h;
        }
        double rss = 0.0;
        double ybar = 0.0;
        for (int i = 0; i < n; i++) {
            double wi = w == null ? 1.0 : w[i];
            rss += wi * resid[i] * resid[i];
            ybar += wi * y[i];
        }
        ybar = hasConstant ? ybar / n : 0.0;
        double tss = 0.0;
        for (int i = 0; i < n; i++) {
            double wi = w == null ? 1.0 : w[i];
            double d = y[i] - ybar;
            tss += wi * d * d;
        }
        int dfResid = n - k - absorbed;
        int dfModel = hasConstant ? Math.max(k - 1, 0) : k;
        double r2 = tss > 0 ? 1.0 - rss / tss : Double.NaN;
        int c0 = hasConstant ? 1 : 0;
        double adjR2 = dfResid > 0 ? 1.0 - (1.0 - r2) * (n - c0) / dfResid : Double.NaN;
        double rmse = dfResid > 0 ? Math.sqrt(rss / dfResid) : Double.NaN;
        double f = dfModel > 0 && dfResid > 0 ? ((tss - rss) / dfModel) / (rss / dfResid) : Double.NaN;
        return new LinearFit(outNames, coef, omitted, fitted, resid, w, n, k, rss, tss, r2, adjR2, rmse, f,
                dfModel, dfResid, hasConstant, absorbed, bread, lev, keptX, List.copyOf(notes));
    }

    /**
     * Björck's iterative refinement of the augmented system [I A; A' 0][r; b] = [y; 0], with the residuals of both
     * equations accumulated in twice the working precision ({@link Dot2}) and corrections solved with the QR
     * factors. Unlike refining b alone, this also removes the cond(A)^2 * |r| error term of large-residual problems.
     */
    private static void refine(PivotedQr qr, double[][] a, int[] kept, double[] y, double[] b) {
        int n = y.length;
        int k = b.length;
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            Dot2 d = new Dot2();
            d.add(y[i]);
            for (int c = 0; c < k; c++) {
                d.add(-a[kept[c]][i], b[c]);
            }
            r[i] = d.value();
        }
        for (int it = 0; it < REFINEMENTS; it++) {
            double[] f = new double[n];
            for (int i = 0; i < n; i++) {
                Dot2 d = new Dot2();
                d.add(y[i]);
                d.add(-r[i]);
                for (int c = 0; c < k; c++) {
                    d.add(-a[kept[c]][i], b[c]);
                }
                f[i] = d.value();
            }
            double[] g = new double[k];
            for (int c = 0; c < k; c++) {
                Dot2 d = new Dot2();
                double[] col = a[kept[c]];
                for (int i = 0; i < n; i++) {
                    d.add(-col[i], r[i]);
                }
                g[c] = d.value();
            }
            double[] h = qr.solveRt(g);
            double[] qf = qr.qtApply(f);
            double[] rhs = new double[k];
            for (int c = 0; c < k; c++) {
                rhs[c] = qf[c] - h[c];
            }
            double[] dx = qr.solveR(rhs);
            double[] z = qf.clone();
            System.arraycopy(h, 0, z, 0, k);
            double[] dr = qr.qApply(z);
            for (int c = 0; c < k; c++) {
                b[c] += dx[c];
            }
            for (int i = 0; i < n; i++) {
                r[i] += dr[i];
            }
        }
    }

    private static void check(double[] y, double[][] x, String[] names, double[] weights) {
        int n = y.length;
        if (names.length != x.length) {
            throw new IllegalArgumentException(names.length + " names for " + x.length + " columns");
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(y[i])) {
                throw new UserError("The outcome has a missing or non-finite value at observation " + (i + 1)
                        + " of the estimation sample. Drop such rows (listwise deletion) before fitting.");
            }
        }
        for (int j = 0; j < x.length; j++) {
            if (x[j].length != n) {
                throw new IllegalArgumentException("column " + names[j] + " has " + x[j].length + " rows, y has " + n);
            }
            for (int i = 0; i < n; i++) {
                if (!Double.isFinite(x[j][i])) {
                    throw new UserError("Regressor '" + names[j] + "' has a missing or non-finite value at observation "
                            + (i + 1) + " of the estimation sample. Drop such rows (listwise deletion) before fitting.");
                }
            }
        }
        if (weights != null) {
            if (weights.length != n) {
                throw new IllegalArgumentException(weights.length + " weights for " + n + " observations");
            }
            for (int i = 0; i < n; i++) {
                if (!(weights[i] > 0) || !Double.isFinite(weights[i])) {
                    throw new UserError("The weight at observation " + (i + 1) + " of the estimation sample is "
                            + weights[i] + "; analytic weights must be positive and finite. Drop rows with zero, "
                            + "negative or missing weights with an if: condition.");
                }
            }
        }
    }

    /** Analytic weights rescaled to sum to n (Stata's aweight convention); null stays null. */
    static double[] normalise(double[] weights, int n) {
        if (weights == null) {
            return null;
        }
        double sum = 0.0;
        for (double v : weights) {
            sum += v;
        }
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = weights[i] * n / sum;
        }
        return w;
    }
}
