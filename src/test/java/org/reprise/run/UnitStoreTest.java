package org.reprise.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprise.results.Estimate;
import org.reprise.results.Term;

/** The entry files of the unit cache: exact round trip, damaged files ignored, LRU eviction, concurrent writers. */
class UnitStoreTest {
    @TempDir
    Path tmp;

    private static String key(int i) {
        return UnitKeys.hashOf("test", Integer.toString(i));
    }

    /** Doubles that a decimal round trip would change or lose (and a NaN with a payload): every bit must come back. */
    private static Estimate awkward() {
        double[] v = {0.1 + 0.2, Math.nextUp(1.0), Double.MIN_VALUE, -0.0, Double.NaN, Double.POSITIVE_INFINITY,
                Double.longBitsToDouble(0x7ff8000000000123L), 1e308 * 1.7};
        List<Term> terms = new ArrayList<>();
        for (int i = 0; i < v.length; i++) {
            terms.add(new Term("x" + i, v[i], v[(i + 1) % v.length], v[(i + 2) % v.length], v[(i + 3) % v.length],
                    v[(i + 4) % v.length], v[(i + 5) % v.length], i % 2 == 0));
        }
        Map<String, Double> stats = new java.util.LinkedHashMap<>();
        stats.put("r2", v[0]);
        stats.put("ll", v[3]);
        return new Estimate("m", "ols", "y", 12, "Classical", terms, stats, List.of("a note"));
    }

    @Test
    void aStoredValueComesBackBitForBit() {
        UnitStore store = new UnitStore(tmp);
        Estimate e = awkward();
        store.write(key(1), e);
        store.flush();
        Estimate back = store.read(key(1), Estimate.class);
        assertEquals(e.terms().size(), back.terms().size());
        for (int i = 0; i < e.terms().size(); i++) {
            Term a = e.terms().get(i);
            Term b = back.terms().get(i);
            assertArrayEquals(new long[] {bits(a.estimate()), bits(a.stdError()), bits(a.statistic()),
                    bits(a.pValue()), bits(a.confLow()), bits(a.confHigh())}, new long[] {bits(b.estimate()),
                    bits(b.stdError()), bits(b.statistic()), bits(b.pValue()), bits(b.confLow()), bits(b.confHigh())});
        }
        assertEquals(List.copyOf(e.stats().keySet()), List.copyOf(back.stats().keySet()));
        assertEquals(bits(e.stats().get("ll")), bits(back.stats().get("ll")));
        assertNull(store.read(key(1), String.class), "another type is a miss");
        assertNull(store.read(key(2), Estimate.class), "another key is a miss");
    }

    /**
     * The exact bits, except that every NaN counts as one (Java serialisation writes doubleToLongBits, which folds
     * NaN payloads into the canonical NaN; no output shows a payload).
     */
    private static long bits(double d) {
        return Double.doubleToLongBits(d);
    }

    @Test
    void damagedFilesAreMisses() throws Exception {
        UnitStore store = new UnitStore(tmp);
        store.write(key(1), awkward());
        store.flush();
        Path f = store.file(key(1));
        byte[] good = Files.readAllBytes(f);
        for (int cut : new int[] {0, 10, good.length / 2, good.length - 1}) {
            Files.write(f, Arrays.copyOf(good, cut));
            assertNull(store.read(key(1), Estimate.class), "truncated to " + cut);
        }
        for (int at : new int[] {0, 20, good.length / 2, good.length - 1}) {
            byte[] bad = good.clone();
            bad[at] ^= 0x10;
            Files.write(f, bad);
            assertNull(store.read(key(1), Estimate.class), "byte " + at + " flipped");
        }
        byte[] longer = Arrays.copyOf(good, good.length + 1);
        Files.write(f, longer);
        assertNull(store.read(key(1), Estimate.class), "a byte appended");
        // an intact entry moved under another key's name is not that key's value
        Files.createDirectories(store.file(key(2)).getParent());
        Files.write(store.file(key(2)), good);
        assertNull(store.read(key(2), Estimate.class));
        Files.write(f, good);
        assertEquals("m", store.read(key(1), Estimate.class).id());
    }

