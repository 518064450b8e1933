package org.reprise.run;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One writer per output folder: an exclusive {@link FileChannel#tryLock()} on {@code lock} in the folder's work area
 * ({@code .<name>.reprise/} beside it). The holder deletes the lock file (and the area, when empty) before it lets
 * go, so a finished run leaves nothing behind; a run that took the lock of a file deleted meanwhile notices (the
 * path no longer names the file it locked) and tries again. A killed run's lock ends with its process. Nothing in
 * the process opens the lock file a second time: closing any descriptor of it would end the lock (POSIX).
 */
final class OutputLock {
    static final String FILE = "lock";
    /** Lock files this JVM holds (FileChannel locks belong to the process, so threads must not share one file). */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path area;
    private final FileChannel channel;
    private final FileLock lock;
    private boolean released;

    private OutputLock(Path area, FileChannel channel, FileLock lock) {
        this.area = area;
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock, waiting up to waitMillis (calling onWait once when it has to wait); null when still held. */
    static OutputLock acquire(Path area, long waitMillis, Runnable onWait) throws IOException {
        long deadline = System.nanoTime() + waitMillis * 1_000_000L;
        boolean told = false;
        while (true) {
            OutputLock l = tryOnce(area, true);
            if (l != null) {
                return l;
            }
            if (System.nanoTime() - deadline >= 0) {
                return null;
            }
            if (!told) {
                onWait.run();
                told = true;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }

    /** One attempt; with create false, only when the area already exists. Null when another run holds it. */
    static OutputLock tryOnce(Path area, boolean create) throws IOException {
        if (create) {
            Files.createDirectories(area);
        } else if (!Files.isDirectory(area)) {
            return null;
        }
        Path file = area.resolve(FILE);
        Path key = file.toAbsolutePath().normalize();
        if (!HELD.add(key)) {
            return null; // held by another run in this JVM: opening (and closing) a second channel would end its lock
        }
        OutputLock l = null;
        try {
            l = attempt(area, file);
            return l;
        } finally {
            if (l == null) {
                HELD.remove(key);
            }
        }
    }

    /**
     * Opens and locks the lock file. The path is looked up before the file is opened and again once it is locked
     * (stat, which opens nothing: closing any other descriptor of a locked file would end a POSIX lock); when they
     * differ, the file was deleted by the run that just finished and this lock is worthless.
     */
    private static OutputLock attempt(Path area, Path file) throws IOException {
        Object before;
        FileChannel ch;
        try {
            try {
                Files.createFile(file);
            } catch (FileAlreadyExistsException e) {
                // the usual case while another run holds it
            }
            before = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
            ch = FileChannel.open(file, StandardOpenOption.WRITE);
        } catch (NoSuchFileException e) {
            return null; // the area or the file was removed by the run that just finished: try again
        }
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            ch.close();
            return null;
        }
        Object after;
        boolean there = true;
        try {
            after = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        } catch (NoSuchFileException e) {
            after = null;
            there = false;
        }
        if (!there || before != null && !before.equals(after)) { // no file keys on this system: existence only
            lock.release();
            ch.close();
            return null;
        }
        return new OutputLock(area, ch, lock);
    }

    /** Deletes the lock file (and the area when nothing else is in it), then lets go. Safe to call twice. */
    void release() {
        if (released) {
            return;
        }
        released = true;
        try {
            Files.deleteIfExists(area.resolve(FILE));
        } catch (IOException e) {
            // best effort: a leftover lock file is harmless
        }
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // closing ends the lock anyway
        } finally {
            HELD.remove(area.resolve(FILE).toAbsolutePath().normalize());
        }
        try {
            Files.deleteIfExists(area);
        } catch (DirectoryNotEmptyException e) {
            // another run is about to take the lock, or a staging folder is left: keep the area
        } catch (IOException e) {
            // best effort
        }
    }
}
