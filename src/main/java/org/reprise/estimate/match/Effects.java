package org.reprise.estimate.match;

import org.reprise.estimate.match.MatchResult.Effect;

/**
 * Treatment effects and standard errors exactly as psmatch2 4.0.12's {@code _mktab} computes them.
 * <ul>
 * <li>ATT = mean(y | T=1, on support) - mean(matched y | T=1, on support); ATU likewise on the controls;
 *     ATE = (N1 ATT + N0 ATU) / (N0 + N1).</li>
 * <li>Approximate SE (default): sqrt(Var1/N1 + Var0 sum(w_c^2)/N1^2), Var1 = sample variance (n-1) of y over
 *     treated on support, Var0 = sample variance of y over controls with weight &gt; 0, w_c^2 stored as a Stata
 *     float (psmatch2 generates it with the default float type). It treats the weights as fixed and the
 *     observations as independent, and ignores that the score is estimated. ATU/ATE: psmatch2 4.0.12 reports none.</li>
 * <li>Abadie-Imbens (2006): sigma^2_i = J/(J+1) (y_i - mean of y over i's J same-group neighbours)^2 (their
 *     eq. 14; or Abadie et al. 2004 with altvariance); sample variance (Theorem 6):
 *     V_ATT = sum_i sigma^2_i (T_i - (1-T_i) w_i)^2 / N1^2; population (Theorem 7):
 *     V_ATT = [sum_T (y_i - yhat_i - ATT)^2 + sum_C (w_i^2 - w_i/k) sigma^2_i] / N1^2, with w_i = K_M(i)/M.</li>
 * </ul>
 */
final class Effects {
    private Effects() {
    }

    static Effect[] compute(double[] score, boolean[] treated, double[][] y, MatchSpec spec, State st, Pool poolT,
                            Pool poolC) {
        int n = score.length;
        boolean[] sup = st.support;
        double[] w = st.weight;
        double[][] self = spec.aiNeighbours() > 0 ? selfMatch(score, treated, y, spec, st, poolT, poolC) : null;
        Effect[] out = new Effect[y.length];
        for (int j = 0; j < y.length; j++) {
            double[] v = y[j];
            double[] mv = st.matched[j];
            // one pass for every sum (each over its own rows in index order): treated on support; controls on
            // support; controls on support with _weight < . (psmatch2: non-zero, local linear weights may be
            // negative) for Var0 and sum(w^2)
            double s1 = 0;
            double sm1 = 0;
            int n1 = 0;
            double s0 = 0;
            double sm0 = 0;
            int n0 = 0;
            double sw0 = 0;
            int nw0 = 0;
            double wtot = 0;
            boolean both = spec.ate();
            for (int i = 0; i < n; i++) {
                if (!sup[i]) {
                    continue;
                }
                if (treated[i]) {
                    s1 += v[i];
                    sm1 += mv[i];
                    n1++;
                } else {
                    s0 += v[i];
                    n0++;
                    if (both) {
                        sm0 += mv[i];
                    }
                    if (w[i] != 0) {
                        sw0 += v[i];
                        nw0++;
                        wtot += (double) (float) (w[i] * w[i]);
                    }
                }
            }
            double m1t = s1 / n1;
            double m0t = sm1 / n1;
            double att = m1t - m0t;
            double atu = Double.NaN;
            double ate = Double.NaN;
            if (spec.ate()) {
                atu = sm0 / n0 - s0 / n0;
                ate = att * n1 / (n0 + n1) + atu * n0 / (n0 + n1);
            }
            // sample variances (n - 1) about the means, second pass
            double a1 = s1 / n1;
            double a0 = sw0 / nw0;
            double ss1 = 0;
            double ss0 = 0;
            for (int i = 0; i < n; i++) {
                if (!sup[i]) {
                    continue;
                }
                if (treated[i]) {
                    ss1 += (v[i] - a1) * (v[i] - a1);
                } else if (w[i] != 0) {
                    ss0 += (v[i] - a0) * (v[i] - a0);
                }
            }
            double var1 = n1 < 2 ? Double.NaN : ss1 / (n1 - 1);
            double var0 = nw0 < 2 ? Double.NaN : ss0 / (nw0 - 1);
            // psmatch2 prints no S.E. for llr with the tricube kernel
            boolean none = spec.method() == MatchSpec.Method.LLR && spec.kernel() == MatchSpec.Kernel.TRICUBE;
            double seAtt = none ? Double.NaN : Math.sqrt(var1 / n1 + var0 * wtot / ((double) n1 * n1));
            double aiT = Double.NaN;
            double aiU = Double.NaN;
            double aiE = Double.NaN;
            if (self != null) {
                double[] ai = ai(treated, v, mv, self[j], spec, st, att, atu, ate, n1, n0);
                aiT = ai[0];
                aiU = ai[1];
                aiE = ai[2];
            }
            out[j] = new Effect(m1t, m0t, att, seAtt, atu, ate, aiT, aiU, aiE);
        }
        return out;
    }

