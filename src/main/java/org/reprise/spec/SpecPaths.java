package org.reprise.spec;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** Checks that paths written in the spec stay inside the spec's folder, so an analysis can be moved and rerun. */
final class SpecPaths {
    private final Locations where;
    private final Path baseDir;

    SpecPaths(Locations where, Path baseDir) {
        this.where = where;
        this.baseDir = baseDir;
    }

    /** A relative path that stays inside the spec's folder; otherwise a located error. */
    void relative(String value, String pointer, String what) {
        String v = value.trim();
        if (v.isEmpty()) {
            throw where.error(pointer, "the path of " + what + " is empty. Write a path relative to the spec's"
                    + " folder.");
        }
        if (v.startsWith("/") || v.startsWith("\\") || v.matches("^[A-Za-z]:.*") || v.startsWith("~")) {
            throw where.error(pointer, "`" + v + "` is an absolute path, but " + what + " must be given relative to"
                    + " the folder of " + where.file() + " (so the analysis can be moved and rerun). Copy it into that"
                    + " folder and write a path such as `data/panel.csv`.");
        }
        Path resolved;
        try {
            resolved = baseDir.resolve(v).normalize();
        } catch (InvalidPathException e) {
            throw where.error(pointer, "`" + v + "` is not a valid path (" + e.getReason() + ").");
        }
        if (!resolved.startsWith(baseDir)) {
            throw where.error(pointer, "`" + v + "` points outside the folder of " + where.file() + "; " + what
                    + " must be inside it (so the analysis can be moved and rerun). Move it into that folder and"
                    + " write a path without `../`.");
        }
    }

    /** Like {@link #relative} and also not the spec's folder itself. */
    void subfolder(String value, String pointer) {
        relative(value, pointer, "the output folder");
        if (baseDir.resolve(value.trim()).normalize().equals(baseDir)) {
            throw where.error(pointer, "the output folder must be a subfolder of the spec's folder, not the folder"
                    + " itself. Write e.g. `output: output`.");
        }
    }
}
