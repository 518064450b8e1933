package org.reprise.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.stream.Stream;
import org.reprise.UserError;

/**
 * The one way Reprise writes its output (run and verify). Nothing half-written, nothing lost:
 * <ul>
 * <li>the folder must be Reprise's and touch no input ({@link OutputCheck}), checked before a run starts and again
 * under the lock just before anything is written or replaced;</li>
 * <li>one writer at a time ({@link OutputLock} on {@code .<name>.reprise/lock} beside the folder; a second run waits
 * up to two minutes, then stops with exit 2);</li>
 * <li>each run writes into its own staging folder {@code .<name>.reprise/staging-<pid>} and, when every file is
 * written, lists them in the marker {@link OutputMarker} and swaps the folder in (rename the old one to
 * {@code .<name>.reprise/previous}, rename staging into place, delete the old one).</li>
 * </ul>
 * A run that fails or is killed before the swap leaves the last good output untouched; a kill between the two
 * renames is repaired at the start of the next run, even one that then fails on bad input.
 */
public final class OutputFolder {
    /** Seconds a run waits for another run writing the same folder (a system property, for tests). */
    static final String WAIT_PROPERTY = "reprise.lock.wait.seconds";
    static final long WAIT_SECONDS = 120;

    private final OutputTarget target;
    private final Path place;
    private final Path area;
    private final Path staging;
    private final OutputLock lock;

    private OutputFolder(OutputTarget target, Path place, Path area, Path staging, OutputLock lock) {
        this.target = target;
        this.place = place;
        this.area = area;
        this.staging = staging;
        this.lock = lock;
    }

    /**
     * Refuses (UserError) a folder Reprise may not write; writes nothing. Call it before a long run starts. While
     * another run holds the folder's lock, what its swap may be changing right now is not judged here: the check
     * under the lock in {@link #open} decides.
     */
    public static void check(OutputTarget t) {
        try {
            OutputCheck.check(t);
        } catch (UserError e) {
            if (!beingWritten(t)) {
                throw e;
            }
        }
    }

    private static boolean beingWritten(OutputTarget t) {
        try {
            Path place = OutputCheck.place(t.path());
            return place.getParent() != null && Files.exists(area(place).resolve(OutputLock.FILE));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Takes the folder for a run: lock, repair, check again, an empty staging folder. */
    public static OutputFolder open(OutputTarget t, Progress progress) {
        return open(t, progress, false);
    }

    /** Like {@link #open} with the folder's current files copied into staging (verify adds its files to them). */
    public static OutputFolder openKeeping(OutputTarget t, Progress progress) {
        return open(t, progress, true);
    }

    private static OutputFolder open(OutputTarget t, Progress progress, boolean keep) {
        check(t);
        Path place = OutputCheck.place(t.path());
        Path area = area(place);
        long wait = Long.getLong(WAIT_PROPERTY, WAIT_SECONDS);
        OutputLock lock;
        try {
            lock = OutputLock.acquire(area, wait * 1000, () -> progress.info(t.shown()
                    + " is being written by another Reprise run; waiting up to " + wait + " s"));
        } catch (IOException e) {
            throw cannot(t, e);
        }
        if (lock == null) {
            throw new UserError(t.prefix() + t.shown() + " is being written by another Reprise run (waited " + wait
                    + " s for its lock " + area.getFileName() + "/" + OutputLock.FILE + "). Wait for that run to"
                    + " finish and run again, or " + Character.toLowerCase(t.fix().charAt(0)) + t.fix().substring(1)
                    + ".");
        }
        try {
            cleanUp(place, area);
            OutputCheck.check(t);
            Path staging = area.resolve("staging-" + ProcessHandle.current().pid());
            Files.createDirectories(staging);
            if (keep && Files.isDirectory(place, LinkOption.NOFOLLOW_LINKS)) {
                for (Map.Entry<String, String> f : OutputMarker.files(place).entrySet()) {
                    if (!f.getKey().equals(OutputMarker.NAME)) {
                        Path to = staging.resolve(f.getKey());
                        Files.createDirectories(to.getParent());
                        Files.copy(place.resolve(f.getKey()), to);
                    }
                }
            }
            return new OutputFolder(t, place, area, staging, lock);
        } catch (IOException | UncheckedIOException e) {
            lock.release();
            throw cannot(t, e);
        } catch (RuntimeException | Error e) {
            lock.release();
            throw e;
        }
    }

    /** Puts back an output folder left aside by a run killed between the two renames of its swap (best effort). */
    public static void repair(Path target) {
        try {
            Path place = OutputCheck.place(target);
            if (place.getParent() == null) {
                return;
            }
            Path area = area(place);
            if (Files.exists(place, LinkOption.NOFOLLOW_LINKS) || !Files.isDirectory(area.resolve("previous"))) {
                return;
            }
            OutputLock lock = OutputLock.tryOnce(area, false);
            if (lock != null) {
                try {
                    cleanUp(place, area);
                } finally {
                    lock.release();
                }
            }
        } catch (IOException | RuntimeException e) {
            // best effort: the next run that writes repairs it
        }
    }

    /** The work area beside the output folder: lock, staging folders, the previous output during a swap. */
    static Path area(Path place) {
        return place.getParent().resolve("." + place.getFileName() + ".reprise");
    }

    /** With the lock held: restore an output left aside, drop leftovers of killed runs. */
    private static void cleanUp(Path place, Path area) throws IOException {
        Path previous = area.resolve("previous");
        if (!Files.exists(place, LinkOption.NOFOLLOW_LINKS) && Files.isDirectory(previous)) {
            move(previous, place);
        }
        deleteTree(previous);
        try (Stream<Path> s = Files.list(area)) {
            for (Path p : s.toList()) {
                if (p.getFileName().toString().startsWith("staging-")) {
                    deleteTree(p);
                }
            }
        }
    }

    /** The output folder this run will replace (it may not exist); read it only while this run holds the lock. */
    public Path current() {
        return place;
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

    /** Lists the written files in the marker, checks the folder once more and swaps staging into place. */
    public void commit() {
        try {
            Files.writeString(staging.resolve(OutputMarker.NAME), OutputMarker.of(staging), StandardCharsets.UTF_8);
            OutputCheck.check(target);
            Path previous = area.resolve("previous");
            if (Files.exists(place, LinkOption.NOFOLLOW_LINKS)) {
                move(place, previous);
            }
            move(staging, place);
            deleteTree(previous);
        } catch (IOException | UncheckedIOException e) {
            throw cannot(target, e);
        } finally {
            lock.release();
        }
    }

    /** Drops the staging folder after a failure; the previous output is untouched. */
    public void abandon() {
        try {
            deleteTree(staging);
        } catch (IOException e) {
            // best effort: the next run clears it
        } finally {
            lock.release();
        }
    }

    private static UserError cannot(OutputTarget t, Exception e) {
        Throwable c = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        return new UserError(t.prefix() + "cannot write the output folder " + t.shown() + " ("
                + c.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2")
                .toLowerCase(java.util.Locale.ROOT) + ": " + c.getMessage() + "). Check that its folder is writable"
                + " and has space, or " + Character.toLowerCase(t.fix().charAt(0)) + t.fix().substring(1) + ".");
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
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
