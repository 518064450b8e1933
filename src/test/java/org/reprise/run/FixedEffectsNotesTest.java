package org.reprise.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprise.results.Estimate;

/**
 * A term collinear with the absorbed fixed effects is noted once (it was noted twice, in results.json and on the
 * terminal: the fixed-effects fit's notes repeat the within regression's).
 */
class FixedEffectsNotesTest {
    @Test
    void omittedTermNotedOnce(@TempDir Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("id,t,y,x,z\n");
        double[] x = {1, 3, 2, 5, 4, 7, 6, 2};
        for (int i = 0; i < 8; i++) {
            for (int t = 0; t < 2; t++) {
                double xi = x[i] + t * (i % 3);
                csv.append(i).append(',').append(t).append(',').append(1 + 0.5 * xi + 0.1 * i + 0.3 * t + (i * t % 2))
                        .append(',').append(xi).append(',').append(i % 2).append('\n');
            }
        }
        Files.writeString(dir.resolve("p.csv"), csv.toString());
        Files.writeString(dir.resolve("a.yaml"), String.join("\n",
                "title: notes",
                "data:",
                "  - {name: p, file: p.csv}",
                "models:",
                "  - {id: fe, outcome: y, terms: [x, z], absorb: [id, t]}",
                "tables:",
                "  - {id: t1, type: regression, models: [fe]}",
                "report:",
                "  - {heading: R, tables: [t1]}",
                ""));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Pipeline.Estimated e = Pipeline.estimate(org.reprise.spec.SpecLoader.load(dir.resolve("a.yaml")),
                dir.resolve("a.yaml"), new Progress(new PrintStream(err, true, StandardCharsets.UTF_8), true));
        Estimate fe = e.results().estimate("fe");
        assertEquals(List.of("note: z omitted because of collinearity"), fe.notes());
        String printed = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, printed.split("z omitted because of collinearity", -1).length - 1, printed);
    }
}
