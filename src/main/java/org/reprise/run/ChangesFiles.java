package org.reprise.run;

import org.reprise.changes.Changes;
import org.reprise.changes.ChangesReport;
import org.reprise.changes.Comparison;
import org.reprise.changes.Snapshot;

/**
 * changes.md and changes.html of a run: its staging folder compared with the output folder it is about to replace.
 * Nothing when there is no earlier output (or it has no ledger), and nothing when neither a printed number nor an
 * input changed (so an unchanged re-run stays byte-identical).
 */
final class ChangesFiles {
    private ChangesFiles() {
    }

    /** Writes the files into staging; returns the run's last progress line, or null without an earlier output. */
    static String write(OutputFolder folder, Progress progress) {
        if (!Snapshot.exists(folder.current())) {
            return null;
        }
        Comparison c;
        try {
            c = Changes.compare(Snapshot.read(folder.current()), Snapshot.read(folder.dir()));
        } catch (RuntimeException e) { // UserError included: a broken earlier output never fails the run
            progress.warn("could not compare with the earlier output in " + folder.current().getFileName() + " ("
                    + e.getMessage() + "); no changes.md written.");
            return null;
        }
        if (!c.printedChanged() && c.inputs().isEmpty()) {
            return "no printed number changed";
        }
        folder.writeText("changes.md", ChangesReport.markdown(c));
        folder.writeText("changes.html", ChangesReport.html(c));
        return c.summary() + " (changes.md)";
    }
}
