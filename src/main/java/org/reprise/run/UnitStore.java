package org.reprise.run;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The content-addressed cache of computed units in {@code .reprise-cache/units/}: one file per key (a SHA-256 of
 * everything the unit's result depends on, see {@link UnitKeys}), {@code units/ab/abcdef….bin}. A file holds a magic
 * line, its own key, the length of the payload (the unit's result, Java-serialised: doubles keep their exact bits),
 * the payload and a SHA-256 of all that; a file whose key, length or checksum does not match, or that does not
 * deserialise into the expected type, is ignored (the unit is computed again and the file replaced). A run's new
 * entries are written only after its output folder is in place ({@link #flush}), each to a temporary file moved
 * into place atomically, so concurrent runs read either a whole entry or none;
 * two runs writing one key write the same bytes. A hit sets the file's modification time, and {@link #evict} deletes
 * the least recently used files beyond the size limit ({@link #maxBytes}).
 */
final class UnitStore {
    private static final byte[] MAGIC = "reprise-unit 1\n".getBytes(StandardCharsets.US_ASCII);
    private static final int SHA = 32;
    /** The default size limit of units/ in MB; the environment variable REPRISE_CACHE_MB overrides it. */
    static final long DEFAULT_MB = 512;

    private final Path dir;
    /** Entries computed by this run, written by {@link #flush} once the run has succeeded. */
    private final java.util.Map<String, byte[]> pending = new java.util.LinkedHashMap<>();

    UnitStore(Path cacheDir) {
        this.dir = cacheDir.resolve("units");
    }

    Path dir() {
        return dir;
    }

    Path file(String key) {
        return dir.resolve(key.substring(0, 2)).resolve(key + ".bin");
    }

    /** The stored value of {@code key} if present, intact and of {@code type}; else null. */
    <T> T read(String key, Class<T> type) {
        Path f = file(key);
        byte[] all = pending.get(key);
        try {
            if (all == null) {
                all = Files.readAllBytes(f);
            }
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            return null;
        }
        byte[] payload = payload(all, key);
        if (payload == null) {
            return null;
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(payload))) {
            in.setObjectInputFilter(UnitStore::allowed);
            Object o = in.readObject();
            if (!type.isInstance(o)) {
                return null;
            }
            touch(f);
            return type.cast(o);
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Stores the value under {@code key} when {@link #flush} is called (a run that fails, or is refused its output
     * folder, leaves the cache as it was); a failure to write never fails the run (the cache is an optimisation).
     */
    void write(String key, Serializable value) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(value);
            }
            byte[] payload = bytes.toByteArray();
            ByteBuffer b = ByteBuffer.allocate(MAGIC.length + SHA + Long.BYTES + payload.length + SHA);
            b.put(MAGIC).put(HexFormat.of().parseHex(key)).putLong(payload.length).put(payload);
            MessageDigest md = sha();
            md.update(b.array(), 0, b.position());
            b.put(md.digest());
            pending.put(key, b.array());
        } catch (IOException | RuntimeException e) {
            // the cache is an optimisation only
        }
    }

    /** Writes the entries stored since the last flush, each to a temporary file moved into place atomically. */
    void flush() {
        for (java.util.Map.Entry<String, byte[]> e : pending.entrySet()) {
            try {
                Path f = file(e.getKey());
                Files.createDirectories(f.getParent());
                Path tmp = Files.createTempFile(f.getParent(), "unit", ".tmp");
                try {
                    Files.write(tmp, e.getValue());
                    Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(tmp);
                }
            } catch (IOException | RuntimeException x) {
                // the cache is an optimisation only
            }
        }
        pending.clear();
    }

    /** The payload of a whole entry file when its header, key, length and checksum all match; else null. */
    private static byte[] payload(byte[] all, String key) {
        int head = MAGIC.length + SHA + Long.BYTES;
        if (all.length < head + SHA || !Arrays.equals(all, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            return null;
        }
        byte[] k = HexFormat.of().parseHex(key);
        if (!Arrays.equals(all, MAGIC.length, MAGIC.length + SHA, k, 0, SHA)) {
            return null;
        }
        long n = ByteBuffer.wrap(all, MAGIC.length + SHA, Long.BYTES).getLong();
        if (n != all.length - head - SHA) {
            return null;
        }
        MessageDigest md = sha();
        md.update(all, 0, all.length - SHA);
        if (!Arrays.equals(md.digest(), 0, SHA, all, all.length - SHA, all.length)) {
            return null;
        }
        return Arrays.copyOfRange(all, head, all.length - SHA);
    }

    /** Only Reprise's own result types, the JDK's collections, strings, boxed numbers and arrays deserialise. */
    private static ObjectInputFilter.Status allowed(ObjectInputFilter.FilterInfo info) {
        Class<?> c = info.serialClass();
        if (c == null) {
            return ObjectInputFilter.Status.UNDECIDED;
        }
        while (c.isArray()) {
            c = c.getComponentType();
        }
        String n = c.getName();
        return c.isPrimitive() || n.startsWith("org.reprise.") || n.startsWith("java.lang.")
                || n.startsWith("java.util.") ? ObjectInputFilter.Status.ALLOWED : ObjectInputFilter.Status.REJECTED;
    }

    private static void touch(Path f) {
        try {
            Files.setLastModifiedTime(f, FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException e) {
            // a missed touch only makes eviction less exact
        }
    }

    /** The size limit of units/ in bytes: REPRISE_CACHE_MB when set to a positive number, else 512 MB. */
    static long maxBytes() {
        String v = System.getenv("REPRISE_CACHE_MB");
        long mb = DEFAULT_MB;
        if (v != null && !v.isBlank()) {
            try {
                mb = Math.max(0, Long.parseLong(v.trim()));
            } catch (NumberFormatException e) {
                mb = DEFAULT_MB;
            }
        }
        return mb * 1024 * 1024;
    }

    /**
     * Deletes the least recently used entries (oldest modification time first) until units/ holds at most
     * {@code max} bytes; leftover temporary files of killed runs older than an hour go too. Never fails the run.
     */
    void evict(long max) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        record F(Path path, long size, long time) {
        }
        List<F> files = new ArrayList<>();
        long total = 0;
        long hourAgo = System.currentTimeMillis() - 3_600_000L;
        try (Stream<Path> walk = Files.walk(dir, 2)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                try {
                    long t = Files.getLastModifiedTime(p).toMillis();
                    String name = p.getFileName().toString();
                    if (name.endsWith(".tmp")) {
                        if (t < hourAgo) {
                            Files.deleteIfExists(p);
                        }
                        continue;
                    }
                    long s = Files.size(p);
                    files.add(new F(p, s, t));
                    total += s;
                } catch (IOException e) {
                    // gone meanwhile (another run evicted it)
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            return;
        }
        if (total <= max) {
            return;
        }
        files.sort(Comparator.comparingLong(F::time).thenComparing(f -> f.path().toString()));
        for (F f : files) {
            if (total <= max) {
                break;
            }
            try {
                Files.deleteIfExists(f.path());
            } catch (IOException e) {
                continue;
            }
            total -= f.size();
        }
    }

    private static MessageDigest sha() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
