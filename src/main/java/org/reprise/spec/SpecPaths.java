package org.reprise.spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
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
                    + " folder and write a path such as `" + (what.startsWith("the output") ? "output" : "data/panel.csv")
                    + "`.");
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
        insideAfterLinks(v, resolved, pointer, what);
    }

    /** Symbolic links must not lead out of the spec's folder either (checked on the part of the path that exists). */
    private void insideAfterLinks(String v, Path resolved, String pointer, String what) {
        Path existing = resolved;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        try {
            if (existing != null && !existing.toRealPath().startsWith(baseDir.toRealPath())) {
                String kind = PathKind.of(existing.toRealPath());
                throw where.error(pointer, "`" + v + "` is (or goes through) a symbolic link to "
                        + existing.toRealPath() + (kind == null || kind.equals("a file") || kind.equals("a folder")
                        ? "" : " (" + kind + ", not a file)") + ", outside the folder of " + where.file() + "; " + what
                        + " must be inside it (so the analysis can be moved and rerun). Copy the file or folder into"
                        + " the spec's folder instead of linking to it.");
            }
        } catch (IOException e) {
            throw where.error(pointer, "`" + v + "` cannot be resolved (" + e.getMessage() + "). Check the path.");
        }
    }

    /** Like {@link #relative} and also not the spec's folder itself. */
    void subfolder(String value, String pointer) {
        relative(value, pointer, "the output folder");
        if (baseDir.resolve(value.trim()).normalize().equals(baseDir)) {
            throw where.error(pointer, "the output folder must be a subfolder of the spec's folder, not the folder"
                    + " itself. Write e.g. `output: output`.");
        }
        if (Files.isSymbolicLink(baseDir.resolve(value.trim()).normalize())) {
            throw where.error(pointer, "the output folder `" + value.trim() + "` is a symbolic link. Reprise replaces"
                    + " the output folder as a whole when a run succeeds, so it would replace the link; remove the"
                    + " link or write `output:` as a real folder inside the spec's folder.");
        }
    }
}
