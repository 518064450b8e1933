package org.reprise.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprise.report.Report;

/**
 * {@link Renderers#warmUp} runs beside a run's own rendering (run/WarmUp): it must write nothing, and a report rendered
 * while warm-ups run on other threads must have the bytes it has when rendered alone (the libraries' shared font
 * caches included).
 */
class WarmUpTest {
    @TempDir
    Path tmp;

    @Test
    void writesNothingAndLeavesEveryReportsBytesAsTheyAre() throws Exception {
        Path out = TestFiles.outDirWithFigure(tmp.resolve("out"));
        List<Path> before = files(tmp);
        Report r = Fixtures.report();
        byte[] pdf = Renderers.pdf(r, out, null);
        byte[] docx = Renderers.docx(r, out);
        Thread[] warm = new Thread[2];
        for (int i = 0; i < warm.length; i++) {
            warm[i] = new Thread(() -> {
                for (int k = 0; k < 5; k++) {
                    Renderers.warmUp();
                }
            });
            warm[i].start();
        }
        for (int k = 0; k < 5; k++) {
            assertArrayEquals(pdf, Renderers.pdf(r, out, null), "report.pdf beside warm-ups, round " + k);
            assertArrayEquals(docx, Renderers.docx(r, out), "report.docx beside warm-ups, round " + k);
        }
        for (Thread t : warm) {
            t.join();
        }
        assertEquals(before, files(tmp), "the warm-up wrote no file");
    }

    private static List<Path> files(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.sorted().toList();
        }
    }
}
