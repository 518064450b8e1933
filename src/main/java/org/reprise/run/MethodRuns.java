package org.reprise.run;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;
import org.reprise.estimate.match.MatchResult;
import org.reprise.estimate.match.MatchSpec;
import org.reprise.estimate.match.Matcher;
import org.reprise.estimate.match.Pools;
import org.reprise.results.BalanceResult;

/**
 * The matching methods of one sample (and the balance test on one of them), run side by side: each method is
 * independent of the others (they share only the sorted groups, {@link Pools}), so on a large sample they run as
 * tasks in a fork-join pool of up to as many threads as there are cores. The caller takes the results in spec order ({@link #result},
 * {@link #balance}); a task's exception is thrown there, so the first error in spec order is the one reported, as
 * when the methods run one after another, and the numbers do not depend on which task finished first.
 */
final class MethodRuns implements AutoCloseable {
    /**
     * Samples smaller than this run their methods one after another in the calling thread (the tests move it to
     * compare both ways on one sample).
     */
    static volatile int parallelMin = 1 << 16;

    private final List<CompletableFuture<MatchResult>> runs;
    private final CompletableFuture<BalanceResult> balance;
    private final ForkJoinPool pool;

    private MethodRuns(List<CompletableFuture<MatchResult>> runs, CompletableFuture<BalanceResult> balance,
                       ForkJoinPool pool) {
        this.runs = runs;
        this.balance = balance;
        this.pool = pool;
    }

    /**
     * Starts every method on (score, treated, outcomes); with {@code balance} non-null also the balance test on the
     * result of method {@code balanceAt}, once that is done. Only that method's result keeps its per-unit arrays.
     */
    static MethodRuns start(double[] score, boolean[] treated, double[][] outcomes, List<MatchSpec> specs,
                            int balanceAt, Function<MatchResult, BalanceResult> balance) {
        int threads = Math.min(Runtime.getRuntime().availableProcessors(), specs.size() + (balance == null ? 0 : 1));
        // a fork-join pool: the parallel loops inside a method (kernel boxes, pstest's covariates, the probit's
        // chunks) then fork into it too, and a thread whose method is done helps with them
        ForkJoinPool pool = score.length >= parallelMin && threads > 1 ? new ForkJoinPool(threads) : null;
        java.util.concurrent.Executor on = pool == null ? Runnable::run : pool;
        Pools pools = new Pools(score, treated);
        if (pool != null) {
            // sorted before the methods start, rather than by the first while the others wait for it
            pools.prepare(specs);
        }
        List<CompletableFuture<MatchResult>> runs = new java.util.ArrayList<>();
        for (int m = 0; m < specs.size(); m++) {
            MatchSpec ms = specs.get(m);
            boolean keep = m == balanceAt;
            runs.add(CompletableFuture.supplyAsync(() -> {
                MatchResult r = Matcher.match(score, treated, outcomes, ms, pools);
                return keep ? r : slim(r);
            }, on));
        }
        CompletableFuture<BalanceResult> b = balance == null ? null
                : runs.get(balanceAt).thenApplyAsync(balance, on);
        return new MethodRuns(runs, b, pool);
    }

    /** The counts and effects of r without its per-unit arrays (which the estimates do not read). */
    private static MatchResult slim(MatchResult r) {
        return new MatchResult(r.spec(), null, null, null, null, null, r.effects(), r.nTreated(), r.nControls(),
                r.nTreatedOnSupport(), r.nControlsOnSupport(), r.nTreatedOffSupport());
    }

    /** Method m's result (waiting for it); its exception if it failed. */
    MatchResult result(int m) {
        CompletableFuture<MatchResult> f = runs.get(m);
        runs.set(m, null);
        return join(f);
    }

    /** The balance test's result (null when the balance method's weights did not allow it); its exception. */
    BalanceResult balance() {
        return join(balance);
    }

    private static <T> T join(CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            throw org.reprise.Tasks.rethrow(e.getCause());
        }
    }

    /** Stops the threads (tasks still running after an error finish in the background and are dropped). */
    @Override
    public void close() {
        if (pool != null) {
            pool.shutdown();
        }
    }
}
