package org.reprise.cli;

import java.io.PrintWriter;
import org.reprise.UserError;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point: java -jar target/reprise.jar run|validate|simulate|verify|diff.
 * Exit codes: 0 success, 2 bad input (one paragraph on stderr, no stack trace), 1 internal error.
 */
@Command(name = "reprise", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        subcommands = {RunCommand.class, ValidateCommand.class, SimulateCommand.class, VerifyCommand.class,
            MonteCarloCommand.class, DiffCommand.class},
        description = "Declarative empirical-economics analyses: analysis.yaml + data -> estimates, report, results.json.")
public final class Main implements Runnable {

    public static void main(String[] args) {
        org.reprise.render.DocxReport.quietLogging();
        System.exit(execute(args));
    }

    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(Main::handle);
        cl.setParameterExceptionHandler((ex, a) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("reprise: " + ex.getMessage());
            err.println("Run 'reprise --help' for the commands and options.");
            err.flush();
            return 2;
        });
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            PrintWriter err = cl.getErr();
            err.println("error: Reprise ran out of memory (the Java heap is limited to "
                    + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB), most likely while reading a large data"
                    + " file. Give Java more memory, e.g. `java -Xmx8g -jar target/reprise.jar run analysis.yaml`,"
                    + " or read fewer rows or columns.");
            err.flush();
            return 2;
        }
    }

    private static int handle(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        UserError user = userError(ex);
        if (user != null) {
            err.println("error: " + user.getMessage());
            err.flush();
            return 2;
        }
        err.println("internal error (a bug in Reprise; please report it with the spec and data): " + ex);
        ex.printStackTrace(err);
        err.flush();
        return 1;
    }

    private static UserError userError(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof UserError u) {
                return u;
            }
        }
        return null;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"reprise " + org.reprise.Version.get()};
        }
    }
}
