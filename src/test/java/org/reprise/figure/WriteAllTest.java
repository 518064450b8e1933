package org.reprise.figure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprise.UserError;

/** Figures drawn two at a time ({@link Figures#writeAll}) give the files each figure gives when drawn alone. */
class WriteAllTest {
    @TempDir
    Path tmp;

    @Test
    void sameFilesAsOneAtATime() throws Exception {
        List<Figure> alone = Samples.all();
        for (Figure f : alone) {
            f.write(tmp.resolve("alone"));
        }
        Figures.writeAll(Samples.all(), tmp.resolve("together"));
        List<String> names = new ArrayList<>();
        for (Figure f : alone) {
            names.add(f.name() + ".png");
            names.add(f.name() + ".svg");
        }
        assertTrue(names.size() >= 4, "at least two figures");
        try (var listing = Files.list(tmp.resolve("together"))) {
            assertEquals(names.size(), listing.count());
        }
        for (String n : names) {
            assertArrayEquals(Files.readAllBytes(tmp.resolve("alone").resolve(n)),
                    Files.readAllBytes(tmp.resolve("together").resolve(n)), n);
        }
    }

    @Test
    void firstFailingFigureInListOrderIsReported() {
        List<Figure> figs = new ArrayList<>(Samples.all());
        Figure a = figs.get(0);
        Figure b = figs.get(1);
        figs.set(1, new Figure(a.name(), a.chart(), 0, 10));
        figs.add(new Figure(b.name(), b.chart(), 10, -1));
        UserError e = assertThrows(UserError.class, () -> Figures.writeAll(figs, tmp.resolve("bad")));
        assertTrue(e.getMessage().contains("0 × 10"), e.getMessage());
    }
}
