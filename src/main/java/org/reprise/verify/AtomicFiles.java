package org.reprise.verify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reprise.UserError;

/**
 * Writes files into an existing output folder without replacing the folder: each file goes to a temporary file in
 * the same folder and is then renamed over its target, so a reader sees the old file or the new one, never half of
 * one. All files are staged before any is moved.
 */
final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Writes each (name, UTF-8 text) into {@code dir}, creating the folder if needed. */
    static void write(Path dir, Map<String, String> files) {
        List<Path> temps = new ArrayList<>();
        Map<Path, Path> moves = new LinkedHashMap<>();
        try {
            Files.createDirectories(dir);
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path tmp = Files.createTempFile(dir, "." + f.getKey() + ".", ".tmp");
                temps.add(tmp);
                Files.write(tmp, f.getValue().getBytes(StandardCharsets.UTF_8));
                moves.put(tmp, dir.resolve(f.getKey()));
            }
            for (Map.Entry<Path, Path> m : moves.entrySet()) {
                move(m.getKey(), m.getValue());
            }
        } catch (IOException e) {
            throw new UserError("cannot write into the output folder " + dir + " (" + e + "). Check that the folder"
                    + " is writable, or choose another with --out DIR.");
        } finally {
            for (Path t : temps) {
                try {
                    Files.deleteIfExists(t);
                } catch (IOException ignored) {
                    // best effort: a leftover .tmp file is harmless
                }
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
