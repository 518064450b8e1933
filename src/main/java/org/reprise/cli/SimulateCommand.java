package org.reprise.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** reprise simulate --out DIR: regenerates the simulated CLDS panel and its truth.json. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Write the simulated CLDS panel (clds_sim.csv) and its data-generating truth (truth.json) into DIR.")
final class SimulateCommand implements Callable<Integer> {
    @Option(names = "--out", paramLabel = "DIR", required = true, description = "folder to write into, e.g. data")
    Path out;

    @Override
    public Integer call() {
        org.reprise.simulate.Simulator.run(out);
        return 0;
    }
}
