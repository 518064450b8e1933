package org.reprise.badinput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing lost: {@code reprise run} on a copy of examples/nlswork (the slowest small example), into a folder that
 * already holds a good output, killed with SIGKILL ({@link Process#destroyForcibly()}) at several moments — while
 * the JVM starts, while it reads, while it estimates, and while it renders (once the staging folder exists). After
 * each kill the previous output is byte-identical (SHA-256 of every file); a normal run afterwards succeeds and
 * removes the staging folder.
 */
class KillTest {
    @TempDir
    Path tmp;

    @Test
    void killedRunsLeaveTheLastGoodOutput() throws Exception {
        Path dir = Cli.copyExample("nlswork", tmp.resolve("nlswork"));
        String spec = dir.resolve("analysis.yaml").toString();
        Cli.Result good = Cli.run("run", spec, "--quiet");
        assertEquals(0, good.rc(), good.err());
        Path out = dir.resolve("output");
        Map<String, String> before = Cli.fingerprint(out);
        assertTrue(before.containsKey("report.pdf"));

        for (long ms : new long[] {300, 800, 1500}) {
            Process p = Cli.fork(List.of(), "run", spec, "--quiet").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            Thread.sleep(ms);
            kill(p);
            assertEquals(before, Cli.fingerprint(out), "output changed after a kill at " + ms + " ms");
        }

        // while it renders: the staging folder exists only after every estimate is done
        Path area = dir.resolve(".output.reprise");
        Process p = Cli.fork(List.of(), "run", spec, "--quiet").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Path staging = area.resolve("staging-" + p.pid());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!Files.exists(staging.resolve("results.json")) && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        boolean caught = p.isAlive();
        kill(p);
        assertTrue(caught, "the run ended before its staging folder was seen");
        assertEquals(before, Cli.fingerprint(out), "output changed after a kill while rendering");

        Cli.Result again = Cli.run("run", spec, "--quiet");
        assertEquals(0, again.rc(), again.err());
        assertFalse(Files.exists(area), "staging folder and lock cleaned up");
        assertEquals(before, Cli.fingerprint(out), "same inputs, byte-identical output");
    }

    /**
     * A kill between the two renames of the swap leaves the old output in .output.reprise/previous and no output
     * folder. The next run repairs that, even one that then fails on bad input.
     */
    @Test
    void aKillDuringTheSwapIsRepaired() throws Exception {
        Path dir = Cli.copyExample("petersen", tmp.resolve("petersen"));
        Path specFile = dir.resolve("analysis.yaml");
        assertEquals(0, Cli.run("run", specFile.toString(), "--quiet").rc());
        Path out = dir.resolve("output");
        Map<String, String> before = Cli.fingerprint(out);
        Files.createDirectories(dir.resolve(".output.reprise/staging-1/tables"));
        Files.move(out, dir.resolve(".output.reprise/previous"));

        Files.writeString(specFile, Files.readString(specFile).replace("terms: [x]", "terms: [xx]"));
        Cli.Result bad = Cli.run("run", specFile.toString(), "--quiet");
        assertEquals(2, bad.rc(), bad.err());
        assertEquals(before, Cli.fingerprint(out), "a failed run after an interrupted swap restores the output");
    }

    @Test
    void aKillDuringTheSwapIsRepairedByTheNextGoodRun() throws Exception {
        Path dir = Cli.copyExample("petersen", tmp.resolve("petersen2"));
        String spec = dir.resolve("analysis.yaml").toString();
        assertEquals(0, Cli.run("run", spec, "--quiet").rc());
        Path out = dir.resolve("output");
        Map<String, String> before = Cli.fingerprint(out);
        Files.createDirectories(dir.resolve(".output.reprise/staging-1/tables"));
        Files.move(out, dir.resolve(".output.reprise/previous"));
        assertEquals(0, Cli.run("run", spec, "--quiet").rc());
        assertEquals(before, Cli.fingerprint(out));
        assertFalse(Files.exists(dir.resolve(".output.reprise")));
    }

    private static void kill(Process p) throws InterruptedException {
        p.destroyForcibly();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "killed process did not end");
    }
}
