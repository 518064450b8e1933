package org.reprise.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The files of a staging folder by relative name ("/"-separated), to keep what a step added to it. */
final class RenderedFiles {
    private RenderedFiles() {
    }

    /** Every file under {@code dir}, by relative name. */
    static Map<String, byte[]> read(Path dir) {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(p).toString().replace('\\', '/'), bytes(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The files under {@code dir} that are not in {@code before} or differ from it. */
    static Map<String, byte[]> added(Path dir, Map<String, byte[]> before) {
        Map<String, byte[]> out = new TreeMap<>();
        read(dir).forEach((name, bytes) -> {
            byte[] old = before.get(name);
            if (old == null || !Arrays.equals(old, bytes)) {
                out.put(name, bytes);
            }
        });
        return out;
    }

    static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
