package org.reprise.run;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One writer per output folder: an exclusive {@link FileChannel#tryLock()} on {@code lock} in the folder's work area
 * ({@code .<name>.reprise/} beside it). The holder deletes the lock file (and the area, when empty) before it lets
 * go, so a finished run leaves nothing behind; a run that took the lock of a file deleted meanwhile notices (the
 * token it wrote is not what the path holds) and tries again. A killed run's lock ends with its process.
 */
final class OutputLock {
    static final String FILE = "lock";

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
        FileChannel ch;
        try {
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (NoSuchFileException e) {
            return null; // the area was removed by the run that just finished: try again
        }
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by another run in this JVM
        }
        if (lock == null) {
            ch.close();
            return null;
        }
        byte[] token = (ProcessHandle.current().pid() + " " + System.nanoTime() + " "
                + ThreadLocalRandom.current().nextLong()).getBytes(StandardCharsets.US_ASCII);
        ch.truncate(0);
        ch.write(ByteBuffer.wrap(token), 0);
        byte[] seen;
        try {
            seen = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            seen = null;
        }
        if (!Arrays.equals(seen, token)) {
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
