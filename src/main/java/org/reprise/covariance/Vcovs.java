package org.reprise.covariance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.reprise.UserError;

/**
 * Every covariance from one sandwich routine: V = c · B M B, where B is the fit's bread and M sums outer products of
 * its scores (statsmodels' design). Least squares and maximum likelihood are served alike: for ML the bread is the
 * inverse observed information and scale() = 1.
 *
 * <ul>
 * <li>CLASSICAL: scale() · B (sigma² (X'WX)^-1 for least squares, the inverse information for ML).</li>
 * <li>HC0: M = Σ s_i s_i'. HC1: HC0 times the small-sample factor with G = n (Stata: n/(n-k) for regress,
 * n/(n-1) for probit/logit). HC2: M = Σ s_i s_i'/(1-h_ii). HC3: M = Σ s_i s_i'/(1-h_ii)²; HC2 and HC3 take no
 * further factor (Stata's vce(hc2), vce(hc3)).</li>
 * <li>CLUSTER: M = Σ_g S_g S_g', S_g the sum of the scores in cluster g, times the small-sample factor
 * (Stata: G/(G-1)(n-1)/(n-k)).</li>
 * <li>TWOWAY (Cameron, Gelbach and Miller 2011): V = V_1 + V_2 - V_12, V_12 clustered on the intersection of the
 * two variables; each term is a one-way cluster covariance with its own factor G_c/(G_c-1)(n-1)/(n-k), as Stata's
 * cgmreg computes it from three clustered regressions. If V is not positive semi-definite, its negative eigenvalues
 * are set to zero (the fix CGM propose, used by cgmreg) and a note says so; otherwise V is left untouched.
 * t tests use min(G_1, G_2) - 1 degrees of freedom.</li>
 * </ul>
 */
public final class Vcovs {
    private Vcovs() {
    }

    /**
     * @param fit          the fit's bread and scores
     * @param spec         what to compute
     * @param clusterCodes one array per cluster variable of spec (in order), codes 0..G-1 over the fit's
     *                     observations; null or empty when not clustered
     */
    public static Vcov compute(Scored fit, VcovSpec spec, int[][] clusterCodes) {
        SmallSample ssc = spec.ssc() != null ? spec.ssc() : SmallSample.defaultFor(fit);
        VcovSpec used = spec.with(ssc);
        int n = fit.nobs();
        int k = fit.rank();
        int a = fit.absorbed();
        double[][] bread = fit.bread();
        double df = fit.asymptotic() ? Double.POSITIVE_INFINITY : fit.dfResid();
        List<String> notes = new ArrayList<>();
        int need = spec.type().clusterVariables();
        if (need > 0 && (clusterCodes == null || clusterCodes.length != need)) {
            throw new IllegalArgumentException(spec.type() + " needs " + need + " cluster code arrays");
        }
        switch (spec.type()) {
            case CLASSICAL: {
                double s = fit.scale();
                double[][] v = new double[k][k];
                for (int r = 0; r < k; r++) {
                    for (int c = 0; c < k; c++) {
                        v[r][c] = s * bread[r][c];
                    }
                }
                String label = fit.asymptotic() ? "Standard errors from the observed information matrix"
                        : "Conventional standard errors";
                return new Vcov(v, used, label, df, new int[0], List.of());
            }
            case HC0:
            case HC1:
            case HC2:
            case HC3: {
                double[][] meat = heteroskedasticMeat(fit, spec.type());
                double c = spec.type() == VcovSpec.Type.HC1 ? ssc.factor(n, n, k, a) : 1.0;
                double[][] v = sandwich(bread, meat, c);
                return new Vcov(v, used, "Robust standard errors (" + spec.type().text() + ")", df, new int[0],
                        List.of());
            }
            case CLUSTER: {
                int[] codes = clusterCodes[0];
                check(codes, n, spec.clusters().get(0));
                int g = distinct(codes);
                requireClusters(g, spec.clusters().get(0));
                double[][] v = sandwich(bread, clusterMeat(fit, codes), ssc.factor(g, n, k, a));
                double dfc = fit.asymptotic() ? Double.POSITIVE_INFINITY : g - 1;
                String label = "Standard errors clustered by " + spec.clusters().get(0) + " (" + g + " clusters)";
                return new Vcov(v, used, label, dfc, new int[] {g}, List.of());
            }
            case TWOWAY: {
                int[] c1 = clusterCodes[0];
                int[] c2 = clusterCodes[1];
                String n1 = spec.clusters().get(0);
                String n2 = spec.clusters().get(1);
                check(c1, n, n1);
                check(c2, n, n2);
                int[] c12 = intersect(c1, c2);
                int g1 = distinct(c1);
                int g2 = distinct(c2);
                int g12 = distinct(c12);
                requireClusters(g1, n1);
                requireClusters(g2, n2);
                double[][] v1 = sandwich(bread, clusterMeat(fit, c1), ssc.factor(g1, n, k, a));
                double[][] v2 = sandwich(bread, clusterMeat(fit, c2), ssc.factor(g2, n, k, a));
                double[][] v12 = g12 > 1 ? sandwich(bread, clusterMeat(fit, c12), ssc.factor(g12, n, k, a))
                        : new double[k][k];
                double[][] v = new double[k][k];
                for (int r = 0; r < k; r++) {
                    for (int c = 0; c < k; c++) {
                        v[r][c] = v1[r][c] + v2[r][c] - v12[r][c];
                    }
                }
                v = repairIfNotPsd(v, notes);
                double dfc = fit.asymptotic() ? Double.POSITIVE_INFINITY : Math.min(g1, g2) - 1;
                String label = "Standard errors clustered by " + n1 + " and " + n2 + " (" + g1 + " and " + g2
                        + " clusters)";
                return new Vcov(v, used, label, dfc, new int[] {g1, g2}, List.copyOf(notes));
            }
            default:
                throw new IllegalStateException(spec.type().toString());
        }
    }