    /** sigma^2_i for every unit of the common support (psmatch2 matches within group over the initial pools). */
    private static double[][] selfMatch(double[] score, boolean[] treated, double[][] y, MatchSpec spec, State st,
                                        Pool poolT, Pool poolC) {
        int n = score.length;
        int jn = spec.aiNeighbours();
        double[][] sig = new double[y.length][n];
        for (Pool pool : new Pool[] {poolT, poolC}) {
            Nearest nn = new Nearest(pool, jn, spec.caliper(), spec.ties());
            for (int pos = 0; pos < pool.n; pos++) {
                int unit = pool.id[pos];
                int size = nn.find(pool.v[pos], pos);
                for (int j = 0; j < y.length; j++) {
                    double[] v = y[j];
                    double mean = 0;
                    for (int e = 0; e < size; e++) {
                        mean += v[pool.id[nn.buf[e]]] / size;
                    }
                    double s;
                    if (!spec.altVariance()) {
                        double d = v[unit] - mean;
                        s = (double) jn / (jn + 1) * d * d;
                    } else if (size > 0) {
                        double m = (size * mean + v[unit]) / (size + 1);
                        double acc = (v[unit] - m) * (v[unit] - m);
                        for (int e = 0; e < size; e++) {
                            double d = v[pool.id[nn.buf[e]]] - m;
                            acc += d * d;
                        }
                        s = acc / size;
                    } else {
                        s = 0;
                    }
                    sig[j][unit] = s;
                }
            }
        }
        return sig;
    }

    private static double[] ai(boolean[] treated, double[] v, double[] mv, double[] sig, MatchSpec spec, State st,
                               double att, double atu, double ate, int n1, int n0) {
        double k = spec.k();
        double et = 0;
        double eu = 0;
        double ee = 0;
        for (int i = 0; i < v.length; i++) {
            if (!st.support[i]) {
                continue;
            }
            double t = treated[i] ? 1 : 0;
            double w = Math.max(st.weight[i], 0);
            double s = sig[i];
            if (!spec.aiPopulation()) {
                double a = t - (1 - t) * w;
                et += s * a * a;
                double b = (1 - t) - t * w;
                eu += s * b * b;
                ee += s * (1 + w) * (1 + w);
            } else {
                if (t == 1) {
                    double d = v[i] - mv[i] - att;
                    et += d * d;
                    eu += (w * w - w / k) * s;
                    if (spec.ate()) {
                        double e = v[i] - mv[i] - ate;
                        ee += e * e;
                    }
                } else {
                    et += (w * w - w / k) * s;
                    if (spec.ate()) {
                        double d = mv[i] - v[i] - atu;
                        eu += d * d;
                        double e = mv[i] - v[i] - ate;
                        ee += e * e;
                    }
                }
                ee += (w * w + 2 * w - w / k) * s;
            }
        }
        double seT = Math.sqrt(et) / n1;
        if (!spec.ate()) {
            return new double[] {seT, Double.NaN, Double.NaN};
        }
        return new double[] {seT, Math.sqrt(eu) / n0, Math.sqrt(ee) / (n0 + n1)};
    }
}
