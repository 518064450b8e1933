package org.reprise.simulate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reprise.UserError;
import org.junit.jupiter.api.io.TempDir;

/** Same seed, same bytes; and the committed data/ files are exactly what the code regenerates. */
class SimulatorDeterminismTest {

    @Test
    void generatingTwiceGivesIdenticalBytes() {
        String a = Simulator.csv(Simulator.generate(Simulator.DEFAULT_SEED));
        String b = Simulator.csv(Simulator.generate(Simulator.DEFAULT_SEED));
        assertArrayEquals(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anotherSeedGivesOtherData() {
        assertNotEquals(Simulator.csv(Simulator.generate(1L)), Simulator.csv(Simulator.generate(2L)));
    }

    @Test
    void writeReproducesCommittedFilesByteForByte(@TempDir Path dir) throws Exception {
        Simulator.run(dir);
        assertArrayEquals(Files.readAllBytes(SimData.CSV), Files.readAllBytes(dir.resolve("clds_sim.csv")),
                "data/clds_sim.csv differs from what Simulator.write regenerates");
        assertArrayEquals(Files.readAllBytes(SimData.TRUTH), Files.readAllBytes(dir.resolve("truth.json")),
                "data/truth.json differs from what Simulator.write regenerates");
        try (var files = Files.list(dir)) {
            assertEquals(List.of("clds_sim.csv", "truth.json"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary files left");
        }
    }

    @Test
    void aDifferentFileOfTheSameNameIsNeverOverwritten(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("clds_sim.csv"), "hhid,year,y\n1,2014,3\n"); // the user's own extract
        UserError e = assertThrows(UserError.class, () -> Simulator.run(dir));
        assertTrue(e.getMessage().contains("clds_sim.csv"), e.getMessage());
        assertTrue(e.getMessage().contains("never overwrites"), e.getMessage());
        assertTrue(e.getMessage().contains("--out"), e.getMessage());
        assertEquals("hhid,year,y\n1,2014,3\n", Files.readString(dir.resolve("clds_sim.csv")));
        try (var files = Files.list(dir)) {
            assertEquals(List.of("clds_sim.csv"), files.map(p -> p.getFileName().toString()).sorted().toList(),
                    "nothing written: not truth.json, no temporary file");
        }
    }

    @Test
    void aDifferentTruthFileStopsTheRunBeforeTheCsvIsWritten(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("truth.json"), "{}\n");
        assertThrows(UserError.class, () -> Simulator.run(dir));
        assertEquals("{}\n", Files.readString(dir.resolve("truth.json")));
        assertFalse(Files.exists(dir.resolve("clds_sim.csv")));
    }

    @Test
    void regeneratingOverItsOwnFilesIsANoOp(@TempDir Path dir) throws Exception {
        Simulator.run(dir);
        byte[] csv = Files.readAllBytes(dir.resolve("clds_sim.csv"));
        Simulator.run(dir);
        assertArrayEquals(csv, Files.readAllBytes(dir.resolve("clds_sim.csv")));
        try (var files = Files.list(dir)) {
            assertEquals(List.of("clds_sim.csv", "truth.json"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void aFolderInPlaceOfTheFileIsRefused(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("truth.json"));
        UserError e = assertThrows(UserError.class, () -> Simulator.run(dir));
        assertTrue(e.getMessage().contains("not a plain file"), e.getMessage());
    }

    @Test
    void unwritableFolderIsAUserError(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("not-a-folder");
        Files.writeString(file, "x");
        UserError e = assertThrows(UserError.class, () -> Simulator.run(file.resolve("out")));
        assertTrue(e.getMessage().contains("--out"), e.getMessage());
    }

    @Test
    void truthJsonIsStableAcrossCalls() {
        List<Row> rows = Simulator.generate(Simulator.DEFAULT_SEED);
        String a = Truth.json(Truth.of(rows, Simulator.DEFAULT_SEED, Params.DEFAULT));
        String b = Truth.json(Truth.of(rows, Simulator.DEFAULT_SEED, Params.DEFAULT));
        assertEquals(a, b);
        assertEquals(-1, a.indexOf('\r'), "no carriage returns");
        assertEquals(-1, a.indexOf("E-"), "no exponent notation");
    }
}
