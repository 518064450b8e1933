package org.reprise.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** File helpers shared by tests and benchmarks (JDK only: EndToEndBench runs with no other class on its path). */
public final class TestFiles {
    private TestFiles() {
    }

    /** Copies a folder tree (folders and regular files) from {@code from} into {@code to}. */
    public static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path q = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(q);
                } else {
                    Files.copy(p, q);
                }
            }
        }
    }
}
