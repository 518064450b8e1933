package org.reprise.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.reprise.run.Pipeline;
import org.reprise.run.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** reprise validate SPEC: checks the spec and its data, estimates nothing. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check SPEC and its data (files, columns, expressions, model terms); estimate nothing, write nothing.")
final class ValidateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SPEC", description = "the analysis file, e.g. analysis.yaml")
    Path spec;

    @Option(names = {"-q", "--quiet"}, description = "no progress lines on stderr")
    boolean quiet;

    @Override
    public Integer call() {
        Pipeline.validate(spec, new Progress(System.err, quiet));
        System.out.println(spec + ": OK");
        return 0;
    }
}
