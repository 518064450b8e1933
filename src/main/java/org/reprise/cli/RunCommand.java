package org.reprise.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.reprise.run.Pipeline;
import org.reprise.run.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** reprise run SPEC [--out DIR] [--quiet]. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Estimate every model in SPEC and write the report (md, tex, html, pdf), tables/*.tex and results.json.")
final class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SPEC", description = "the analysis file, e.g. analysis.yaml")
    Path spec;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: the spec's `output`, output/ beside the spec)")
    Path out;

    @Option(names = {"-q", "--quiet"}, description = "no progress lines on stderr")
    boolean quiet;

    @Option(names = "--no-cache",
            description = "compute every unit again without reading .reprise-cache (its entries are refreshed)")
    boolean noCache;

    @Override
    public Integer call() {
        Pipeline.run(spec, out, new Progress(System.err, quiet), !noCache);
        return 0;
    }
}
