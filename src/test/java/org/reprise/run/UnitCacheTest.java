package org.reprise.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprise.tools.TestFiles;

/**
 * The per-unit cache on the default analysis (a vulnerability step, six models on its output, a matching analysis,
 * a descriptive table, four figures): which units a run computes after each kind of edit, and that every output is
 * byte-identical to a run without the cache (--no-cache in a fresh folder) of the same inputs.
 */
class UnitCacheTest {
    @TempDir
    Path tmp;

    /** A copy of the project's default analysis (spec, data, templates) in {@code dir}. */
    static Path project(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("data"));
        Files.copy(Path.of("analysis.yaml"), dir.resolve("analysis.yaml"));
        Files.copy(Path.of("data/clds_sim.csv"), dir.resolve("data/clds_sim.csv"));
        TestFiles.copyTree(Path.of("templates"), dir.resolve("templates"));
        return dir.resolve("analysis.yaml");
    }

    /** Runs the spec (with or without the cache) and returns the units it computed, as the progress line names them. */
    static List<String> run(Path spec, boolean cache) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Pipeline.run(spec, null, new Progress(new PrintStream(err, true, StandardCharsets.UTF_8), false), cache);
        String text = err.toString(StandardCharsets.UTF_8);
        for (String line : text.split("\n")) {
            if (line.startsWith("cache: ")) {
                String list = line.substring(line.indexOf("computed: ") + "computed: ".length());
                return list.equals("nothing") ? List.of() : Arrays.asList(list.split(", "));
            }
        }
        throw new AssertionError("no cache line in\n" + text);
    }

    /**
     * Every file of an output folder, by relative name; without {@code withChanges}, changes.md, changes.html and
     * the marker (the list of the folder's files, which names them) are left out: they compare with the run before.
     */
    static Map<String, byte[]> files(Path out, boolean withChanges) throws IOException {
        Map<String, byte[]> m = new java.util.TreeMap<>();
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String name = out.relativize(p).toString();
                if (withChanges || !(name.startsWith("changes.") || name.equals(".reprise-output"))) {
                    m.put(name, Files.readAllBytes(p));
                }
            }
        }
        return m;
    }

    static void assertSameFiles(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        for (String name : expected.keySet()) {
            assertTrue(Arrays.equals(expected.get(name), actual.get(name)), name + " differs");
        }
    }

    /** The output of a --no-cache run of {@code specText} (and the data of {@code spec}'s folder) in a fresh folder. */
    private Map<String, byte[]> uncached(String name, Path spec) throws IOException {
        Path dir = tmp.resolve(name);
        Path fresh = project(dir);
        Files.writeString(fresh, Files.readString(spec));
        Files.copy(spec.resolveSibling("data/clds_sim.csv"), dir.resolve("data/clds_sim.csv"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        run(fresh, false);
        return files(dir.resolve("output"), false);
    }

    @Test
    void eachEditRecomputesOnlyTheUnitsThatReadIt() throws IOException {
        Path spec = project(tmp.resolve("p"));
        Path out = spec.resolveSibling("output");
        String original = Files.readString(spec);

        List<String> cold = run(spec, true);
        assertTrue(cold.containsAll(List.of("source panel", "vulnerability vep", "model did1", "model did6",
                "matching psm", "table table1", "figure fig_means", "figure fig_score", "figure fig_love",
                "figure fig_att", "report text", "report files")), cold.toString());
        Map<String, byte[]> first = files(out, true);
        assertSameFiles(uncached("fresh", spec), files(out, false));

        // nothing changed: every unit is a hit, and the files are the same bytes
        assertEquals(List.of(), run(spec, true));
        assertSameFiles(first, files(out, true));

        // one model edited (the benchmark's edit): that model, and the report built from it
        Files.writeString(spec, original.replace("{id: did1, label: \"Without controls\", outcome: Vul1, terms: [PxT]",
                "{id: did1, label: \"Without controls\", outcome: Vul1, terms: [PxT, age]"));
        assertEquals(List.of("model did1", "report text", "report files"), run(spec, true));
        assertSameFiles(uncached("edited", spec), files(out, false));

        // reverted: all hits again, and the first run's files (changes.md now lists the revert)
        Files.writeString(spec, original);
        assertEquals(List.of(), run(spec, true));
        assertSameFiles(files(tmp.resolve("fresh/output"), false), files(out, false));

        // a variable's label changed and one removed (not read by any estimate), and the score figure's title: the
        // text and the figures that print them; nothing estimated (the score figure is drawn from the scores kept
        // with the matching analysis)
        Files.writeString(spec, original.replace("age: {label: \"Age\",", "age: {label: \"Age of head\",")
                .replace("famsize: {label: \"Family size\", ", "famsize: {")
                .replace("title: \"Propensity scores of participants", "title: \"Scores of participants"));
        List<String> label = run(spec, true);
        assertEquals(Set.of("figure fig_love", "figure fig_score", "report text", "report files"),
                new TreeSet<>(label), label.toString());
        assertSameFiles(uncached("label", spec), files(out, false));
        Files.writeString(spec, original);
        assertEquals(List.of(), run(spec, true));

        // the vulnerability step: it, and every unit that reads its variables (all of them here); not the source
        Files.writeString(spec, original.replace("threshold: 0.5", "threshold: 0.45"));
        List<String> vep = run(spec, true);
        assertFalse(vep.contains("source panel"), vep.toString());
        assertTrue(vep.containsAll(List.of("vulnerability vep", "model did1", "model did6", "matching psm",
                "table table1", "figure fig_means", "figure fig_att")), vep.toString());
        assertSameFiles(uncached("vep", spec), files(out, false));
        Files.writeString(spec, original);

        // the data file: everything that reads it
        Path data = spec.resolveSibling("data/clds_sim.csv");
        List<String> lines = Files.readAllLines(data);
        lines.remove(lines.size() - 1);
        lines.remove(lines.size() - 1);
        Files.write(data, lines);
        List<String> edited = run(spec, true);
        assertTrue(edited.containsAll(List.of("source panel", "vulnerability vep", "model did1", "matching psm",
                "table table1", "figure fig_means")), edited.toString());
        assertSameFiles(uncached("data", spec), files(out, false));
    }

    @Test
    void aCorruptOrTruncatedEntryIsComputedAgainWithTheSameBytes() throws IOException {
        Path spec = project(tmp.resolve("p"));
        Path out = spec.resolveSibling("output");
        run(spec, true);
        Map<String, byte[]> first = files(out, true);
        UnitKeys keys = UnitKeys.of(org.reprise.spec.SpecLoader.load(spec),
                FileStamps.open(spec.resolveSibling(".reprise-cache")));
        UnitStore store = new UnitStore(spec.resolveSibling(".reprise-cache"));
        Path did1 = store.file(keys.models.get(0));
        Path did2 = store.file(keys.models.get(1));
        Path fig = store.file(keys.figures.get(0));
        byte[] whole = Files.readAllBytes(did1);
        Files.write(did1, Arrays.copyOf(whole, whole.length / 2));
        byte[] flipped = Files.readAllBytes(did2);
        flipped[flipped.length / 2] ^= 1;
        Files.write(did2, flipped);
        Files.write(fig, new byte[0]);
        // the columns the vulnerability step added (read because did1 needs the data): the step runs again
        Files.delete(store.file(keys.hash("columns", keys.vep.get("panel").get(0))));
        assertEquals(Set.of("model did1", "model did2", "figure fig_means", "vulnerability vep (columns)"),
                new TreeSet<>(run(spec, true)));
        assertSameFiles(first, files(out, true));
        assertEquals(List.of(), run(spec, true));
        // --no-cache reads nothing, computes every unit, and gives the same bytes
        List<String> all = run(spec, false);
        assertTrue(all.containsAll(List.of("source panel", "model did1", "matching psm", "report files")),
                all.toString());
        assertSameFiles(first, files(out, true));
    }

}
