package org.reprise.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import org.reprise.UserError;

/**
 * Nothing half-written: a run writes into a staging folder beside the output folder and, only when every file
 * is written, swaps it in (rename the old folder aside, rename staging into place, delete the old one).
 * A run that fails or is killed before the swap leaves the last good output untouched; a leftover from a
 * kill during the swap itself is repaired at the start of the next run.
 */
public final class OutputFolder {
    private final Path target;
    private final Path staging;
    private final Path old;

    private OutputFolder(Path target) {
        this.target = target;
        Path parent = target.toAbsolutePath().getParent();
        String name = target.getFileName().toString();
        this.staging = parent.resolve("." + name + ".staging");
        this.old = parent.resolve("." + name + ".previous");
    }

    /** Prepares a fresh, empty staging folder for target (repairing an interrupted earlier swap). */
    public static OutputFolder open(Path target) {
        OutputFolder f = new OutputFolder(target);
        try {
            if (!Files.exists(f.target) && Files.isDirectory(f.old)) {
                Files.move(f.old, f.target);
            }
            deleteTree(f.old);
            deleteTree(f.staging);
            Files.createDirectories(f.staging);
        } catch (IOException e) {
            throw new UserError("cannot prepare the output folder " + target + ": " + e.getMessage()
                    + ". Check that the folder is writable.");
        }
        return f;
    }

    /** Puts back an output folder left aside by a run killed between the two renames of its swap. */
    public static void repair(Path target) {
        OutputFolder f = new OutputFolder(target);
        try {
            if (!Files.exists(f.target) && Files.isDirectory(f.old)) {
                Files.move(f.old, f.target);
            }
        } catch (IOException e) {
            // best effort: the next successful run repairs it
        }
    }

    /** The staging folder every output file is written into. */
    public Path dir() {
        return staging;
    }

    /** Writes a UTF-8 text file (relative path inside the output) into staging. */
    public void writeText(String relative, String text) {
        write(relative, text.getBytes(StandardCharsets.UTF_8));
    }

    public void write(String relative, byte[] bytes) {
        Path p = resolve(relative);
        try {
            Files.createDirectories(p.getParent());
            Files.write(p, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A path inside staging; refuses anything that would leave it. */
    public Path resolve(String relative) {
        Path p = staging.resolve(relative).normalize();
        if (!p.startsWith(staging)) {
            throw new UserError("refusing to write " + relative + " outside the output folder");
        }
        return p;
    }

    /** Swaps the finished staging folder into place. */
    public void commit() {
        try {
            if (Files.exists(target)) {
                move(target, old);
            }
            move(staging, target);
            deleteTree(old);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Drops the staging folder after a failure; the previous output is untouched. */
    public void abandon() {
        try {
            deleteTree(staging);
        } catch (IOException e) {
            // best effort: the next run clears it
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
