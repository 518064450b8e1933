package org.reprise.montecarlo;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.reprise.UserError;
import org.reprise.results.Results;
import org.reprise.results.Term;
import org.reprise.run.OutputFolder;
import org.reprise.run.Pipeline;
import org.reprise.run.Progress;
import org.reprise.simulate.Params;
import org.reprise.simulate.Row;
import org.reprise.simulate.Simulator;
import org.reprise.simulate.Truth;
import org.reprise.spec.DataSource;
import org.reprise.spec.MatchSe;
import org.reprise.spec.MatchingSpec;
import org.reprise.spec.Spec;
import org.reprise.spec.SpecLoader;

/**
 * {@code reprise montecarlo SPEC --replications R}: draws R datasets from the simulator's data-generating process
 * (Params.DEFAULT, the process behind data/clds_sim.csv), runs the spec's estimators on each and compares every
 * estimate that has an oracle ({@link Oracle}) with that dataset's oracle. Replication r uses the seed
 * {@link #replicationSeed(long, int)}, so the draws do not depend on the number of threads; the results are
 * collected in replication order.
 */
public final class MonteCarlo {
    private MonteCarlo() {
    }

    /**
     * What to run.
     *
     * @param spec the analysis file
     * @param replications R ≥ 2
     * @param seed base seed (replication r draws with {@link #replicationSeed})
     * @param threads worker threads ≥ 1
     * @param out output folder (Reprise owns it, as run owns output/)
     * @param se standard errors of the matching analyses, or null for the spec's
     * @param bootReplicates bootstrap replicates when se is bootstrap, or null for the spec's
     */
    public record Options(Path spec, int replications, long seed, int threads, Path out, MatchSe se,
                          Integer bootReplicates) {
    }

    /** One replication: per oracle pair, the estimate, its SE, its 95% CI and the oracle (NaN when missing). */
    record Draw(double[] estimate, double[] se, double[] low, double[] high, double[] oracle, String failure) {
    }

