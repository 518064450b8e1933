package org.reprise.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The marker {@code .reprise-output} that makes a folder Reprise's: a fixed first line, then one line per file
 * Reprise wrote there, {@code SHA-256  path} (the format of {@code sha256sum}), sorted by path. A folder without it,
 * or with files it does not list or whose content changed, is not replaced.
 */
final class OutputMarker {
    static final String NAME = ".reprise-output";
    static final String HEAD = "# Reprise output folder: Reprise replaces it as a whole on its next run, and refuses"
            + " to when a file is not listed below or changed since.";

    private OutputMarker() {
    }

    /** The marker text for the files now in dir (every regular file but the marker itself). */
    static String of(Path dir) {
        StringBuilder sb = new StringBuilder(HEAD).append('\n');
        for (Map.Entry<String, String> e : files(dir).entrySet()) {
            if (!e.getKey().equals(NAME)) {
                sb.append(Hashes.sha256(dir.resolve(e.getKey()))).append("  ").append(e.getKey()).append('\n');
            }
        }
        return sb.toString();
    }

    /** The listed files (path → SHA-256), or null when dir holds no marker of Reprise's. */
    static Map<String, String> read(Path dir) {
        Path m = dir.resolve(NAME);
        if (!Files.isRegularFile(m, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        try {
            List<String> lines = Files.readAllLines(m, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.get(0).equals(HEAD)) {
                return null;
            }
            Map<String, String> listed = new TreeMap<>();
            for (String line : lines.subList(1, lines.size())) {
                int gap = line.indexOf("  ");
                if (gap == 64) {
                    listed.put(line.substring(66), line.substring(0, 64));
                }
            }
            return listed;
        } catch (IOException | UncheckedIOException e) {
            return null;
        }
    }

    /**
     * What in dir the marker does not vouch for: files it does not list ("thesis.tex"), files changed since
     * ("report.md (changed since Reprise wrote it)"), links and other non-regular files. Folders only count through
     * what they hold.
     */
    static List<String> strangers(Path dir, Map<String, String> listed) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> e : files(dir).entrySet()) {
            String rel = e.getKey();
            if (rel.equals(NAME)) {
                continue;
            }
            if (!e.getValue().equals("file") || !listed.containsKey(rel)) {
                out.add(rel);
            } else if (!Hashes.sha256(dir.resolve(rel)).equals(listed.get(rel))) {
                out.add(rel + " (changed since Reprise wrote it)");
            }
        }
        return out;
    }

    /** Every non-folder entry below dir by relative path ('/'-separated): "file", "link" or "other". */
    static Map<String, String> files(Path dir) {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.toList()) {
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                String rel = dir.relativize(p).toString().replace('\\', '/');
                m.put(rel, Files.isSymbolicLink(p) ? "link"
                        : Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) ? "file" : "other");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return m;
    }
}
