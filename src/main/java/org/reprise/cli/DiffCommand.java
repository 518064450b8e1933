package org.reprise.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.reprise.changes.Changes;
import org.reprise.changes.ChangesReport;
import org.reprise.changes.Comparison;
import org.reprise.changes.Snapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** reprise diff OLD NEW: what a reader of the report would see changed between two output folders. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Compare two output folders (e.g. of two commits of a replication package): print, as"
                + " changes.md would, every printed number, star, sign, N, row and sentence that changed and the"
                + " inputs that changed. Exit 0 when nothing printed changed, 1 when something did, 2 for bad input.")
final class DiffCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "OLD", description = "the earlier output folder")
    Path before;

    @Parameters(index = "1", paramLabel = "NEW", description = "the later output folder")
    Path after;

    @Override
    public Integer call() {
        Comparison c = Changes.compare(Snapshot.read(before), Snapshot.read(after));
        System.out.print(ChangesReport.markdown(c));
        System.out.flush();
        return c.printedChanged() ? 1 : 0;
    }
}
