package org.reprise.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.SplittableRandom;
import org.reprise.estimate.match.MatchResult;
import org.reprise.estimate.match.MatchSpec;
import org.reprise.estimate.match.Matcher;

/**
 * Matching benchmark (a main class, not a unit test). For each N: 25% treated, score = logistic of a linear
 * index of three random covariates, one outcome. Times NN 1:1, NN 1:4, radius 0.01 and normal kernel 0.06,
 * and reports the peak heap (sum of the heap pools' peak usage) as a Markdown table.
 * Usage: java -Xmx8g -cp target/classes:target/test-classes org.reprise.bench.MatchBench [N ...]
 */
public final class MatchBench {
    private MatchBench() {
    }

    public static void main(String[] args) {
        long[] sizes = args.length > 0 ? parse(args) : new long[] {10_000, 100_000, 1_000_000, 10_000_000};
        System.out.println("| N | NN 1:1 (s) | NN 1:4 (s) | radius 0.01 (s) | kernel normal 0.06 (s) | total (s) "
                + "| peak heap (MB) |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|");
        for (long nl : sizes) {
            int n = (int) nl;
            double[] score = new double[n];
            boolean[] treated = new boolean[n];
            double[][] y = new double[1][n];
            SplittableRandom r = new SplittableRandom(12345 + n);
            for (int i = 0; i < n; i++) {
                double x1 = r.nextGaussian();
                double x2 = r.nextGaussian();
                double x3 = r.nextDouble();
                treated[i] = r.nextDouble() < 0.25;
                double index = -1.2 + 0.5 * x1 - 0.3 * x2 + 0.8 * x3 + (treated[i] ? 0.6 : 0);
                score[i] = 1 / (1 + Math.exp(-index));
                y[0][i] = 1000 * x1 + 500 * x3 + (treated[i] ? 300 : 0) + 200 * r.nextGaussian();
            }
            resetPeaks();
            double t1 = time(score, treated, y, MatchSpec.nearest(1));
            double t4 = time(score, treated, y, MatchSpec.nearest(4));
            double tr = time(score, treated, y, MatchSpec.radius(0.01));
            double tk = n <= 1_000_000 ? time(score, treated, y, MatchSpec.kernel(MatchSpec.Kernel.NORMAL, 0.06))
                    : Double.NaN;
            double total = t1 + t4 + tr + (Double.isNaN(tk) ? 0 : tk);
            System.out.printf("| %,d | %.2f | %.2f | %.2f | %s | %.2f | %.0f |%n", n, t1, t4, tr,
                    Double.isNaN(tk) ? "not run" : String.format("%.2f", tk), total, peakHeapMb());
        }
    }

    private static long[] parse(String[] args) {
        long[] s = new long[args.length];
        for (int i = 0; i < args.length; i++) {
            s[i] = Long.parseLong(args[i].replace("_", ""));
        }
        return s;
    }

    private static double time(double[] score, boolean[] treated, double[][] y, MatchSpec spec) {
        long t0 = System.nanoTime();
        MatchResult r = Matcher.match(score, treated, y, spec);
        long t1 = System.nanoTime();
        if (!Double.isFinite(r.effects()[0].att())) {
            throw new IllegalStateException("no ATT for " + spec);
        }
        return (t1 - t0) / 1e9;
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                p.resetPeakUsage();
            }
        }
    }

    private static double peakHeapMb() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum / 1e6;
    }
}
