package org.reprise.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprise.cli.Main;

/** examples/lalonde carries MatchIt's published numbers (the vignette's R output) and verifies 100%. */
class VerifyLalondeTest {
    @TempDir
    Path tmp;

    @Test
    void everyPublishedMatchItNumberReproduces() throws Exception {
        Path dir = tmp.resolve("lalonde");
        Files.createDirectories(dir);
        try (Stream<Path> files = Files.list(Path.of("examples/lalonde"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream old = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int rc;
        try {
            rc = Main.execute("verify", dir.resolve("analysis.yaml").toString(), "--quiet");
        } finally {
            System.setOut(old);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, rc, text);
        String last = text.strip().lines().reduce((a, b) -> b).orElse("");
        assertEquals("52 of 52 published numbers reproduced, 0 last digit, 0 close, 0 differ, 0 missing", last);
    }
}
