package org.reprise.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.reprise.data.CsvOptions;

/**
 * A temporary project folder for the spec seeds (data.csv and sub/prices.csv exist, as the seeds name them) and
 * for CSV files under test; removed when the JVM exits.
 */
final class Workspace {
    final Path dir;

    private Workspace(Path dir) {
        this.dir = dir;
    }

    static Workspace create(String prefix) {
        try {
            Path dir = Files.createTempDirectory(prefix);
            Files.writeString(dir.resolve("data.csv"), "firm,year,y,x,age,region,income,poor\n1,2001,1,0,30,east,5,0\n");
            Files.createDirectories(dir.resolve("sub"));
            Files.writeString(dir.resolve("sub/prices.csv"), "p;q;w\n1;2;1\n");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
            return new Workspace(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code bytes} to {@code name} in the folder and returns its path. */
    Path write(String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The options a CSV seed is valid with, by its file name. */
    static CsvOptions optionsFor(Path seed) {
        String n = seed.getFileName().toString();
        if (n.endsWith(".tab")) {
            return CsvOptions.defaults().withWhitespace(true);
        }
        if (n.contains("decimal_comma")) {
            return CsvOptions.defaults().withDelimiter(';').withDecimalComma(true);
        }
        return CsvOptions.defaults().withMissingCodes("-99");
    }

    private static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort at exit
        }
    }
}