    @Test
    void evictionDeletesTheLeastRecentlyUsedBeyondTheLimit() throws Exception {
        UnitStore store = new UnitStore(tmp);
        byte[] payload = new byte[10_000];
        long t = System.currentTimeMillis() - 100_000;
        for (int i = 0; i < 5; i++) {
            store.write(key(i), payload);
            store.flush();
            Files.setLastModifiedTime(store.file(key(i)), FileTime.fromMillis(t + i * 1000L));
        }
        long one = Files.size(store.file(key(0)));
        assertArrayEquals(payload, store.read(key(0), byte[].class)); // a hit makes key 0 the most recent
        store.evict(3 * one);
        assertTrue(Files.exists(store.file(key(0))));
        assertFalse(Files.exists(store.file(key(1))));
        assertFalse(Files.exists(store.file(key(2))));
        assertTrue(Files.exists(store.file(key(3))));
        assertTrue(Files.exists(store.file(key(4))));
        store.evict(0);
        assertNull(store.read(key(4), byte[].class));
    }

    @Test
    void concurrentWritersAndReadersSeeWholeEntriesOrNone() throws Exception {
        UnitStore store = new UnitStore(tmp);
        byte[] value = new byte[200_000];
        new java.util.Random(7).nextBytes(value);
        AtomicReference<String> problem = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            boolean writer = w % 2 == 0;
            threads.add(new Thread(() -> {
                for (int i = 0; i < 50; i++) {
                    if (writer) {
                        UnitStore own = new UnitStore(tmp);
                        own.write(key(9), value);
                        own.flush();
                    } else {
                        byte[] got = new UnitStore(tmp).read(key(9), byte[].class);
                        if (got != null && !Arrays.equals(got, value)) {
                            problem.set("a reader saw a partial or different entry");
                        }
                    }
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread th : threads) {
            th.join();
        }
        assertNull(problem.get());
        assertArrayEquals(value, store.read(key(9), byte[].class));
        try (var files = Files.list(store.file(key(9)).getParent())) {
            assertEquals(List.of(store.file(key(9))), files.toList(), "no temporary files left behind");
        }
    }

    @Test
    void aChangedFileIsHashedAgainEvenWithItsSizeAndModificationTimeRestored() throws Exception {
        Path cache = tmp.resolve("cache");
        Path data = tmp.resolve("data.csv");
        Files.writeString(data, "x,y\n1,2\n");
        FileTime old = FileTime.fromMillis(System.currentTimeMillis() - 60_000);
        Files.setLastModifiedTime(data, old);
        FileStamps stamps = FileStamps.open(cache);
        assertEquals(Hashes.sha256(data), stamps.sha256(data));
        stamps.save();
        assertTrue(Files.readString(cache.resolve("files.txt")).contains(Hashes.sha256(data)), "remembered");
        Files.writeString(data, "x,y\n1,3\n"); // same size
        Files.setLastModifiedTime(data, old);
        String edited = FileStamps.open(cache).sha256(data);
        assertEquals(Hashes.sha256(data), edited);
        assertNotEquals(Hashes.sha256("x,y\n1,2\n".getBytes()), edited);
    }

    @Test
    void aFileModifiedJustNowIsNotRemembered() throws Exception {
        Path cache = tmp.resolve("cache");
        Path data = tmp.resolve("data.csv");
        Files.writeString(data, "a\n1\n");
        FileStamps stamps = FileStamps.open(cache);
        assertEquals(Hashes.sha256(data), stamps.sha256(data));
        stamps.save();
        assertFalse(Files.exists(cache.resolve("files.txt")) && Files.readString(cache.resolve("files.txt"))
                .contains(data.toAbsolutePath().toString()), "a racily clean file is hashed again next time");
    }
}
