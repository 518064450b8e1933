package org.reprise.estimate.match;

import java.util.HashMap;
import java.util.Map;
import org.reprise.UserError;
import org.reprise.covariance.Vcov;
import org.reprise.covariance.VcovSpec;
import org.reprise.covariance.Vcovs;
import org.reprise.estimate.LinearFit;
import org.reprise.estimate.Ols;
import org.reprise.estimate.match.PsmDidResult.Row;

/**
 * diff's regression {@code reg y period treated _diff [cov] [aw=_weights] if ..., [robust] [cluster()]} and its
 * table: Before control = _cons, treated = _cons + treated, diff = treated; After control = _cons + post,
 * treated = _cons + post + treated + post#treated, diff = treated + post#treated; Diff-in-Diff = post#treated.
 */
final class PsmDidRegression {
    /** The regression part of a result. */
    record Out(Row before, Row after, Row did, int n, int[] cells, double r2, double df, LinearFit fit, Vcov vcov) {
    }

    private PsmDidRegression() {
    }

    /**
     * @param weight analytic weights per row (used only where {@code used}); all 1 = unweighted
     * @param used   rows of the regression
     */
    static Out fit(double[] y, boolean[] treated, boolean[] post, int[] id, double[][] cov, String[] covNames,
                   double[] weight, boolean[] used, PsmDidSpec spec, int[] cluster) {
        int n = y.length;
        int m = 0;
        int[] cells = new int[4];
        boolean weighted = false;
        for (int i = 0; i < n; i++) {
            if (used[i]) {
                m++;
                cells[(post[i] ? 2 : 0) + (treated[i] ? 1 : 0)]++;
                weighted |= weight[i] != 1.0;
            }
        }
        String[] cellName = {"controls at baseline", "treated at baseline", "controls at follow-up",
            "treated at follow-up"};
        for (int c = 0; c < 4; c++) {
            if (cells[c] == 0) {
                throw new UserError("psm-did: the DID regression has no " + cellName[c] + (spec.kernel()
                        ? " with a positive kernel weight" + (spec.support() ? " on the common support" : "") : "")
                        + "; each of the four groups (control/treated x before/after) needs observations. Check the "
                        + "treatment and period variables" + (spec.kernel() ? ", the bandwidth and the common-support "
                        + "option" : "") + ".");
            }
        }
        int k = cov.length;
        double[] ys = new double[m];
        double[] ws = new double[m];
        double[][] x = new double[4 + k][m];
        String[] names = new String[4 + k];
        names[0] = PsmDid.POST;
        names[1] = PsmDid.TREATED;
        names[2] = PsmDid.DID;
        for (int j = 0; j < k; j++) {
            names[3 + j] = covNames[j];
        }
        names[3 + k] = Ols.CONS;
        int[] rowOf = new int[m];
        int r = 0;
        for (int i = 0; i < n; i++) {
            if (!used[i]) {
                continue;
            }
            rowOf[r] = i;
            ys[r] = y[i];
            ws[r] = weight[i];
            x[0][r] = post[i] ? 1 : 0;
            x[1][r] = treated[i] ? 1 : 0;
            x[2][r] = post[i] && treated[i] ? 1 : 0;
            for (int j = 0; j < k; j++) {
                double v = cov[j][i];
                if (!Double.isFinite(v)) {
                    throw new UserError("psm-did: covariate '" + covNames[j] + "' is missing at observation "
                            + (i + 1) + "; drop rows with missing covariates before the DID regression.");
                }
                x[3 + j][r] = v;
            }
            x[3 + k][r] = 1;
            r++;
        }
        LinearFit fit = Ols.fit(ys, x, names, weighted ? ws : null, true);
        for (int j = 0; j < 3; j++) {
            if (fit.omitted()[j]) {
                throw new UserError("psm-did: the term " + names[j] + " of the DID regression is collinear with the "
                        + "others; the covariates must not reproduce the period or treatment indicators.");
            }
        }
        Vcov vcov = Vcovs.compute(fit, vcovSpec(spec), clusterCodes(spec, cluster, id, rowOf));
        Map<String, Integer> pos = new HashMap<>();
        String[] kept = fit.keptNames();
        for (int j = 0; j < kept.length; j++) {
            pos.put(kept[j], j);
        }
        double[] b = fit.keptCoef();
        double[][] v = vcov.matrix();
        int p = kept.length;
        double df = vcov.df();
        int ip = pos.get(PsmDid.POST);
        int it = pos.get(PsmDid.TREATED);
        int id3 = pos.get(PsmDid.DID);
        int ic = pos.get(Ols.CONS);
        double[] c0 = comb(p, ic);
        double[] t0 = comb(p, ic, it);
        double[] d0 = comb(p, it);
        double[] c1 = comb(p, ic, ip);
        double[] t1 = comb(p, ic, ip, it, id3);
        double[] d1 = comb(p, it, id3);
        double[] dc = comb(p, ip);
        double[] dt = comb(p, ip, id3);
        double[] dd = comb(p, id3);
        Row before = row(b, v, df, c0, t0, d0);
        Row after = row(b, v, df, c1, t1, d1);
        Row did = row(b, v, df, dc, dt, dd);
        return new Out(before, after, did, m, cells, fit.r2(), df, fit, vcov);
    }

    static VcovSpec vcovSpec(PsmDidSpec spec) {
        switch (spec.se()) {
            case ROBUST:
                return VcovSpec.robust(VcovSpec.Type.HC1);
            case CLUSTER:
                return VcovSpec.cluster(spec.clusterName() == null ? "id" : spec.clusterName());
            default:
                return VcovSpec.classical();
        }
    }

    static int[][] clusterCodes(PsmDidSpec spec, int[] cluster, int[] id, int[] rowOf) {
        if (spec.se() != PsmDidSpec.Se.CLUSTER) {
            return null;
        }
        int[] src = cluster != null ? cluster : id;
        Map<Integer, Integer> code = new HashMap<>();
        int[] out = new int[rowOf.length];
        for (int r = 0; r < rowOf.length; r++) {
            Integer c = code.get(src[rowOf[r]]);
            if (c == null) {
                c = code.size();
                code.put(src[rowOf[r]], c);
            }
            out[r] = c;
        }
        return new int[][] {out};
    }

    private static double[] comb(int p, int... idx) {
        double[] c = new double[p];
        for (int j : idx) {
            c[j] = 1;
        }
        return c;
    }

    private static Row row(double[] b, double[][] v, double df, double[] cc, double[] ct, double[] cd) {
        double mc = dot(cc, b);
        double mt = dot(ct, b);
        double d = dot(cd, b);
        double se = Math.sqrt(quad(cd, v));
        double t = d / se;
        return new Row(mc, Math.sqrt(quad(cc, v)), mt, Math.sqrt(quad(ct, v)), d, se, t, PsmDid.pValue(t, df));
    }

    private static double dot(double[] c, double[] b) {
        double s = 0;
        for (int j = 0; j < b.length; j++) {
            s += c[j] * b[j];
        }
        return s;
    }

    private static double quad(double[] c, double[][] v) {
        double s = 0;
        for (int a = 0; a < c.length; a++) {
            if (c[a] == 0) {
                continue;
            }
            for (int e = 0; e < c.length; e++) {
                s += c[a] * v[a][e] * c[e];
            }
        }
        return s;
    }
}
