package org.reprise.badinput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10 §1: {@code reprise run A.yaml --out shared & reprise run B.yaml --out shared} (two JVMs at once, twice).
 * Never two writers: both exit 0 (the second waits for the first's lock), and the folder is afterwards exactly the
 * output of one of the two runs (compared with each run made alone; changes.md, which compares with the output it
 * replaced, aside), with results.json and numbers.csv, every file listed in its marker with its SHA-256, and no
 * staging folder or lock left.
 */
class ConcurrentRunsTest {
    @TempDir
    Path tmp;

    @Test
    void twoRunsIntoOneFolderNeverBothWrite() throws Exception {
        Path dir = Cli.copyExample("petersen", tmp.resolve("p"));
        String a = Files.readString(dir.resolve("analysis.yaml"));
        Files.writeString(dir.resolve("A.yaml"), a);
        Files.writeString(dir.resolve("B.yaml"), a.replace("title: \"Petersen (2009) clustered standard errors\"",
                "title: \"Run B\"").replace("decimals: {estimate: 4, se: 4, r2: 3}", "decimals: {estimate: 3}"));
        assertEquals(0, Cli.run("run", dir.resolve("A.yaml").toString(), "--quiet", "--no-cache", "--out",
                dir.resolve("alone-a").toString()).rc());
        assertEquals(0, Cli.run("run", dir.resolve("B.yaml").toString(), "--quiet", "--no-cache", "--out",
                dir.resolve("alone-b").toString()).rc());
        Map<String, String> onlyA = Cli.fingerprint(dir.resolve("alone-a"));
        Map<String, String> onlyB = Cli.fingerprint(dir.resolve("alone-b"));
        assertFalse(onlyA.equals(onlyB));

        Path shared = dir.resolve("shared");
        for (int round = 0; round < 2; round++) {
            Process pa = Cli.fork(List.of(), "run", dir.resolve("A.yaml").toString(), "--no-cache", "--out",
                    shared.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            Process pb = Cli.fork(List.of(), "run", dir.resolve("B.yaml").toString(), "--no-cache", "--out",
                    shared.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            String ea = new String(pa.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            String eb = new String(pb.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(pa.waitFor(300, TimeUnit.SECONDS) && pb.waitFor(300, TimeUnit.SECONDS), "runs did not end");
            assertEquals(0, pa.exitValue(), ea);
            assertEquals(0, pb.exitValue(), eb);
            Map<String, String> now = Cli.fingerprint(shared);
            Map<String, String> run = withoutChanges(now);
            assertTrue(run.equals(withoutChanges(onlyA)) || run.equals(withoutChanges(onlyB)),
                    "the folder is one run's output, not a mix: " + now);
            assertTrue(now.containsKey("results.json") && now.containsKey("numbers.csv"), now.toString());
            assertEquals(listed(shared), withoutFolders(now), "the marker lists every file with its SHA-256");
            assertFalse(Files.exists(dir.resolve(".shared.reprise")), "no staging folder or lock left");
        }
    }

    /** path → SHA-256 from the marker. */
    private static Map<String, String> listed(Path folder) throws Exception {
        Map<String, String> m = new TreeMap<>();
        List<String> lines = Files.readAllLines(folder.resolve(".reprise-output"));
        for (String line : lines.subList(1, lines.size())) {
            m.put(line.substring(66), line.substring(0, 64));
        }
        return m;
    }

    /** A run's files without the comparison with the output it replaced (changes.md, .html) and the marker. */
    private static Map<String, String> withoutChanges(Map<String, String> fingerprint) {
        Map<String, String> m = new TreeMap<>(fingerprint);
        m.keySet().removeIf(k -> k.startsWith("changes.") || k.equals(".reprise-output"));
        return m;
    }

    private static Map<String, String> withoutFolders(Map<String, String> fingerprint) {
        Map<String, String> m = new TreeMap<>(fingerprint);
        m.keySet().removeIf(k -> k.endsWith("/") || k.equals(".reprise-output"));
        return m;
    }
}
