package org.reprise.simulate;

import java.util.List;
import java.util.Locale;

/**
 * Development tool, not a test: searches the selection and income parameters on a large simulated population so
 * that pooled group means hit Table 3 and true vulnerability hits Table 1 and Table 4. Prints Java literals to
 * paste into {@link Params#calibrated()}. Params.DEFAULT came from the argument 0.8 (factor-loading scale κ, loadings
 * = κ/100 × Table 3 %bias), chosen so the pooled probit pseudo R² is near 0.362 (κ = 0, 0.6, 0.8, 1.0 gave
 * 0.456, 0.393, 0.359, 0.331). Run from the project folder:
 * java -cp target/classes:target/test-classes:DEPENDENCIES org.reprise.simulate.CalibrationSearch 0.8
 */
public final class CalibrationSearch {
    private static final int BIG = 200_000;

    public static void main(String[] args) {
        Params p = Params.start();
        if (args.length > 0) {
            p = withLoadingScale(p, Double.parseDouble(args[0]));
        }
        p = withHouseholds(p, BIG);
        p = calibrateSelection(p);
        List<Row> rows = Simulator.generate(7L, p);
        report(rows);
        pseudoR2(rows);
        if (args.length > 1) {
            return;
        }
        p = calibrateIncome(p, rows);
        rows = Simulator.generate(7L, p);
        Truth t = Truth.of(rows, 7L, p);
        System.out.println(Truth.json(t));
    }

    static Params withLoadingScale(Params p, double kappa) {
        Params.Marginals m = p.marginals();
        Params.Marginals m2 = new Params.Marginals(m.regionShares(), Params.scaled(Params.TABLE3_BIAS, kappa / 100),
                m.ageMean(), m.ageSd(), m.healthProbs(), m.healthPersistence(), m.jobP(), m.famsizeMean(),
                m.famsizeSd(), m.machineShare(), m.machineExtraMean(), m.subsidyP(), m.distanceShape(),
                m.distanceScale(), m.hroadPower(), m.lampP(), m.eduProbs(), m.abilityP(), m.tworkP());
        return new Params(p.households(), m2, p.churn(), p.selection(), p.income(), p.lines());
    }

    static Params withHouseholds(Params p, int n) {
        return new Params(n, p.marginals(), p.churn(), p.selection(), p.income(), p.lines());
    }

    /**
     * Fixed-point search for the selection probit. The covariates do not depend on the selection parameters, so
     * they are drawn once; participation is recomputed from them with a fixed set of probit errors at each step
     * (damped update of each coefficient by the gap between the target and the simulated treated − control
     * difference of the pooled means, over the covariate's variance; the intercept keeps the share of treated).
     */
    static Params calibrateSelection(Params p) {
        List<Row> rows = Simulator.generate(7L, p);
        int hh = rows.size() / 2;
        double[] u = new double[hh];
        Sampler s = new Sampler(11L);
        for (int i = 0; i < hh; i++) {
            u[i] = s.normal();
        }
        double[] coef = new double[12];
        double intercept = Sampler.phiInverse(PaperTargets.T_SHARE);
        int[] t = new int[hh];
        for (int iter = 0; iter < 3000; iter++) {
            Params.Selection sel = new Params.Selection(intercept, coef.clone());
            for (int i = 0; i < hh; i++) {
                t[i] = Simulator.participation(sel, rows.get(2 * i).x(), u[i]);
            }
            double[][] g = groupMeans(rows, t);
            double share = g[2][0];
            double maxGap = 0;
            for (int j = 0; j < 12; j++) {
                double target = PaperTargets.SELECTION_TREATED[j] - PaperTargets.SELECTION_CONTROL[j];
                double got = g[0][j] - g[1][j];
                double var = PaperTargets.SD[j] * PaperTargets.SD[j];
                coef[j] += 0.3 * (target - got) / var;
                maxGap = Math.max(maxGap, Math.abs(target - got) / PaperTargets.SD[j]);
            }
            intercept += 0.5 * (Sampler.phiInverse(PaperTargets.T_SHARE) - Sampler.phiInverse(share));
            if (iter % 100 == 0) System.out.printf(Locale.ROOT, "iter %d share %.4f max std gap %.4f%n", iter, share, maxGap);
            if (maxGap < 0.001 && Math.abs(share - PaperTargets.T_SHARE) < 0.0005) {
                System.out.printf(Locale.ROOT, "converged at iter %d share %.4f max std gap %.4f%n", iter, share, maxGap);
                break;
            }
        }
        System.out.println("SELECTION intercept " + intercept + " coef " + java.util.Arrays.toString(coef));
        return new Params(p.households(), p.marginals(), p.churn(), new Params.Selection(intercept, coef),
                p.income(), p.lines());
    }