    private static double[][] heteroskedasticMeat(Scored fit, VcovSpec.Type type) {
        int n = fit.nobs();
        int k = fit.rank();
        double[][] meat = new double[k][k];
        double[] s = new double[k];
        for (int i = 0; i < n; i++) {
            fit.score(i, s);
            double q = 1.0;
            if (type == VcovSpec.Type.HC2 || type == VcovSpec.Type.HC3) {
                double h = fit.leverage(i);
                if (Double.isNaN(h)) {
                    throw new UserError(type + " standard errors need leverages, which this estimator does not "
                            + "define (maximum-likelihood fits). Use vcov: hc1 (robust) or cluster instead.");
                }
                q = type == VcovSpec.Type.HC2 ? 1.0 / (1.0 - h) : 1.0 / ((1.0 - h) * (1.0 - h));
                if (h >= 1.0 - 1e-12) {
                    q = 0.0; // an observation fitted exactly (h = 1) has a zero residual: it adds nothing
                }
            }
            addOuter(meat, s, q);
        }
        return meat;
    }

    private static double[][] clusterMeat(Scored fit, int[] codes) {
        int n = fit.nobs();
        int k = fit.rank();
        int max = 0;
        for (int c : codes) {
            max = Math.max(max, c);
        }
        double[][] sums = new double[max + 1][k];
        double[] s = new double[k];
        for (int i = 0; i < n; i++) {
            fit.score(i, s);
            double[] t = sums[codes[i]];
            for (int j = 0; j < k; j++) {
                t[j] += s[j];
            }
        }
        double[][] meat = new double[k][k];
        for (double[] t : sums) {
            addOuter(meat, t, 1.0);
        }
        return meat;
    }

    private static void addOuter(double[][] m, double[] s, double q) {
        int k = s.length;
        for (int r = 0; r < k; r++) {
            double sr = q * s[r];
            for (int c = 0; c < k; c++) {
                m[r][c] += sr * s[c];
            }
        }
    }

    /** c · B M B, symmetrised. */
    static double[][] sandwich(double[][] b, double[][] m, double c) {
        int k = b.length;
        double[][] bm = new double[k][k];
        for (int r = 0; r < k; r++) {
            for (int l = 0; l < k; l++) {
                double brl = b[r][l];
                for (int col = 0; col < k; col++) {
                    bm[r][col] += brl * m[l][col];
                }
            }
        }
        double[][] v = new double[k][k];
        for (int r = 0; r < k; r++) {
            for (int col = 0; col < k; col++) {
                double s = 0.0;
                for (int l = 0; l < k; l++) {
                    s += bm[r][l] * b[l][col];
                }
                v[r][col] = c * s;
            }
        }
        for (int r = 0; r < k; r++) {
            for (int col = r + 1; col < k; col++) {
                double avg = 0.5 * (v[r][col] + v[col][r]);
                v[r][col] = avg;
                v[col][r] = avg;
            }
        }
        return v;
    }

    private static double[][] repairIfNotPsd(double[][] v, List<String> notes) {
        int k = v.length;
        if (k == 0) {
            return v;
        }
        RealMatrix m = MatrixUtils.createRealMatrix(v);
        EigenDecomposition e = new EigenDecomposition(m);
        double[] ev = e.getRealEigenvalues();
        boolean negative = false;
        for (double x : ev) {
            if (x < 0) {
                negative = true;
            }
        }
        if (!negative) {
            return v;
        }
        double[][] d = new double[k][k];
        for (int j = 0; j < k; j++) {
            d[j][j] = Math.max(ev[j], 0.0);
        }
        RealMatrix q = e.getV();
        RealMatrix fixed = q.multiply(MatrixUtils.createRealMatrix(d)).multiply(q.transpose());
        notes.add("The two-way clustered covariance was not positive semi-definite; its negative eigenvalues were "
                + "set to zero (Cameron, Gelbach and Miller 2011).");
        return fixed.getData();
    }

    private static void check(int[] codes, int n, String name) {
        if (codes.length != n) {
            throw new IllegalArgumentException("cluster " + name + ": " + codes.length + " codes for " + n + " obs");
        }
        for (int i = 0; i < n; i++) {
            if (codes[i] < 0) {
                throw new UserError("Cluster variable '" + name + "' is missing at observation " + (i + 1)
                        + " of the estimation sample. Drop rows with a missing cluster variable (listwise deletion) "
                        + "or cluster on a variable that is always present.");
            }
        }
    }

    private static void requireClusters(int g, String name) {
        if (g < 2) {
            throw new UserError("Cluster variable '" + name + "' takes only " + g + " value in the estimation sample; "
                    + "clustered standard errors need at least 2 clusters (and many more to be reliable). Cluster on "
                    + "another variable or use vcov: hc1.");
        }
    }

    /** Number of distinct codes present. */
    static int distinct(int[] codes) {
        int max = -1;
        for (int c : codes) {
            max = Math.max(max, c);
        }
        boolean[] seen = new boolean[max + 1];
        int g = 0;
        for (int c : codes) {
            if (!seen[c]) {
                seen[c] = true;
                g++;
            }
        }
        return g;
    }

    /** Dense codes of the pairs (a_i, b_i), in order of first appearance. */
    static int[] intersect(int[] a, int[] b) {
        Map<Long, Integer> ids = new HashMap<>();
        int[] out = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            long key = ((long) a[i] << 32) | (b[i] & 0xffffffffL);
            Integer id = ids.get(key);
            if (id == null) {
                id = ids.size();
                ids.put(key, id);
            }
            out[i] = id;
        }
        return out;
    }
}
