package org.reprise.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.reprise.run.Progress;
import org.reprise.verify.Tolerance;
import org.reprise.verify.Verification;
import org.reprise.verify.VerificationReport;
import org.reprise.verify.Verify;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * reprise verify SPEC [--manuscript FILE] [--extract] [--out DIR] [--tolerance T] [--accept CLASS]: do the published
 * numbers reproduce?
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Rerun SPEC and check each published number in manuscript.yaml (beside SPEC) at its printed"
                + " precision: reproduced, last digit (one unit off in the last printed digit), close (within the"
                + " tolerance, or one standard error), differs or missing. Print the table, write verification.json,"
                + " verification.md and verification.html. Exit 0 when every number reproduces (or is of a class"
                + " --accept names), 1 otherwise, 2 for bad input.")
final class VerifyCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SPEC", description = "the analysis file, e.g. analysis.yaml")
    Path spec;

    @Option(names = "--manuscript", paramLabel = "FILE", description = "the published numbers: a manuscript.yaml (default:"
            + " the one beside SPEC), or the manuscript itself, paper.pdf, paper.tex or paper.txt (pdftotext)")
    Path manuscript;

    @Option(names = "--extract", description = "read the manuscript's tables, align them to the regenerated tables and"
            + " write manuscript.yaml into the output folder, without judging")
    boolean extract;

    @Option(names = "--out", paramLabel = "DIR", description = "folder for verification.json/.md/.html (default: the spec's output folder)")
    Path out;

    @Option(names = "--tolerance", paramLabel = "T", description = "relative tolerance for `close`: 1%% (default), 0.5%%, 0.01")
    String tolerance = "1%";

    @Option(names = "--accept", paramLabel = "CLASS", description = "also exit 0 when the worst number is of this class: last-digit or close")
    String accept = "reproduced";

    @Option(names = {"-q", "--quiet"}, description = "no progress lines on stderr")
    boolean quiet;

    @Override
    public Integer call() {
        Tolerance tol = new Tolerance(Tolerance.parseRelative(tolerance), Tolerance.parseAccept(accept));
        if (extract) {
            Verify.Extraction x = Verify.extract(spec, manuscript, out, new Progress(System.err, quiet));
            System.out.println(x.summary());
            return 0;
        }
        Verification v = Verify.run(spec, manuscript, out, tol, new Progress(System.err, quiet));
        System.out.print(VerificationReport.text(v));
        System.out.flush();
        return v.passes() ? 0 : 1;
    }
}
