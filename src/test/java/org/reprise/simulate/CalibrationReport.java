package org.reprise.simulate;

import java.util.List;
import java.util.Locale;

/**
 * Development tool, not a test: prints the calibration tables of data/README.md (Markdown) from the committed
 * data/clds_sim.csv. Run from the project folder with target/classes, target/test-classes and the dependencies
 * on the class path: java org.reprise.simulate.CalibrationReport
 */
public final class CalibrationReport {
    public static void main(String[] args) throws Exception {
        SimData d = SimData.committed();
        double[] t = d.numbers("T");
        System.out.println("| variable | mean (sim) | mean (paper) | SD (sim) | SD (paper) | treated (sim) | treated (paper) | control (sim) | control (paper) |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        double[][] x = new double[12][];
        for (int j = 0; j < 12; j++) {
            String name = Params.COVARIATES.get(j);
            double[] v = d.numbers(name);
            x[j] = v;
            double[] sum = new double[2];
            int[] n = new int[2];
            for (int i = 0; i < v.length; i++) {
                int g = t[i] == 1 ? 0 : 1;
                sum[g] += v[i];
                n[g]++;
            }
            System.out.printf(Locale.ROOT, "| %s | %.4f | %.4f | %.4f | %.4f | %.4f | %.4f | %.4f | %.4f |%n", name,
                    SimData.mean(v), PaperTargets.MEAN[j], SimData.sd(v), PaperTargets.SD[j], sum[0] / n[0],
                    PaperTargets.TREATED[j], sum[1] / n[1], PaperTargets.CONTROL[j]);
        }
        System.out.printf(Locale.ROOT, "| T | %.4f | %.4f | %.4f | 0.4384 | | | | |%n", SimData.mean(t), PaperTargets.T_SHARE,
                SimData.sd(t));
        List<Row> rows = Simulator.generate(Simulator.DEFAULT_SEED);
        double[] lines = Params.DEFAULT.lines().lines();
        for (int k = 0; k < 3; k++) {
            double[] v = new double[rows.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = rows.get(i).vulnerability(lines[k]);
            }
            System.out.printf(Locale.ROOT, "| Vul%d (true) | %.4f | %.4f | %.4f | %.4f | | | | |%n", k + 1, SimData.mean(v),
                    PaperTargets.VUL_MEAN[k], SimData.sd(v), PaperTargets.VUL_SD[k]);
        }
        int[] y = new int[t.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = (int) t[i];
        }
        TestProbit fit = TestProbit.fit(x, y);
        System.out.printf(Locale.ROOT, "%npooled probit: pseudo R2 %.4f (paper 0.362), LR chi2 %.2f (paper 2541.16)%n",
                fit.pseudoR2(), fit.lrChi2());
        double[] ln = d.numbers("income");
        int below = 0;
        for (double v : ln) {
            if (v < lines[1]) {
                below++;
            }
        }
        System.out.printf(Locale.ROOT, "income: median-ish mean of ln %.4f, share below national line %.4f%n",
                SimData.mean(java.util.Arrays.stream(ln).map(Math::log).toArray()), (double) below / ln.length);
    }
}
