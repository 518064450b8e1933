package org.reprise.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: java -jar target/reprise.jar run|validate|simulate|verify. */
@Command(name = "reprise", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Declarative empirical-economics analyses: analysis.yaml + data -> estimates, report, results.json.")
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    public static int execute(String... args) {
        return new CommandLine(new Main()).execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** The version from the jar manifest (Implementation-Version), or "dev" when run from classes. */
    public static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"reprise " + version()};
        }
    }
}
