package org.reprise.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Golden files and the test figure. */
final class TestFiles {
    static final Path GOLDEN = Path.of("src/test/resources/render/golden");

    private TestFiles() {
    }

    /**
     * Compares with src/test/resources/render/golden/NAME. Run with -Dgolden.update=true to rewrite the file
     * after a deliberate change, then read the diff before committing it.
     */
    static void assertGolden(String name, String actual) throws IOException {
        Path file = GOLDEN.resolve(name);
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual, "golden file " + file);
    }

    /** An output folder holding figures/wage_hist.png. */
    static Path outDirWithFigure(Path dir) throws IOException {
        Path figures = Files.createDirectories(dir.resolve("figures"));
        try (InputStream in = TestFiles.class.getResourceAsStream("/render/figures/wage_hist.png")) {
            Files.write(figures.resolve("wage_hist.png"), in.readAllBytes());
        }
        return dir;
    }
}
