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
        if (sameSnapshot(folder.current(), folder.dir())) {
            return "no printed number changed";
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

    /**
     * Whether everything a {@link Snapshot} reads (numbers.csv, results.json, report.md, the spec under inputs/) is
     * byte-identical in the two folders: then nothing changed, and the comparison is skipped.
     */
    static boolean sameSnapshot(java.nio.file.Path before, java.nio.file.Path after) {
        try {
            for (String f : new String[] {"numbers.csv", "results.json", "report.md"}) {
                if (!same(before.resolve(f), after.resolve(f))) {
                    return false;
                }
            }
            java.nio.file.Path a = before.resolve(Snapshot.INPUTS);
            java.nio.file.Path b = after.resolve(Snapshot.INPUTS);
            if (!java.nio.file.Files.isDirectory(a) || !java.nio.file.Files.isDirectory(b)) {
                return false;
            }
            java.util.List<String> names;
            try (var s = java.nio.file.Files.list(a)) {
                names = s.map(x -> x.getFileName().toString()).sorted().toList();
            }
            try (var s = java.nio.file.Files.list(b)) {
                if (!names.equals(s.map(x -> x.getFileName().toString()).sorted().toList())) {
                    return false;
                }
            }
            for (String n : names) {
                if (!same(a.resolve(n), b.resolve(n))) {
                    return false;
                }
            }
            return true;
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean same(java.nio.file.Path a, java.nio.file.Path b) throws java.io.IOException {
        boolean ea = java.nio.file.Files.isRegularFile(a);
        boolean eb = java.nio.file.Files.isRegularFile(b);
        return ea == eb && (!ea || java.nio.file.Files.mismatch(a, b) == -1);
    }
}
