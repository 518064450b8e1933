package org.reprise.bench;

import java.util.List;
import java.util.SplittableRandom;
import org.reprise.estimate.BinaryChoice;
import org.reprise.estimate.boot.BootOptions;
import org.reprise.estimate.boot.BootStat;
import org.reprise.estimate.boot.BootstrapResult;
import org.reprise.estimate.boot.PsmBootstrap;
import org.reprise.estimate.match.MatchSpec;

/**
 * Bootstrap benchmark (a main class, not a unit test): B replicates (default 500) of the four-method ATT
 * (NN 1:1, NN 1:4, radius 0.01, normal kernel 0.06), each re-estimating a probit score, at N = 6124 with
 * 12 simulated covariates (6 normal, 3 uniform, 3 binary) and about 74% treated from a probit DGP.
 * Prints two Markdown tables: the timing (wall time, process CPU time, peak heap) and the bootstrap results.
 * Peak heap is measured as in {@link MatchBench} (sum of the heap pools' peak usage, reset after the warm-up).
 * Usage: java -cp target/classes:target/test-classes:$(cat target/cp.txt) org.reprise.bench.BootstrapBench [B [N [threads]]]
 */
public final class BootstrapBench {
    private BootstrapBench() {
    }

    public static void main(String[] args) {
        int b = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 6124;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        SplittableRandom r = new SplittableRandom(6124);
        double[][] x = new double[12][n];
        String[] names = new String[12];
        boolean[] t = new boolean[n];
        double[][] y = new double[1][n];
        double[] beta = {0.3, -0.2, 0.25, 0.1, -0.15, 0.2, 0.4, -0.3, 0.2, 0.3, -0.25, 0.15};
        int treated = 0;
        for (int j = 0; j < 12; j++) {
            names[j] = "x" + (j + 1);
        }
        for (int i = 0; i < n; i++) {
            double index = 0.78;
            for (int j = 0; j < 12; j++) {
                double v = j < 6 ? r.nextGaussian() : j < 9 ? r.nextDouble() - 0.5 : (r.nextDouble() < 0.4 ? 1 : 0)
                        - 0.4;
                x[j][i] = v;
                index += beta[j] * v;
            }
            t[i] = index + r.nextGaussian() > 0;
            treated += t[i] ? 1 : 0;
            y[0][i] = 1000 * x[0][i] - 500 * x[6][i] + 300 * x[9][i] + (t[i] ? 800 : 0) + 1500 * r.nextGaussian();
        }
        List<MatchSpec> specs = List.of(MatchSpec.nearest(1), MatchSpec.nearest(4), MatchSpec.radius(0.01),
                MatchSpec.kernel(MatchSpec.Kernel.NORMAL, 0.06));
        BootOptions opt = BootOptions.defaults().withThreads(threads);
        // warm-up (JIT), not timed
        PsmBootstrap.run(20, 1, x, names, t, y, specs, BinaryChoice.Link.PROBIT, opt.withProgress(false));
        MatchBench.resetPeaks();
        long c0 = MatchBench.cpuNanos();
        long t0 = System.nanoTime();
        BootstrapResult res = PsmBootstrap.run(b, 12345, x, names, t, y, specs, BinaryChoice.Link.PROBIT, opt);
        double secs = (System.nanoTime() - t0) / 1e9;
        double cpu = (MatchBench.cpuNanos() - c0) / 1e9;
        System.out.println("Bootstrap benchmark: probit score re-estimated in every replicate, four matching"
                + " methods, ATT (process CPU / cores = the wall time on an idle machine)");
        System.out.println();
        System.out.println("| N | treated | B | threads | cores | wall (s) | process CPU (s) | failed | peak heap (MB) |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        System.out.printf("| %,d | %.1f%% | %d | %s | %d | %.2f | %.2f | %d | %.0f |%n", n, 100.0 * treated / n, b,
                threads == 0 ? "all" : String.valueOf(threads), Runtime.getRuntime().availableProcessors(), secs,
                cpu, res.failed(), MatchBench.peakHeapMb());
        System.out.println();
        System.out.println("| method | ATT | bootstrap SE | normal 95% CI | percentile 95% CI |");
        System.out.println("|---|---:|---:|---|---|");
        List<String> labels = PsmBootstrap.labels(specs, new String[] {"y"});
        for (int k = 0; k < labels.size(); k++) {
            BootStat s = res.stats().get(k);
            System.out.printf("| %s | %.1f | %.1f | [%.1f, %.1f] | [%.1f, %.1f] |%n", labels.get(k), s.estimate(),
                    s.se(), s.normalLow(), s.normalHigh(), s.percentileLow(), s.percentileHigh());
        }
    }
}
