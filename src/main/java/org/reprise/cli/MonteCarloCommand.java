package org.reprise.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.reprise.montecarlo.MonteCarlo;
import org.reprise.run.Progress;
import org.reprise.spec.MatchSe;
import org.reprise.spec.SpecLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** reprise montecarlo SPEC --replications R [--seed S] [--threads T] [--se ai|analytic|bootstrap] [--out DIR]. */
@Command(name = "montecarlo", mixinStandardHelpOptions = true,
        description = "Draw R datasets from the simulator's data-generating process, run SPEC's estimators on each and"
                + " report bias, RMSE, mean SE / SD and 95%% coverage of every estimate with an oracle (montecarlo.md,"
                + " montecarlo.json).")
final class MonteCarloCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SPEC", description = "the analysis file, e.g. analysis.yaml")
    Path spec;

    @Option(names = "--replications", paramLabel = "R", required = true, description = "number of simulated datasets")
    int replications;

    @Option(names = "--seed", paramLabel = "S", description = "base seed (default: the spec's seed)")
    Long seed;

    @Option(names = "--threads", paramLabel = "T", defaultValue = "1", description = "worker threads (results do not depend on it; default 1)")
    int threads;

    @Option(names = "--se", paramLabel = "KIND", description = "replace the matching analyses' se: analytic, ai or bootstrap")
    String se;

    @Option(names = "--replicates", paramLabel = "B", description = "bootstrap replicates with --se bootstrap (default: the spec's)")
    Integer replicates;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: montecarlo/ beside the spec)")
    Path out;

    @Option(names = {"-q", "--quiet"}, description = "no progress lines on stderr")
    boolean quiet;

    @Override
    public Integer call() {
        Progress progress = new Progress(System.err, quiet);
        long s = seed != null ? seed : SpecLoader.load(spec).seed();
        Path dir = out != null ? out : spec.toAbsolutePath().getParent().resolve("montecarlo");
        MatchSe kind = se == null ? null : MatchSe.of(se);
        MonteCarlo.run(new MonteCarlo.Options(spec, replications, s, threads, dir, kind, replicates), progress,
                quiet ? null : System.err);
        return 0;
    }
}
