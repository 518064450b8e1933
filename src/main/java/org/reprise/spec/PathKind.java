package org.reprise.spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What a path that is not a regular file is, in words ("a folder", "a named pipe (FIFO)", "a device"). */
public final class PathKind {
    private PathKind() {
    }

    /** "a folder", "a named pipe (FIFO)", "a character device" ..., "a file", or null when nothing is there. */
    public static String of(Path p) {
        if (!Files.exists(p)) {
            return null;
        }
        if (Files.isDirectory(p)) {
            return "a folder";
        }
        if (Files.isRegularFile(p)) {
            return "a file";
        }
        try {
            int type = ((Integer) Files.getAttribute(p, "unix:mode")) & 0170000;
            return switch (type) {
                case 0010000 -> "a named pipe (FIFO)";
                case 0020000 -> "a character device";
                case 0060000 -> "a block device";
                case 0140000 -> "a socket";
                default -> "not a regular file";
            };
        } catch (IOException | RuntimeException e) {
            return "not a regular file";
        }
    }
}
