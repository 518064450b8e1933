package org.reprise.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.reprise.estimate.BinaryChoice;
import org.reprise.estimate.BinaryFit;
import org.reprise.estimate.balance.Balance;
import org.reprise.estimate.balance.BalanceTable;
import org.reprise.estimate.match.MatchResult;
import org.reprise.estimate.match.MatchSpec;
import org.reprise.estimate.match.Matcher;

/**
 * Propensity-score matching benchmark (a main class, not a unit test). For each N: 12 simulated covariates
 * (6 normal, 3 uniform, 3 binary), treatment from a probit index with about 25% treated, one outcome. Times, in
 * order: the probit score model ({@link BinaryChoice#fit} on the 12 covariates and {@code _cons}); matching on its
 * fitted probabilities by NN 1:1, NN 1:4, radius 0.01 and normal kernel 0.06 ({@link Matcher#match}, ATT); and
 * the balance table ({@link Balance#pstest}, both before and after NN 1:1: it reuses the score fit as its probit
 * before matching, as a report does, and fits the weighted probit on the matched rows).
 * Prints one Markdown row per N with the wall times, their total, the process CPU time over the row, the size of
 * the generated input and the peak heap.
 *
 * <p>Peak heap = the sum over the JVM's heap memory pools of {@link MemoryPoolMXBean#getPeakUsage()}, reset after
 * a {@code System.gc()} once the input is generated, so it covers the timed steps with the input live. It counts
 * garbage not yet collected, and pools peak at different moments, so it is an upper bound on the live data the
 * steps need, not an exact figure.
 *
 * <p>Usage: {@code java -Xmx8g -cp target/classes:target/test-classes:$(cat target/cp.txt)
 * org.reprise.bench.MatchBench [N ...]} (default 1e4 1e5 1e6 1e7; {@code 1e6} and {@code 1_000_000} are both read).
 * Every step runs at every N (the normal kernel at N = 1e7 takes about half a minute on 2 cores).
 */
public final class MatchBench {
    private static final int K = 12;

    private MatchBench() {
    }

