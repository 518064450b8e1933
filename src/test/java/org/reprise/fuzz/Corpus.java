package org.reprise.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The seed corpus under src/test/resources/fuzz/{spec,csv,expr,terms}: small valid inputs, one per file. */
final class Corpus {
    private Corpus() {
    }

    /** The files of one corpus folder, sorted by name. */
    static List<Path> files(String kind) {
        URL url = Corpus.class.getResource("/fuzz/" + kind);
        if (url == null) {
            throw new IllegalStateException("seed corpus fuzz/" + kind + " is not on the test classpath");
        }
        try (Stream<Path> s = Files.list(Path.of(url.toURI()))) {
            return s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The texts of one corpus folder, each stripped of its final newline (expressions and term lists). */
    static List<String> lines(String kind) {
        return files(kind).stream().map(p -> text(p).strip()).toList();
    }

    static String text(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
