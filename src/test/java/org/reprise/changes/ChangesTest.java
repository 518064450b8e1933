package org.reprise.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprise.cli.Main;
import org.reprise.tools.TestFiles;

/**
 * Issue 16: what changed since the last run. The re-run after a data edit is checked against a direct comparison of
 * the two results.json files made here (each printed number's ref resolved in both, rounded half-up to its printed
 * decimals; stars from each p-value by the default rule 0.10/0.05/0.01), not against Reprise's own comparison.
 */
class ChangesTest {
    @TempDir
    Path tmp;

    record Run(int rc, String out, String err) {
    }

    static synchronized Run cli(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream oldErr = System.err;
        PrintStream oldOut = System.out;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int rc;
        try {
            rc = Main.execute(args);
        } finally {
            System.setErr(oldErr);
            System.setOut(oldOut);
        }
        return new Run(rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** examples/petersen: 500 firms × 10 years, four standard errors of one OLS. */
    private Path petersen(String name) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name));
        for (String f : List.of("analysis.yaml", "PetersenCL.csv")) {
            Files.copy(Path.of("examples", "petersen", f), dir.resolve(f));
        }
        return dir;
    }

    /**
     * The documented data edit: drop 5% of the firms (25 of 500), chosen by shuffling firm ids 1..500 with
     * SplittableRandom(20261207) and taking the first 25.
     */
    static void dropFivePercentOfFirms(Path csv) throws IOException {
        List<Integer> firms = new ArrayList<>();
        for (int i = 1; i <= 500; i++) {
            firms.add(i);
        }
        SplittableRandom rnd = new SplittableRandom(20261207);
        for (int i = firms.size() - 1; i > 0; i--) {
            Collections.swap(firms, i, rnd.nextInt(i + 1));
        }
        Set<String> dropped = firms.subList(0, 25).stream().map(String::valueOf).collect(Collectors.toSet());
        List<String> lines = Files.readAllLines(csv);
        List<String> kept = new ArrayList<>(List.of(lines.get(0)));
        for (String l : lines.subList(1, lines.size())) {
            if (!dropped.contains(l.split(",")[1])) {
                kept.add(l);
            }
        }
        assertEquals(5000 - 250, kept.size() - 1);
        Files.write(csv, kept);
    }

    /**
     * The default analysis (the paper's report) after the documented edit: 5% of the households (153 of 3062, both
     * waves) dropped, chosen by shuffling the household ids in file order with SplittableRandom(20261207). Every table
     * cell whose ref is an estimate is checked against the direct comparison of the two results.json files, and so
     * are the stars.
     */
    @Test
    void theDefaultAnalysisAfterDroppingFivePercentOfHouseholds() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("default"));
        Files.copy(Path.of("analysis.yaml"), dir.resolve("analysis.yaml"));
        Files.createDirectories(dir.resolve("data"));
        Path csv = dir.resolve("data").resolve("clds_sim.csv");
        Files.copy(Path.of("data", "clds_sim.csv"), csv);
        String spec = dir.resolve("analysis.yaml").toString();
        assertEquals(0, cli("run", spec, "--quiet").rc());
        Path out = dir.resolve("output");
        Path old = tmp.resolve("default-old");
        TestFiles.copyTree(out, old);

        List<String> lines = Files.readAllLines(csv);
        int id = List.of(lines.get(0).split(",")).indexOf("hhid");
        List<String> ids = new ArrayList<>(lines.subList(1, lines.size()).stream().map(l -> l.split(",")[id])
                .distinct().toList());
        SplittableRandom rnd = new SplittableRandom(20261207);
        for (int i = ids.size() - 1; i > 0; i--) {
            Collections.swap(ids, i, rnd.nextInt(i + 1));
        }
        Set<String> dropped = Set.copyOf(ids.subList(0, ids.size() / 20));
        List<String> kept = new ArrayList<>(List.of(lines.get(0)));
        for (String l : lines.subList(1, lines.size())) {
            if (!dropped.contains(l.split(",")[id])) {
                kept.add(l);
            }
        }
        assertEquals(3062, ids.size());
        assertEquals(6124 - 2 * 153, kept.size() - 1);
        Files.write(csv, kept);
        Run second = cli("run", spec);
        assertEquals(0, second.rc(), second.err());

        JsonNode before = new ObjectMapper().readTree(old.resolve("results.json").toFile());
        JsonNode after = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        Set<String> cells = new TreeSet<>();
        List<String[]> estimateCells = new ArrayList<>();
        for (String[] row : rows(out.resolve("numbers.csv"))) {
            if (!row[0].startsWith("text:") && row[4].startsWith("estimates/") && !row[4].contains(",")) {
                cells.add(row[0]);
                estimateCells.add(row);
            }
        }
        Set<String> moved = new TreeSet<>();
        Set<String> starsMoved = new TreeSet<>();
        direct(before, after, estimateCells, moved, starsMoved);
        assertTrue(cells.size() > 100, "the DID, matching and PSM-DID tables' cells: " + cells.size());
        assertFalse(moved.isEmpty(), "the edit moves printed numbers");

        Comparison c = Changes.compare(Snapshot.read(old), Snapshot.read(out));
        assertEquals(moved, c.numbers().stream().map(Comparison.Changed::location).filter(cells::contains)
                .collect(Collectors.toCollection(TreeSet::new)));
        assertEquals(starsMoved, c.stars().stream().map(Comparison.Changed::location).filter(cells::contains)
                .collect(Collectors.toCollection(TreeSet::new)));
        String md = Files.readString(out.resolve("changes.md"));
        assertTrue(md.contains("clds_sim.csv"), md);
        System.out.println("default analysis, 5% of households dropped: " + cells.size() + " estimate cells, "
                + moved.size() + " moved, " + starsMoved.size() + " stars changed; " + second.err().strip().lines()
                .reduce((x, y) -> y).orElse(""));
        String last = second.err().strip().lines().reduce((a, b) -> b).orElse("");
        assertTrue(last.endsWith(" (changes.md)"), last);
    }

    @Test
    void aReRunAfterADataEditListsExactlyTheNumbersThatMoved() throws Exception {
        Path dir = petersen("edit");
        String spec = dir.resolve("analysis.yaml").toString();
        assertEquals(0, cli("run", spec, "--quiet").rc());
        Path out = dir.resolve("output");
        Path old = tmp.resolve("old-output");
        TestFiles.copyTree(out, old);
        dropFivePercentOfFirms(dir.resolve("PetersenCL.csv"));
        Run second = cli("run", spec);
        assertEquals(0, second.rc(), second.err());

        // the direct comparison: every printed number's ref in both results.json, rounded to its decimals
        JsonNode before = new ObjectMapper().readTree(old.resolve("results.json").toFile());
        JsonNode after = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        Set<String> moved = new TreeSet<>();
        Set<String> starsMoved = new TreeSet<>();
        direct(before, after, ledger(out.resolve("numbers.csv")), moved, starsMoved);
        assertFalse(moved.isEmpty(), "the edit moves printed numbers");

        Comparison c = Changes.compare(Snapshot.read(old), Snapshot.read(out));
        assertEquals(moved, c.numbers().stream().map(Comparison.Changed::location)
                .collect(Collectors.toCollection(TreeSet::new)));
        assertEquals(starsMoved, c.stars().stream().map(Comparison.Changed::location)
                .collect(Collectors.toCollection(TreeSet::new)));
        assertTrue(c.appeared().isEmpty() && c.gone().isEmpty());
        assertTrue(c.counts().stream().anyMatch(x -> x.before().equals("5000") && x.after().equals("4750")),
                c.counts().toString());

        String md = Files.readString(out.resolve("changes.md"));
        for (Comparison.Changed x : c.numbers()) {
            assertTrue(md.contains(" | " + x.before() + " | " + x.after() + " |"), x + " in changes.md:\n" + md);
        }
        assertTrue(md.contains("data file PetersenCL.csv: changed"), md);
        assertTrue(Files.readString(out.resolve("changes.html")).contains("Numbers changed"));
        String last = second.err().strip().lines().reduce((a, b) -> b).orElse("");
        assertTrue(last.startsWith(moved.size() + " numbers changed, " + starsMoved.size() + " stars changed, 0 signs"
                + " flipped") && last.endsWith(" (changes.md)"), last);
        assertEquals(c.summary() + " (changes.md)", last);

        Run diff = cli("diff", old.toString(), out.toString());
        assertEquals(1, diff.rc(), diff.err());
        assertEquals(ChangesReport.markdown(c), diff.out());
    }

    @Test
    void anUnchangedReRunSaysNothingChanged() throws Exception {
        Path dir = petersen("same");
        String spec = dir.resolve("analysis.yaml").toString();
        assertEquals(0, cli("run", spec, "--quiet").rc());
        Path out = dir.resolve("output");
        byte[] results = Files.readAllBytes(out.resolve("results.json"));
        Run again = cli("run", spec, "--no-cache");
        assertEquals(0, again.rc(), again.err());
        assertEquals("no printed number changed", again.err().strip().lines().reduce((a, b) -> b).orElse(""));
        assertFalse(Files.exists(out.resolve("changes.md")), "nothing to report, no changes.md");
        assertTrue(java.util.Arrays.equals(results, Files.readAllBytes(out.resolve("results.json"))));
        Run diff = cli("diff", out.toString(), out.toString());
        assertEquals(0, diff.rc(), diff.err());
        assertTrue(diff.out().contains("**no printed number changed.**"), diff.out());
    }

    @Test
    void diffOfTwoSpecVersionsNamesTheKeysThatChanged() throws Exception {
        Path dir = petersen("versions");
        Path spec = dir.resolve("analysis.yaml");
        assertEquals(0, cli("run", spec.toString(), "--quiet", "--out", dir.resolve("v1").toString()).rc());
        Files.writeString(spec, Files.readString(spec).replace("vcov: hc1, label: \"Robust (HC1)\"",
                "vcov: hc3, label: \"Robust (HC3)\"").replace("stats: [nobs, r2]", "stats: [nobs]"));
        assertEquals(0, cli("run", spec.toString(), "--quiet", "--out", dir.resolve("v2").toString()).rc());
        Run diff = cli("diff", dir.resolve("v1").toString(), dir.resolve("v2").toString());
        assertEquals(1, diff.rc(), diff.err());
        assertTrue(diff.out().contains("analysis.yaml `/models/1/vcov`: `hc1` → `hc3`"), diff.out());
        assertTrue(diff.out().contains("analysis.yaml `/models/1/label`: `Robust (HC1)` → `Robust (HC3)`"),
                diff.out());
        assertTrue(diff.out().contains("analysis.yaml `/tables/0/stats/1`: removed (was `r2`)"), diff.out());
        assertTrue(diff.out().contains("Went away"), "the R² row went away: " + diff.out());
        Run bad = cli("diff", dir.resolve("v1").toString(), dir.toString());
        assertEquals(2, bad.rc());
        assertTrue(bad.err().startsWith("error: ") && bad.err().contains("holds no numbers.csv"), bad.err());
    }

    /**
     * The direct comparison of two results.json: each ledger row's ref resolved in both and rounded to its printed
     * decimals ({@code moved}), and each estimate's stars from its p-value by the default rule ({@code starsMoved}).
     */
    private static void direct(JsonNode before, JsonNode after, List<String[]> rows, Set<String> moved,
                               Set<String> starsMoved) {
        for (String[] row : rows) {
            int decimals = Integer.parseInt(row[3]);
            if (!rounded(resolve(before, row[4]), decimals).equals(rounded(resolve(after, row[4]), decimals))) {
                moved.add(row[0]);
            }
            if (row[4].endsWith("/estimate")) {
                String p = row[4].substring(0, row[4].length() - "estimate".length()) + "p_value";
                if (!stars(resolve(before, p)).equals(stars(resolve(after, p)))) {
                    starsMoved.add(row[0]);
                }
            }
        }
    }

    private static List<String[]> ledger(Path csv) throws IOException {
        List<String[]> rows = rows(csv);
        for (String[] r : rows) {
            assertTrue(r[4].startsWith("estimates/") && !r[4].contains(","), "petersen prints estimates only: "
                    + String.join(",", r));
        }
        return rows;
    }

    /** numbers.csv's rows (location, printed, raw, decimals, ref), without the header. */
    private static List<String[]> rows(Path csv) throws IOException {
        com.fasterxml.jackson.dataformat.csv.CsvMapper m = new com.fasterxml.jackson.dataformat.csv.CsvMapper();
        m.enable(com.fasterxml.jackson.dataformat.csv.CsvParser.Feature.WRAP_AS_ARRAY);
        List<String[]> rows = new ArrayList<>();
        try (com.fasterxml.jackson.databind.MappingIterator<String[]> it = m.readerFor(String[].class)
                .readValues(csv.toFile())) {
            it.next(); // header
            while (it.hasNext()) {
                rows.add(it.next());
            }
        }
        return rows;
    }

    /** An independent reading of a ref (the forms of docs/verify.md) in results.json. */
    static double resolve(JsonNode results, String ref) {
        String[] p = ref.split("/");
        for (JsonNode e : results.path("estimates")) {
            if (!e.path("id").asText().equals(p[1])) {
                continue;
            }
            if (p[2].equals("nobs")) {
                return e.path("nobs").asDouble();
            }
            if (p[2].equals("stats")) {
                return e.path("stats").path(p[3]).asDouble(Double.NaN);
            }
            for (JsonNode t : e.path("terms")) {
                if (t.path("term").asText().equals(p[3])) {
                    return t.path(p[4]).asDouble(Double.NaN);
                }
            }
        }
        throw new AssertionError("unresolved ref " + ref);
    }

    static String rounded(double v, int decimals) {
        return new BigDecimal(Double.toString(v)).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    }

    static String stars(double p) {
        return p < 0.01 ? "***" : p < 0.05 ? "**" : p < 0.10 ? "*" : "";
    }

}
