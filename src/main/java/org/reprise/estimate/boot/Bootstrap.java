package org.reprise.estimate.boot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.reprise.UserError;

/**
 * Nonparametric bootstrap (Stata's {@code bootstrap}): B resamples of n observations drawn with replacement,
 * the statistics recomputed on each, summarised by the bootstrap standard error, normal and percentile intervals.
 *
 * <p>Determinism: replicate b draws its indices from {@code new SplittableRandom(replicateSeed(seed, b))}, a
 * SplitMix64 hash of (seed, b) that does not depend on which thread runs it or in which order. Replicates run in
 * parallel (a ForkJoinPool of {@link BootOptions#threads()} workers) and are stored by b, so the result is
 * identical for any thread count. See docs/matching.md, section "Bootstrap".
 */
public final class Bootstrap {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Bootstrap() {
    }

    /** {@link #run(int, long, int, Replicate, BootOptions)} with {@link BootOptions#defaults()}. */
    public static BootstrapResult run(int replicates, long seed, int n, Replicate fn) {
        return run(replicates, seed, n, fn, BootOptions.defaults());
    }

    /**
     * Runs the bootstrap.
     *
     * @param replicates B, at least 2
     * @param seed       the seed (same seed, same data: identical results)
     * @param n          observations; resamples have n indices in 0..n-1
     * @param fn         the statistics; first evaluated on the original sample 0..n-1 (its UserError propagates)
     * @param options    threads, strata, level, progress bar
     * @throws UserError for B &lt; 2, n &lt; 1, bad strata or level, or when the statistic fails on the original data
     */
    public static BootstrapResult run(int replicates, long seed, int n, Replicate fn, BootOptions options) {
        BootOptions opt = options == null ? BootOptions.defaults() : options;
        validate(replicates, n, opt);
        Strata strata = opt.strata() == null ? null : Strata.of(opt.strata());
        int[] identity = IntStream.range(0, n).toArray();
        double[] estimate = fn.apply(identity).clone();
        int k = estimate.length;

        double[][] out = new double[replicates][];
        String[] error = new String[replicates];
        ProgressBar bar = ProgressBar.create(replicates, opt.progress());
        IntStreamBody body = b -> {
            int[] idx = draw(seed, b, n, strata);
            try {
                double[] s = fn.apply(idx);
                if (s == null || s.length != k) {
                    throw new IllegalStateException("replicate returned " + (s == null ? "null" : s.length
                            + " statistics") + ", expected " + k);
                }
                out[b] = s.clone();
            } catch (UserError e) {
                error[b] = e.getMessage();
            }
            if (bar != null) {
                bar.step();
            }
        };
        int threads = opt.threads() > 0 ? opt.threads() : Runtime.getRuntime().availableProcessors();
        if (threads == 1) {
            for (int b = 0; b < replicates; b++) {
                body.accept(b);
            }
        } else {
            ForkJoinPool pool = new ForkJoinPool(threads);
            try {
                pool.submit(() -> IntStream.range(0, replicates).parallel().forEach(body::accept)).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("bootstrap interrupted", e);
            } catch (ExecutionException e) {
                throw org.reprise.Tasks.rethrow(e.getCause());
            } finally {
                pool.shutdown();
            }
        }

        List<double[]> ok = new ArrayList<>();
        List<Integer> ids = new ArrayList<>();
        Map<String, Integer> failures = new LinkedHashMap<>();
        int failed = 0;
        for (int b = 0; b < replicates; b++) {
            if (out[b] != null) {
                ok.add(out[b]);
                ids.add(b);
            } else {
                failed++;
                failures.merge(error[b], 1, Integer::sum);
            }
        }
        double[][] draws = ok.toArray(new double[0][]);
        List<BootStat> stats = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            double[] col = new double[draws.length];
            for (int r = 0; r < draws.length; r++) {
                col[r] = draws[r][j];
            }
            stats.add(summarize(estimate[j], col, opt.level()));
        }
        return new BootstrapResult(replicates, seed, n, strata != null, opt.level(), estimate, draws,
                ids.stream().mapToInt(Integer::intValue).toArray(), failed, Collections.unmodifiableMap(failures),
                List.copyOf(stats));
    }

    /**
     * The summary of one statistic from its replicates (non-finite values are left out): SE = SD with divisor
     * m - 1 (m = finite replicates), normal interval estimate -/+ z SE, percentile interval by {@link #centile}.
     * With fewer than 2 finite replicates everything but the estimate is NaN.
     */
    public static BootStat summarize(double estimate, double[] draws, double level) {
        double[] v = Arrays.stream(draws).filter(Double::isFinite).sorted().toArray();
        int m = v.length;
        if (m < 2) {
            return new BootStat(estimate, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, m);
        }
        double mean = 0;
        for (double d : v) {
            mean += d;
        }
        mean /= m;
        double ss = 0;
        for (double d : v) {
            ss += (d - mean) * (d - mean);
        }
        double se = Math.sqrt(ss / (m - 1));
        double alpha = (100 - level) / 100;
        double z = new NormalDistribution().inverseCumulativeProbability(1 - alpha / 2);
        return new BootStat(estimate, se, estimate - z * se, estimate + z * se, centile(v, 100 * alpha / 2),
                centile(v, 100 - 100 * alpha / 2), m);
    }

    /**
     * Stata's default percentile ({@code centile}/{@code _pctile}/{@code summarize, detail}, [D] pctile, Methods
     * and formulas): for sorted x_(1..m) and p in (0, 100), P = m p / 100; if P is an integer the p-th percentile is
     * (x_(P) + x_(P+1)) / 2, otherwise x_(floor(P) + 1). Integer test: P within 1e-9 of an integer.
     */
    public static double centile(double[] sorted, double p) {
        int m = sorted.length;
        double pos = m * p / 100;
        double r = Math.rint(pos);
        if (Math.abs(pos - r) < 1e-9) {
            int i = (int) r;
            if (i <= 0) {
                return sorted[0];
            }
            if (i >= m) {
                return sorted[m - 1];
            }
            return (sorted[i - 1] + sorted[i]) / 2;
        }
        int i = (int) Math.floor(pos);
        return sorted[Math.min(i, m - 1)];
    }

    /**
     * The seed of replicate b: SplitMix64's finaliser (Stafford's mix 13) applied to seed + (b + 1) * golden gamma.
     * Public so that any replicate can be reproduced on its own.
     */
    public static long replicateSeed(long seed, int b) {
        long z = seed + (b + 1L) * GOLDEN;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * The indices of replicate b: n draws with replacement (nextInt(n) of SplittableRandom(replicateSeed(seed, b))).
     * With strata, position i receives a uniform draw from the members of i's own stratum.
     */
    public static int[] draw(long seed, int b, int n, int[] strata) {
        return draw(seed, b, n, strata == null ? null : Strata.of(strata));
    }

    private static int[] draw(long seed, int b, int n, Strata strata) {
        SplittableRandom rng = new SplittableRandom(replicateSeed(seed, b));
        int[] idx = new int[n];
        if (strata == null) {
            for (int i = 0; i < n; i++) {
                idx[i] = rng.nextInt(n);
            }
        } else {
            for (int i = 0; i < n; i++) {
                int[] g = strata.members()[strata.code()[i]];
                idx[i] = g[rng.nextInt(g.length)];
            }
        }
        return idx;
    }

    /** Stratum code per observation (numbered by first appearance) and the members of each stratum. */
    private record Strata(int[] code, int[][] members) {
        static Strata of(int[] strata) {
            Map<Integer, Integer> seen = new LinkedHashMap<>();
            int[] code = new int[strata.length];
            for (int i = 0; i < strata.length; i++) {
                code[i] = seen.computeIfAbsent(strata[i], s -> seen.size());
            }
            int g = seen.size();
            int[] count = new int[g];
            for (int c : code) {
                count[c]++;
            }
            int[][] m = new int[g][];
            for (int s = 0; s < g; s++) {
                m[s] = new int[count[s]];
            }
            int[] fill = new int[g];
            for (int i = 0; i < code.length; i++) {
                m[code[i]][fill[code[i]]++] = i;
            }
            return new Strata(code, m);
        }
    }

    private static void validate(int replicates, int n, BootOptions opt) {
        if (replicates < 2) {
            throw new UserError("bootstrap: 'replicates' is " + replicates + " but must be at least 2 (Stata's"
                    + " default is 50; 500 or more for percentile intervals).");
        }
        if (n < 1) {
            throw new UserError("bootstrap: the sample is empty; check the sample filters.");
        }
        if (opt.strata() != null && opt.strata().length != n) {
            throw new UserError("bootstrap: the strata variable has " + opt.strata().length + " values for " + n
                    + " observations; give one stratum per observation.");
        }
        if (!(opt.level() > 0 && opt.level() < 100)) {
            throw new UserError("bootstrap: 'level' is " + opt.level() + " but must be a percent strictly between 0"
                    + " and 100, e.g. 95.");
        }
        if (opt.threads() < 0) {
            throw new UserError("bootstrap: 'threads' is " + opt.threads() + "; use 0 for all cores or a positive"
                    + " number.");
        }
    }

    @FunctionalInterface
    private interface IntStreamBody {
        void accept(int b);
    }
}
