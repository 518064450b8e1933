package org.reprise.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprise.UserError;

/**
 * A run whose independent units run on a second thread ({@link Worker}: a matching analysis beside the models, the
 * figures beside the report text, the PDF beside the other formats) against the same run with every unit on one
 * thread, one after another (the reference: the order the spec gives). The output folders must be byte-identical,
 * also when the worker is held back so that the calling thread runs far ahead (other thread timing), and when units
 * fail, the error must be the one the one-thread run reports (the first failure in spec order).
 */
class ConcurrentRunTest {
    @TempDir
    Path tmp;

    /** Runs {@code spec} (no cache) with {@code worker}; returns the progress text. */
    private static String run(Path spec, Worker worker) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (worker) {
            Pipeline.run(spec, null, new Progress(new PrintStream(err, true, StandardCharsets.UTF_8), false), false,
                    worker);
        }
        return err.toString(StandardCharsets.UTF_8);
    }

    /** A worker that starts its first task only after {@code millis}: the calling thread runs ahead. */
    private static Worker heldBack(long millis) {
        Worker w = Worker.start();
        w.submit(() -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        });
        return w;
    }

    @Test
    void outputIsTheSameWithTheWorkerAsOnOneThread() throws IOException {
        Path one = UnitCacheTest.project(tmp.resolve("one"));
        run(one, Worker.inline());
        Map<String, byte[]> expected = UnitCacheTest.files(one.resolveSibling("output"), false);

        Path two = UnitCacheTest.project(tmp.resolve("two"));
        run(two, Worker.start());
        UnitCacheTest.assertSameFiles(expected, UnitCacheTest.files(two.resolveSibling("output"), false));

        Path late = UnitCacheTest.project(tmp.resolve("late"));
        run(late, heldBack(1500));
        UnitCacheTest.assertSameFiles(expected, UnitCacheTest.files(late.resolveSibling("output"), false));
    }

    @Test
    void progressLinesComeInSpecOrder() throws IOException {
        Path spec = UnitCacheTest.project(tmp.resolve("p"));
        String text = run(spec, heldBack(800));
        int models = text.indexOf("estimating did6");
        int matching = text.indexOf("matching psm (4 methods)");
        assertTrue(models >= 0 && matching > models, text);
    }

    private static final String COVARIATES = "covariates: [age, health, job, famsize, machine, subsidy, distance, "
            + "hroad, lamp, edu, ability, twork]\n    score: probit";

    /**
     * The error of a run of the default spec with {@code edits} (pairs of text to replace and replacement), on one
     * thread, with a worker, and with a held-back worker: the same message, which names {@code expected}.
     */
    private void sameError(String name, String expected, String... edits) throws IOException {
        String[] messages = new String[3];
        Worker[] workers = {Worker.inline(), Worker.start(), heldBack(800)};
        for (int i = 0; i < 3; i++) {
            Path spec = UnitCacheTest.project(tmp.resolve(name + i));
            String text = Files.readString(spec);
            for (int e = 0; e < edits.length; e += 2) {
                assertTrue(text.contains(edits[e]), edits[e]);
                text = text.replace(edits[e], edits[e + 1]);
            }
            Files.writeString(spec, text);
            Worker w = workers[i];
            messages[i] = assertThrows(UserError.class, () -> run(spec, w)).getMessage()
                    .replace(spec.getParent().toString(), "PROJECT");
        }
        assertTrue(messages[0].contains(expected), messages[0]);
        assertEquals(messages[0], messages[1]);
        assertEquals(messages[0], messages[2]);
    }

    @Test
    void aFailingModelIsReportedBeforeAFailingMatchingAnalysis() throws IOException {
        // did5 has an outcome with no variation, and the matching analysis a covariate that does not exist
        sameError("both", "did5", "outcome: Vul3, terms: [PxT], absorb", "outcome: area, terms: [PxT], absorb",
                COVARIATES, "covariates: [age, nosuchcovariate]\n    score: probit");
    }

    @Test
    void aFailingMatchingAnalysisIsReported() throws IOException {
        sameError("matching", "nosuchcovariate", COVARIATES, "covariates: [age, nosuchcovariate]\n    score: probit");
    }
}