    /** Runs the sizes given (or the default four) and prints the Markdown table. */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("--probit")) {
            probitOnly(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        long[] sizes = args.length > 0 ? parse(args) : new long[] {10_000, 100_000, 1_000_000, 10_000_000};
        warmUp();
        System.out.printf("Matching benchmark: %d covariates, probit score, ATT; %d cores, max heap %.0f MB%n%n", K,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / 1e6);
        System.out.println("| N | treated | probit (s) | NN 1:1 (s) | NN 1:4 (s) | radius 0.01 (s) "
                + "| kernel normal 0.06 (s) | pstest (s) | total (s) | process CPU (s) | input (MB) | peak heap (MB) |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (long nl : sizes) {
            System.out.println(run(Math.toIntExact(nl)).markdown());
            System.out.flush();
        }
    }

    /** One size's results. */
    private record Row(int n, double treatedShare, double probit, double nn1, double nn4, double radius,
                       double kernel, double pstest, double cpu, double inputMb, double peakMb) {
        double total() {
            return probit + nn1 + nn4 + radius + kernel + pstest;
        }

        String markdown() {
            return String.format("| %,d | %.1f%% | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.2f | %.2f | %.0f | %.0f |",
                    n, 100 * treatedShare, probit, nn1, nn4, radius, kernel, pstest, total(), cpu, inputMb, peakMb);
        }
    }

    /** Simulated data: x[0..11] covariates, x[12] = _cons; treated; outcome. */
    private record Data(double[][] design, String[] names, double[] treat, boolean[] treated, double[][] y,
                        double share) {
    }

    private static Data simulate(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] beta = {0.3, -0.2, 0.25, 0.1, -0.15, 0.2, 0.4, -0.3, 0.2, 0.3, -0.25, 0.15};
        // intercept so that P(index + e > 0) = 0.25: Phi^-1(0.25) times the sd of index + e
        double var = 1;
        double mean = 0;
        for (int j = 0; j < K; j++) {
            var += beta[j] * beta[j] * (j < 6 ? 1 : j < 9 ? 1 / 12.0 : 0.24);
            mean += j < 9 ? 0 : 0.4 * beta[j];
        }
        double intercept = -0.6744897501960817 * Math.sqrt(var) - mean;
        double[][] design = new double[K + 1][n];
        String[] names = new String[K + 1];
        for (int j = 0; j < K; j++) {
            names[j] = "x" + (j + 1);
        }
        names[K] = BinaryChoice.CONS;
        Arrays.fill(design[K], 1.0);
        double[] treat = new double[n];
        boolean[] treated = new boolean[n];
        double[][] y = new double[1][n];
        long count = 0;
        for (int i = 0; i < n; i++) {
            double index = intercept;
            for (int j = 0; j < K; j++) {
                double v = j < 6 ? r.nextGaussian() : j < 9 ? r.nextDouble() - 0.5 : (r.nextDouble() < 0.4 ? 1 : 0);
                design[j][i] = v;
                index += beta[j] * v;
            }
            treated[i] = index + r.nextGaussian() > 0;
            treat[i] = treated[i] ? 1 : 0;
            count += treated[i] ? 1 : 0;
            y[0][i] = 1000 * design[0][i] - 500 * design[6][i] + 300 * design[9][i] + (treated[i] ? 800 : 0)
                    + 1500 * r.nextGaussian();
        }
        return new Data(design, names, treat, treated, y, (double) count / n);
    }

    private static Row run(int n) {
        Data d = simulate(n, 12345L + n);
        double inputMb = ((K + 3.0) * 8 + 1) * n / 1e6;
        resetPeaks();
        long c0 = cpuNanos();
        long t0 = System.nanoTime();
        BinaryFit fit = BinaryChoice.fit(BinaryChoice.Link.PROBIT, d.treat, d.design, d.names, null);
        double[] score = fit.p();
        double probit = (System.nanoTime() - t0) / 1e9;
        MatchResult[] nn1 = new MatchResult[1];
        double tNn1 = time(score, d, MatchSpec.nearest(1), nn1);
        double tNn4 = time(score, d, MatchSpec.nearest(4), null);
        double tRadius = time(score, d, MatchSpec.radius(0.01), null);
        double tKernel = time(score, d, MatchSpec.kernel(MatchSpec.Kernel.NORMAL, 0.06), null);
        double[][] covariates = Arrays.copyOf(d.design, K);
        String[] covNames = Arrays.copyOf(d.names, K);
        long t1 = System.nanoTime();
        // the score model is pstest's probit before matching (same covariates, link and rows), as in a report
        BalanceTable bt = Balance.pstest(covariates, covNames, d.treated, nn1[0].weight(), nn1[0].support(),
                BinaryChoice.Link.PROBIT, fit);
        double pstest = (System.nanoTime() - t1) / 1e9;
        double cpu = (cpuNanos() - c0) / 1e9;
        if (bt.rows().size() != K) {
            throw new IllegalStateException("pstest returned " + bt.rows().size() + " rows");
        }
        return new Row(n, d.share, probit, tNn1, tNn4, tRadius, tKernel, pstest, cpu, inputMb, peakHeapMb());
    }

    /**
     * {@code --probit [N ...]}: only the probit column, five fits per N on the same data (after the warm-up),
     * printing each fit's wall and process CPU time, their medians, and the log likelihood's bits (a fit's results
     * must not depend on the code's speed).
     */
    private static void probitOnly(String[] args) {
        long[] sizes = args.length > 0 ? parse(args) : new long[] {1_000_000, 10_000_000};
        warmUp();
        System.out.println("| N | wall of each fit (s) | median wall (s) | median process CPU (s) | log likelihood |");
        System.out.println("|---:|---|---:|---:|---|");
        for (long nl : sizes) {
            Data d = simulate(Math.toIntExact(nl), 12345L + nl);
            int reps = 5;
            double[] wall = new double[reps];
            double[] cpu = new double[reps];
            String ll = null;
            for (int rep = 0; rep < reps; rep++) {
                System.gc();
                long c0 = cpuNanos();
                long t0 = System.nanoTime();
                BinaryFit fit = BinaryChoice.fit(BinaryChoice.Link.PROBIT, d.treat, d.design, d.names, null);
                wall[rep] = (System.nanoTime() - t0) / 1e9;
                cpu[rep] = (cpuNanos() - c0) / 1e9;
                ll = Double.toHexString(fit.ll()) + " " + Double.toHexString(fit.coef()[0]);
            }
            StringBuilder each = new StringBuilder();
            for (double t : wall) {
                each.append(each.length() > 0 ? ", " : "").append(String.format("%.3f", t));
            }
            Arrays.sort(wall);
            Arrays.sort(cpu);
            System.out.printf("| %,d | %s | %.3f | %.3f | %s |%n", nl, each, wall[reps / 2], cpu[reps / 2], ll);
            System.out.flush();
        }
    }

    /** A small run of every step so that the first row does not time the JIT compiler. */
    private static void warmUp() {
        for (int rep = 0; rep < 3; rep++) {
            run(20_000);
        }
    }

    private static long[] parse(String[] args) {
        long[] s = new long[args.length];
        for (int i = 0; i < args.length; i++) {
            s[i] = (long) Double.parseDouble(args[i].replace("_", ""));
        }
        return s;
    }

    private static double time(double[] score, Data d, MatchSpec spec, MatchResult[] keep) {
        long t0 = System.nanoTime();
        MatchResult r = Matcher.match(score, d.treated, d.y, spec);
        long t1 = System.nanoTime();
        if (!Double.isFinite(r.effects()[0].att())) {
            throw new IllegalStateException("no ATT for " + spec);
        }
        if (keep != null) {
            keep[0] = r;
        }
        return (t1 - t0) / 1e9;
    }

    static long cpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return 0;
    }

    static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                p.resetPeakUsage();
            }
        }
    }

    static double peakHeapMb() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum / 1e6;
    }
}
