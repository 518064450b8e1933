package org.reprise.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.reprise.UserError;
import org.reprise.figure.Figure;
import org.reprise.figure.FigureWriter;
import org.reprise.figure.Samples;

/**
 * Figures built and drawn on the worker and the calling thread ({@link FigureDrawing}) give the bytes each figure
 * gives when drawn alone, in list order, and the first failing figure in list order is the one reported.
 */
class FigureDrawingTest {
    @Test
    void sameBytesAsOneAtATime() {
        List<Figure> alone = Samples.all();
        assertTrue(alone.size() >= 2, "at least two figures");
        for (Worker worker : List.of(Worker.start(), Worker.inline())) {
            try (worker) {
                List<FigureWriter.Drawn> drawn = FigureDrawing.start(builds(Samples.all()), worker).finish();
                assertEquals(alone.size(), drawn.size());
                for (int i = 0; i < alone.size(); i++) {
                    FigureWriter.Drawn one = alone.get(i).draw();
                    assertEquals(one.name(), drawn.get(i).name());
                    assertArrayEquals(one.png(), drawn.get(i).png(), one.name() + ".png");
                    assertArrayEquals(one.svg(), drawn.get(i).svg(), one.name() + ".svg");
                }
            }
        }
    }

    @Test
    void firstFailingFigureInListOrderIsReported() {
        List<Figure> figs = new ArrayList<>(Samples.all());
        Figure a = figs.get(0);
        Figure b = figs.get(1);
        figs.set(1, new Figure(a.name(), a.chart(), 0, 10));
        figs.add(new Figure(b.name(), b.chart(), 10, -1));
        try (Worker worker = Worker.start()) {
            FigureDrawing drawing = FigureDrawing.start(builds(figs), worker);
            UserError e = assertThrows(UserError.class, drawing::finish);
            assertTrue(e.getMessage().contains("0 × 10"), e.getMessage());
        }
    }

    private static List<Supplier<Figure>> builds(List<Figure> figures) {
        List<Supplier<Figure>> out = new ArrayList<>();
        for (Figure f : figures) {
            out.add(() -> f);
        }
        return out;
    }
}
