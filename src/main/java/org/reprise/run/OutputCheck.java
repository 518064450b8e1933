package org.reprise.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.reprise.UserError;

/**
 * The one check every output folder goes through (--out of run and verify, the spec's {@code output:}): Reprise
 * writes only into a folder it owns, and never over an input. A folder is Reprise's when it does not exist, is
 * empty, or carries the marker ({@link OutputMarker}) of an earlier run and holds nothing the marker does not list.
 * It may not be, contain or sit inside an input, contain the working folder, be a symbolic link or a file.
 */
final class OutputCheck {
    /** How many names of a folder's content a message shows. */
    static final int SHOWN = 5;

    private OutputCheck() {
    }

    /** Checks the target and returns where to write: its absolute path with every symbolic link above it resolved. */
    static Path check(OutputTarget t) {
        Path place = place(t.path());
        String name = t.shown();
        if (place.getParent() == null) {
            throw refuse(t, "the output folder " + name + " is the root of the file system. Reprise replaces its"
                    + " output folder as a whole.");
        }
        if (Files.isSymbolicLink(place)) {
            throw refuse(t, "the output folder " + name + " is a symbolic link. Reprise replaces its output folder"
                    + " as a whole, so it would replace the link.");
        }
        if (Files.exists(place, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(place, LinkOption.NOFOLLOW_LINKS)) {
            throw refuse(t, name + " is an existing file, not a folder. Reprise writes its output into a folder of"
                    + " its own and does not replace your file.");
        }
        Path above = place.getParent();
        while (above != null && !Files.exists(above)) {
            above = above.getParent();
        }
        if (above != null && !Files.isDirectory(above)) {
            throw refuse(t, "the output folder " + name + " cannot be created: " + above + " is a file, not a"
                    + " folder.");
        }
        for (OutputTarget.Input in : t.inputs()) {
            Path p = canonical(in.path());
            String how = p.equals(place) ? "is" : p.startsWith(place) ? "contains" : place.startsWith(p)
                    ? "would sit inside" : null;
            if (how != null) {
                throw refuse(t, "the output folder " + name + " " + how + " " + in.what() + ". Reprise replaces its"
                        + " output folder as a whole, so your input would be deleted.");
            }
        }
        Path cwd = canonical(Path.of(""));
        if (cwd.startsWith(place)) {
            throw refuse(t, "the output folder " + name + (cwd.equals(place) ? " is the current folder"
                    : " contains the current folder") + ". Reprise replaces its output folder as a whole, so it"
                    + " would delete what is in it.");
        }
        if (Files.isDirectory(place, LinkOption.NOFOLLOW_LINKS)) {
            owned(t, place);
        }
        return place;
    }

    /** An existing folder: empty, or marked by an earlier run and holding only what the marker lists, unchanged. */
    private static void owned(OutputTarget t, Path place) {
        try {
            List<String> entries;
            try (Stream<Path> s = Files.list(place)) {
                entries = s.map(p -> p.getFileName() + (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "/" : ""))
                        .sorted().toList();
            }
            if (entries.isEmpty()) {
                return;
            }
            Map<String, String> listed = OutputMarker.read(place);
            if (listed == null) {
                throw refuse(t, "the output folder " + t.shown() + " already holds files Reprise did not write ("
                        + names(entries) + ") and no " + OutputMarker.NAME + " marker of an earlier run. Reprise"
                        + " replaces its output folder as a whole, so it does not write there. " + t.fix()
                        + ", or empty " + t.shown() + " yourself if nothing in it is needed.");
            }
            List<String> strangers = OutputMarker.strangers(place, listed);
            if (!strangers.isEmpty()) {
                String them = strangers.size() == 1 ? "it" : "them";
                throw refuse(t, "the output folder " + t.shown() + " holds what the last Reprise run did not write"
                        + " there: " + names(strangers) + " (" + OutputMarker.NAME + " lists what it wrote). Reprise"
                        + " replaces its output folder as a whole and does not delete your files: move " + them
                        + " out of " + t.shown() + " (or delete " + them + " if not needed), or "
                        + Character.toLowerCase(t.fix().charAt(0)) + t.fix().substring(1) + ".");
            }
        } catch (IOException | UncheckedIOException e) {
            throw new UserError(t.prefix() + "cannot read the output folder " + t.shown() + " ("
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage())
                    + "). Check its permissions, or " + Character.toLowerCase(t.fix().charAt(0))
                    + t.fix().substring(1) + ".");
        }
    }

    private static UserError refuse(OutputTarget t, String what) {
        String low = what.toLowerCase(java.util.Locale.ROOT);
        String msg = low.contains(t.fix().toLowerCase(java.util.Locale.ROOT)) ? what : what + " " + t.fix() + ".";
        return new UserError(t.prefix() + msg);
    }

    static String names(List<String> entries) {
        String shown = String.join(", ", entries.subList(0, Math.min(SHOWN, entries.size())));
        return entries.size() > SHOWN ? shown + ", … (" + entries.size() + " in all)" : shown;
    }

    /** The folder's absolute path with every symbolic link above it resolved; the last name itself is kept. */
    static Path place(Path p) {
        Path abs = p.toAbsolutePath();
        Path parent = abs.getParent();
        if (parent == null) {
            return abs;
        }
        String n = abs.getFileName().toString();
        Path cp = canonical(parent);
        if (n.equals(".")) {
            return cp;
        }
        if (n.equals("..")) {
            return cp.getParent() == null ? cp : cp.getParent();
        }
        return cp.resolve(n);
    }

    /** The absolute path with every symbolic link resolved (of the part that exists). */
    static Path canonical(Path p) {
        Path abs = p.toAbsolutePath();
        if (Files.exists(abs)) {
            try {
                return abs.toRealPath();
            } catch (IOException e) {
                // fall through: resolve what exists
            }
        }
        Path parent = abs.getParent();
        if (parent == null) {
            return abs.normalize();
        }
        String n = abs.getFileName().toString();
        Path cp = canonical(parent);
        if (n.equals(".")) {
            return cp;
        }
        if (n.equals("..")) {
            return cp.getParent() == null ? cp : cp.getParent();
        }
        return cp.resolve(n);
    }
}