    /** Group means with participation t per household (rows are household-major, 2014 then 2016). */
    static double[][] groupMeans(List<Row> rows, int[] t) {
        double[][] sum = new double[2][12];
        int[] n = new int[2];
        for (int r = 0; r < rows.size(); r++) {
            int g = t[r / 2] == 1 ? 0 : 1;
            n[g]++;
            double[] x = rows.get(r).x();
            for (int j = 0; j < 12; j++) {
                sum[g][j] += x[j];
            }
        }
        for (int g = 0; g < 2; g++) {
            for (int j = 0; j < 12; j++) {
                sum[g][j] /= n[g];
            }
        }
        return new double[][] {sum[0], sum[1], {(double) n[0] / (n[0] + n[1])}};
    }

    /** [0] treated means, [1] control means, [2][0] treated share; pooled over both waves. */
    static double[][] groupMeans(List<Row> rows) {
        double[][] sum = new double[2][12];
        int[] n = new int[2];
        for (Row r : rows) {
            int g = r.t() == 1 ? 0 : 1;
            n[g]++;
            for (int j = 0; j < 12; j++) {
                sum[g][j] += r.x()[j];
            }
        }
        for (int g = 0; g < 2; g++) {
            for (int j = 0; j < 12; j++) {
                sum[g][j] /= n[g];
            }
        }
        return new double[][] {sum[0], sum[1], {(double) n[0] / (n[0] + n[1])}};
    }

    static void report(List<Row> rows) {
        double[][] g = groupMeans(rows);
        System.out.printf(Locale.ROOT, "share T %.4f%n", g[2][0]);
        for (int j = 0; j < 12; j++) {
            double s = 0;
            double ss = 0;
            for (Row r : rows) {
                s += r.x()[j];
                ss += r.x()[j] * r.x()[j];
            }
            int n = rows.size();
            double m = s / n;
            double sd = Math.sqrt((ss - n * m * m) / (n - 1));
            System.out.printf(Locale.ROOT, "%-9s mean %8.4f (%8.4f) sd %8.4f (%8.4f) T %8.4f (%8.4f) C %8.4f (%8.4f)%n",
                    Params.COVARIATES.get(j), m, PaperTargets.MEAN[j], sd, PaperTargets.SD[j], g[0][j],
                    PaperTargets.SELECTION_TREATED[j], g[1][j], PaperTargets.SELECTION_CONTROL[j]);
        }
    }

    static final double[] TARGET_ATT = {-0.185, -0.125};

    /** Vul1 mean, Vul1 SD, Vul3 mean, ATT east, ATT central-west (Vul1), from the covariates of rows. */
    static double[] stats(List<Row> rows, Params.Income inc, PovertyLines pl) {
        double l1 = Math.log(pl.z1());
        double l3 = Math.log(pl.z3());
        double s1 = 0, ss1 = 0, s3 = 0;
        double[] att = new double[2];
        int[] na = new int[2];
        for (Row r : rows) {
            double mean = inc.beta0();
            double var = inc.theta0();
            for (int j = 0; j < 12; j++) {
                mean += inc.beta()[j] * r.x()[j];
                var += inc.theta()[j] * r.x()[j];
            }
            double sd = Math.sqrt(var);
            double effect = 0;
            int g = r.region().equals("east") ? 0 : 1;
            if (r.t() == 1 && r.year() == 2016) {
                effect = g == 0 ? inc.effectEast() : inc.effectCentralWest();
                att[g] += Sampler.phi((l1 - mean - effect) / sd) - Sampler.phi((l1 - mean) / sd);
                na[g]++;
            }
            double v1 = Sampler.phi((l1 - mean - effect) / sd);
            s1 += v1;
            ss1 += v1 * v1;
            s3 += Sampler.phi((l3 - mean - effect) / sd);
        }
        int n = rows.size();
        double m1 = s1 / n;
        return new double[] {m1, Math.sqrt(ss1 / n - m1 * m1), s3 / n, att[0] / na[0], att[1] / na[1]};
    }

