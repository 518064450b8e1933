package org.reprise.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reprise.data.CsvReader;
import org.reprise.data.Dataset;
import org.reprise.data.Derive;
import org.reprise.data.ModelFrame;
import org.reprise.spec.Spec;
import org.reprise.spec.SpecLoader;

/** Every seed of the fuzz corpus is a valid input, so mutations start from inputs that get deep into the parsers. */
class FuzzSeedCorpusTest {
    @Test
    void specSeedsLoad() {
        Workspace ws = Workspace.create("reprise-seed-spec");
        List<Path> seeds = Corpus.files("spec");
        assertTrue(seeds.size() >= 5, "spec seeds: " + seeds);
        for (Path seed : seeds) {
            Spec s = SpecLoader.load(ws.write("analysis.yaml", Corpus.bytes(seed)));
            assertFalse(s.title().isBlank(), seed.toString());
        }
    }

    @Test
    void csvSeedsRead() {
        List<Path> seeds = Corpus.files("csv");
        assertTrue(seeds.size() >= 5, "csv seeds: " + seeds);
        for (Path seed : seeds) {
            Dataset d = CsvReader.read(seed, Workspace.optionsFor(seed));
            assertTrue(d.rows() >= 3 && d.names().size() >= 2, seed + ": " + d.rows() + " rows " + d.names());
        }
    }

    @Test
    void expressionSeedsDerive() {
        List<String> seeds = Corpus.lines("expr");
        assertTrue(seeds.size() >= 10, "expr seeds: " + seeds);
        Dataset d = FuzzData.dataset();
        for (String e : seeds) {
            Dataset out = Derive.apply(d, "z", e);
            assertEquals(d.rows(), out.column("z").size(), e);
        }
    }

    @Test
    void termSeedsBuildFrames() {
        List<String> seeds = Corpus.lines("terms");
        assertTrue(seeds.size() >= 5, "term seeds: " + seeds);
        for (String t : seeds) {
            ModelFrame f = ModelFrame.build(FuzzData.dataset(), "y", List.of(t), true, null, null, null, null);
            assertTrue(f.names().length >= 2, t);
        }
    }
}
