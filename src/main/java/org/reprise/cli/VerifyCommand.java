package org.reprise.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.reprise.run.Progress;
import org.reprise.verify.Verification;
import org.reprise.verify.VerificationReport;
import org.reprise.verify.Verify;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** reprise verify SPEC [--manuscript FILE] [--out DIR]: do the published numbers reproduce? */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Rerun SPEC and check each published number in manuscript.yaml (beside SPEC) at its printed"
                + " precision; print the table, write verification.md and verification.html. Exit 0 when every"
                + " number reproduces, 1 when one differs or is missing, 2 for bad input.")
final class VerifyCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SPEC", description = "the analysis file, e.g. analysis.yaml")
    Path spec;

    @Option(names = "--manuscript", paramLabel = "FILE", description = "the published numbers (default: manuscript.yaml beside SPEC)")
    Path manuscript;

    @Option(names = "--out", paramLabel = "DIR", description = "folder for verification.md/.html (default: the spec's output folder)")
    Path out;

    @Option(names = {"-q", "--quiet"}, description = "no progress lines on stderr")
    boolean quiet;

    @Override
    public Integer call() {
        Verification v = Verify.run(spec, manuscript, out, new Progress(System.err, quiet));
        System.out.print(VerificationReport.text(v));
        System.out.flush();
        return v.allReproduced() ? 0 : 1;
    }
}