    /** The seed of replication r: a SplitMix64 step of base + r, so neighbouring seeds give unrelated draws. */
    public static long replicationSeed(long base, int r) {
        long z = base + 0x9E3779B97F4A7C15L * (r + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Runs the study and writes montecarlo.md and montecarlo.json into the output folder; returns the summary. */
    public static Summary run(Options o, Progress progress, PrintStream terminal) {
        Spec loaded = progress.step("reading " + o.spec(), () -> SpecLoader.load(o.spec()));
        Spec spec = withSe(loaded, o.se(), o.bootReplicates());
        // the same ownership rules as run: checked before the long simulation, and again under the lock
        org.reprise.run.OutputTarget target = org.reprise.run.OutputTarget.of(loaded, o.spec(), o.out(), null);
        OutputFolder.repair(o.out());
        OutputFolder.check(target);
        Summary s = simulate(spec, o, terminal);
        OutputFolder folder = OutputFolder.open(target, progress);
        try {
            folder.writeText("montecarlo.md", SummaryText.markdown(s));
            folder.writeText("montecarlo.json", SummaryText.json(s));
            folder.commit();
        } catch (RuntimeException | Error e) {
            folder.abandon();
            throw e;
        }
        progress.info("wrote " + o.out());
        return s;
    }

    /** The study without writing anything. */
    public static Summary simulate(Spec spec, Options o, PrintStream terminal) {
        if (o.replications() < 2) {
            throw new UserError("montecarlo: --replications must be at least 2 (got " + o.replications() + ").");
        }
        if (o.threads() < 1) {
            throw new UserError("montecarlo: --threads must be at least 1 (got " + o.threads() + ").");
        }
        Path tmp;
        try {
            tmp = Files.createTempDirectory("reprise-montecarlo");
        } catch (IOException e) {
            throw new UserError("montecarlo: cannot create a temporary folder for the simulated data ("
                    + e.getMessage() + "). Set java.io.tmpdir to a writable folder.", e);
        }
        List<Oracle> pairs;
        Draw[] draws = new Draw[o.replications()];
        ExecutorService pool = Executors.newFixedThreadPool(o.threads());
        try {
            // replication 0 runs first, alone: it fixes the list of oracle pairs
            Results first = estimate(spec, o, 0, tmp);
            pairs = Oracle.of(first);
            if (pairs.isEmpty()) {
                throw new UserError("montecarlo: no estimate of " + o.spec() + " has an oracle in the simulator's"
                        + " truth (a DID term PxT or a matching ATT on Vul1, Vul2 or Vul3). See docs/montecarlo.md.");
            }
            List<Oracle> fixed = pairs;
            AtomicInteger done = new AtomicInteger();
            long t0 = System.nanoTime();
            List<Future<Draw>> futures = new ArrayList<>();
            for (int r = 0; r < o.replications(); r++) {
                int rep = r;
                futures.add(pool.submit(() -> {
                    Draw d = draw(spec, o, rep, tmp, fixed);
                    tick(terminal, done.incrementAndGet(), o.replications(), t0);
                    return d;
                }));
            }
            for (int r = 0; r < draws.length; r++) {
                draws[r] = futures.get(r).get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("montecarlo: interrupted.", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(c);
        } finally {
            pool.shutdownNow();
            deleteQuietly(tmp);
        }
        if (terminal != null) {
            terminal.println();
        }
        return Summary.of(pairs, draws, o);
    }

    private static Draw draw(Spec spec, Options o, int r, Path tmp, List<Oracle> pairs) {
        int k = pairs.size();
        double[] est = nan(k);
        double[] se = nan(k);
        double[] lo = nan(k);
        double[] hi = nan(k);
        double[] oracle = nan(k);
        List<Row> rows = Simulator.generate(replicationSeed(o.seed(), r), Params.DEFAULT);
        Truth truth = Truth.of(rows, replicationSeed(o.seed(), r), Params.DEFAULT);
        for (int j = 0; j < k; j++) {
            oracle[j] = pairs.get(j).value(truth);
        }
        Results res;
        try {
            res = estimate(spec, o, r, tmp, rows);
        } catch (UserError e) {
            return new Draw(est, se, lo, hi, oracle, e.getMessage());
        }
        for (int j = 0; j < k; j++) {
            Oracle p = pairs.get(j);
            var e = res.estimate(p.estimateId());
            Term t = e == null ? null : e.term(p.term());
            if (t != null && !t.omitted()) {
                est[j] = t.estimate();
                se[j] = t.stdError();
                lo[j] = t.confLow();
                hi[j] = t.confHigh();
            }
        }
        return new Draw(est, se, lo, hi, oracle, null);
    }

    private static Results estimate(Spec spec, Options o, int r, Path tmp) {
        return estimate(spec, o, r, tmp, Simulator.generate(replicationSeed(o.seed(), r), Params.DEFAULT));
    }

    /** Writes the draw as the spec's first data source would read it and runs the spec's estimators on it. */
    private static Results estimate(Spec spec, Options o, int r, Path tmp, List<Row> rows) {
        Path file = tmp.resolve("replication-" + r + ".csv");
        try {
            Files.writeString(file, Simulator.csv(rows), StandardCharsets.UTF_8);
            List<DataSource> sources = new ArrayList<>(spec.data());
            DataSource d = sources.get(0);
            sources.set(0, new DataSource(d.name(), file.toAbsolutePath().toString(), d.delimiter(), d.panel(),
                    d.missing(), d.categorical(), d.variables(), d.derive(), d.filter(), d.vulnerability(),
                    d.valueLabels()));
            return Pipeline.estimateOnly(spec.withData(sources), o.spec(), new Progress(NOWHERE, true));
        } catch (IOException e) {
            throw new UserError("montecarlo: cannot write the simulated data to " + file + " (" + e.getMessage()
                    + ").", e);
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // removed with the folder
            }
        }
    }

    /** The spec with every matching analysis's standard errors replaced (null: unchanged). */
    static Spec withSe(Spec s, MatchSe se, Integer reps) {
        if (se == null && reps == null) {
            return s;
        }
        List<MatchingSpec> ms = new ArrayList<>();
        for (MatchingSpec m : s.matching()) {
            ms.add(m.withSe(se == null ? m.se() : se, reps == null ? m.replicates() : reps));
        }
        return new Spec(s.title(), s.authors(), s.abstractText(), s.seed(), s.stars(), s.output(), s.templates(),
                s.data(), s.models(), ms, s.tables(), s.figures(), s.report(), s.baseDir(), s.locations(), s.did());
    }

    private static void tick(PrintStream terminal, int done, int total, long t0) {
        if (terminal == null) {
            return;
        }
        double elapsed = (System.nanoTime() - t0) / 1e9;
        double eta = elapsed / done * (total - done);
        synchronized (terminal) {
            boolean console = System.console() != null;
            int every = Math.max(1, total / 20);
            if (console) {
                terminal.printf(Locale.ROOT, "\rreplication %d of %d  (%.0f s, about %.0f s left)   ", done, total,
                        elapsed, eta);
                terminal.flush();
            } else if (done % every == 0 || done == total) {
                terminal.printf(Locale.ROOT, "replication %d of %d  (%.0f s, about %.0f s left)%n", done, total,
                        elapsed, eta);
            }
        }
    }

    private static double[] nan(int k) {
        double[] v = new double[k];
        java.util.Arrays.fill(v, Double.NaN);
        return v;
    }

    private static void deleteQuietly(Path dir) {
        try (var s = Files.list(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Files.deleteIfExists(p);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a temporary folder; the system cleans it
        }
    }

    private static final PrintStream NOWHERE = new PrintStream(OutputStream.nullOutputStream());
}