    static Params.Income income(double beta0, double k, double st, double ee, double ecw) {
        return new Params.Income(beta0, Params.betaFromTable2(k), THETA0 * st, Params.scaled(Params.THETA_SHAPE, st),
                ee, ecw);
    }

    static final double THETA0 = 0.4;

    static double solveBeta0(List<Row> rows, PovertyLines pl, double k, double st, double ee, double ecw) {
        double lo = -5, hi = 15;
        for (int it = 0; it < 50; it++) {
            double mid = 0.5 * (lo + hi);
            double m1 = stats(rows, income(mid, k, st, ee, ecw), pl)[0];
            if (m1 > PaperTargets.VUL_MEAN[0]) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    static Params calibrateIncome(Params p, List<Row> all) {
        List<Row> rows = all.subList(0, 60_000);
        PovertyLines pl = p.lines();
        double k = 3.75, st = 1.04, ee = 0.67, ecw = 0.44;
        double b0 = 0;
        for (int round = 0; round < 4; round++) {
            for (int newton = 0; newton < 3; newton++) {
                b0 = solveBeta0(rows, pl, k, st, ee, ecw);
                double[] f = stats(rows, income(b0, k, st, ee, ecw), pl);
                double r1 = f[1] - PaperTargets.VUL_SD[0];
                double r2 = f[2] - PaperTargets.VUL_MEAN[2];
                double hk = 0.01 * k, hs = 0.01 * st;
                double[] fk = stats(rows, income(solveBeta0(rows, pl, k + hk, st, ee, ecw), k + hk, st, ee, ecw), pl);
                double[] fs = stats(rows, income(solveBeta0(rows, pl, k, st + hs, ee, ecw), k, st + hs, ee, ecw), pl);
                double a11 = (fk[1] - f[1]) / hk, a12 = (fs[1] - f[1]) / hs;
                double a21 = (fk[2] - f[2]) / hk, a22 = (fs[2] - f[2]) / hs;
                double det = a11 * a22 - a12 * a21;
                double dk = -(a22 * r1 - a12 * r2) / det;
                double ds = -(-a21 * r1 + a11 * r2) / det;
                k = Math.max(0.1, k + dk);
                st = Math.max(0.05, st + ds);
                System.out.printf(Locale.ROOT, "round %d newton %d: b0 %.4f k %.4f st %.4f -> vul1 %.4f sd %.4f vul3 %.4f att %.4f %.4f%n",
                        round, newton, b0, k, st, f[0], f[1], f[2], f[3], f[4]);
            }
            for (int g = 0; g < 2; g++) {
                double lo = 0, hi = 3;
                for (int it = 0; it < 40; it++) {
                    double mid = 0.5 * (lo + hi);
                    double[] f = g == 0 ? stats(rows, income(b0, k, st, mid, ecw), pl)
                            : stats(rows, income(b0, k, st, ee, mid), pl);
                    if (f[3 + g] > TARGET_ATT[g]) {
                        lo = mid;
                    } else {
                        hi = mid;
                    }
                }
                if (g == 0) {
                    ee = 0.5 * (lo + hi);
                } else {
                    ecw = 0.5 * (lo + hi);
                }
            }
        }
        b0 = solveBeta0(rows, pl, k, st, ee, ecw);
        Params.Income inc = income(b0, k, st, ee, ecw);
        System.out.printf(Locale.ROOT, "INCOME b0 %.10f k %.10f st %.10f east %.10f cw %.10f%n", b0, k, st, ee, ecw);
        System.out.println("stats " + java.util.Arrays.toString(stats(rows, inc, pl)));
        return new Params(p.households(), p.marginals(), p.churn(), p.selection(), inc, pl);
    }

    static void pseudoR2(List<Row> rows) {
        int n = rows.size();
        double[][] x = new double[12][n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 12; j++) {
                x[j][i] = rows.get(i).x()[j];
            }
            y[i] = rows.get(i).t();
        }
        TestProbit fit = TestProbit.fit(x, y);
        System.out.printf(Locale.ROOT, "pooled probit pseudo R2 %.4f LR %.2f per 6124 rows %.2f%n", fit.pseudoR2(),
                fit.lrChi2(), fit.lrChi2() * 6124.0 / n);
        System.out.println("coef " + java.util.Arrays.toString(fit.coef));
    }
}
