package org.reprise.run;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SHA-256 of input files without reading them again when they have not changed: the hash is remembered in
 * {@code .reprise-cache/files.txt} with the file's size, modification and change times and inode, and a hash of its
 * first and last 4 KiB. A remembered hash is used only when all of these still match and the file was last modified
 * more than {@link #RACY_MS} before the hash was taken (a file written in the same instant as it was hashed could
 * change again without a visible change of its times: it is hashed again, as git treats a "racily clean" entry).
 * Anything unreadable in the list is ignored: the file is hashed.
 */
final class FileStamps {
    static final long RACY_MS = 2000;
    private static final int EDGE = 4096;

    private final Path list;
    private final Map<String, Stamp> known = new LinkedHashMap<>();
    private boolean changed;

    /** What is remembered of one file. */
    private record Stamp(String sha256, String stat, String edges, long hashedAt) {
    }

    private FileStamps(Path list) {
        this.list = list;
    }

    /** The stamps remembered in {@code cacheDir/files.txt}; null dir: remember nothing (every file is hashed). */
    static FileStamps open(Path cacheDir) {
        FileStamps s = new FileStamps(cacheDir == null ? null : cacheDir.resolve("files.txt"));
        if (s.list != null && Files.isRegularFile(s.list)) {
            try {
                for (String line : Files.readAllLines(s.list, StandardCharsets.UTF_8)) {
                    String[] p = line.split("\t", 5);
                    if (p.length == 5 && p[0].length() == 64) {
                        s.known.put(p[4], new Stamp(p[0], p[1], p[2], Long.parseLong(p[3])));
                    }
                }
            } catch (IOException | RuntimeException e) {
                s.known.clear();
            }
        }
        return s;
    }

    /** The file's SHA-256 (lower-case hex); null when it cannot be read (the reader then reports why). */
    synchronized String sha256(Path file) {
        return stamped(file, "", Hashes::sha256);
    }

    /**
     * A digest of {@code file} computed by {@code how} (64 hex digits), remembered under {@code kind} as the SHA-256
     * is; null when the file cannot be read.
     */
    synchronized String stamped(Path file, String kind, java.util.function.Function<Path, String> how) {
        try {
            return hash(file, kind, how);
        } catch (java.io.UncheckedIOException e) {
            return null;
        }
    }

    private String hash(Path file, String kind, java.util.function.Function<Path, String> how) {
        Path abs = file.toAbsolutePath().normalize();
        String key = kind + abs;
        String stat = stat(abs);
        Stamp old = known.get(key);
        if (old != null && stat != null && old.stat().equals(stat) && old.edges().equals(edges(abs))) {
            return old.sha256();
        }
        long now = System.currentTimeMillis();
        String sha = how.apply(abs);
        String after = stat(abs);
        if (stat != null && stat.equals(after) && modified(abs) + RACY_MS < now) {
            known.put(key, new Stamp(sha, stat, edges(abs), now));
            changed = true;
        } else if (known.remove(key) != null) {
            changed = true;
        }
        return sha;
    }

    /** Writes the list back when it changed (a temporary file, then an atomic move); failures are ignored. */
    synchronized void save() {
        if (list == null || !changed) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        known.forEach((path, s) -> sb.append(s.sha256()).append('\t').append(s.stat()).append('\t')
                .append(s.edges()).append('\t').append(s.hashedAt()).append('\t').append(path).append('\n'));
        try {
            Files.createDirectories(list.getParent());
            Path tmp = Files.createTempFile(list.getParent(), "files", ".tmp");
            Files.writeString(tmp, sb, StandardCharsets.UTF_8);
            Files.move(tmp, list, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            changed = false;
        } catch (IOException e) {
            // only an optimisation
        }
    }

    /** Size, modification and change time (nanoseconds) and inode; null when the file cannot be read. */
    private static String stat(Path f) {
        try {
            Map<String, Object> a;
            try {
                a = Files.readAttributes(f, "unix:size,lastModifiedTime,ctime,ino");
            } catch (UnsupportedOperationException | IllegalArgumentException e) {
                a = Files.readAttributes(f, "size,lastModifiedTime");
            }
            return a.get("size") + "," + nanos(a.get("lastModifiedTime")) + "," + nanos(a.get("ctime")) + ","
                    + a.get("ino");
        } catch (IOException e) {
            return null;
        }
    }

    private static long modified(Path f) {
        try {
            return Files.getLastModifiedTime(f).toMillis();
        } catch (IOException e) {
            return Long.MAX_VALUE - RACY_MS;
        }
    }

    private static String nanos(Object t) {
        return t instanceof FileTime ft ? Long.toString(ft.to(java.util.concurrent.TimeUnit.NANOSECONDS)) : "-";
    }

    /** SHA-256 of the first and last 4 KiB (the cheap content check); "" when unreadable. */
    private static String edges(Path f) {
        try (RandomAccessFile r = new RandomAccessFile(f.toFile(), "r")) {
            long n = r.length();
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[(int) Math.min(EDGE, n)];
            r.readFully(buf);
            md.update(buf);
            if (n > EDGE) {
                byte[] tail = new byte[(int) Math.min(EDGE, n - EDGE)];
                r.seek(n - tail.length);
                r.readFully(tail);
                md.update(tail);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            return "";
        }
    }
}
