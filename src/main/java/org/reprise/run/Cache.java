package org.reprise.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.reprise.Version;
import org.reprise.results.Results;
import org.reprise.spec.DataSource;
import org.reprise.spec.Spec;

/**
 * Incremental runs: what estimation produced (results and the drawn figures) is kept in .reprise-cache/ beside the
 * output folder, keyed by the SHA-256 of the spec, every data file, the Reprise version and the Java version. With
 * nothing changed, or only templates changed, a run re-renders from the cache without re-estimating; any change to
 * the spec or the data re-estimates. A missing, unreadable or stale cache is simply ignored.
 */
final class Cache {
    private Cache() {
    }

    /** What a cache hit restores: results, figure files, and the labels read from data files (per source). */
    record Entry(Results results, Map<String, byte[]> figureFiles, Map<String, Map<String, String>> variableLabels,
                 Map<String, Map<String, Map<String, String>>> valueLabels) implements Serializable {
    }

    static Entry entry(Spec spec, Results results, Map<String, byte[]> figureFiles) {
        Map<String, Map<String, String>> vars = new LinkedHashMap<>();
        Map<String, Map<String, Map<String, String>>> values = new LinkedHashMap<>();
        for (DataSource s : spec.data()) {
            Map<String, String> labels = new LinkedHashMap<>();
            s.variables().forEach((k, v) -> labels.put(k, v.label()));
            vars.put(s.name(), labels);
            Map<String, Map<String, String>> vl = new LinkedHashMap<>();
            s.valueLabels().forEach((k, v) -> vl.put(k, new LinkedHashMap<>(v)));
            values.put(s.name(), vl);
        }
        return new Entry(results, figureFiles, vars, values);
    }

    /** The spec with the cached data-file labels restored (the spec's own labels still win). */
    static Spec withLabels(Spec spec, Entry e) {
        java.util.List<DataSource> sources = new java.util.ArrayList<>();
        for (DataSource s : spec.data()) {
            Map<String, String> vars = e.variableLabels().getOrDefault(s.name(), Map.of());
            Map<String, Map<String, String>> values = e.valueLabels().getOrDefault(s.name(), Map.of());
            Map<String, String> nonEmpty = new LinkedHashMap<>();
            vars.forEach((k, v) -> {
                if (!v.isEmpty()) {
                    nonEmpty.put(k, v);
                }
            });
            sources.add(s.withFileLabels(nonEmpty, values));
        }
        return spec.withData(sources);
    }

    static String key(Spec spec, Path specPath) {
        StringBuilder sb = new StringBuilder();
        sb.append("reprise ").append(Version.get()).append('\n');
        sb.append("java ").append(System.getProperty("java.version")).append('\n');
        sb.append("spec ").append(Hashes.sha256(specPath)).append('\n');
        for (DataSource s : spec.data()) {
            sb.append("data ").append(s.file()).append(' ').append(Hashes.sha256(spec.resolve(s.file()))).append('\n');
        }
        return Hashes.sha256(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    static Path file(Path outputFolder) {
        Path abs = outputFolder.toAbsolutePath().normalize();
        return abs.getParent().resolve(".reprise-cache").resolve(abs.getFileName() + ".bin");
    }

    /** The cached entry if its key matches, else null. */
    static Entry read(Path file, String key) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (InputStream in = Files.newInputStream(file); ObjectInputStream ois = new ObjectInputStream(in)) {
            Object k = ois.readObject();
            if (!key.equals(k)) {
                return null;
            }
            return (Entry) ois.readObject();
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            return null;
        }
    }

    /** Writes the entry (temp file, then an atomic move); a failure to cache never fails the run. */
    static void write(Path file, String key, Entry entry) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "cache", ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp); ObjectOutputStream oos = new ObjectOutputStream(out)) {
                oos.writeObject(key);
                oos.writeObject(entry);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // the cache is an optimisation only
        }
    }

    /** Reads back the figure files written into a folder (figures/NAME.png and .svg). */
    static Map<String, byte[]> figures(Path figuresDir) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        if (!Files.isDirectory(figuresDir)) {
            return out;
        }
        try (var files = Files.list(figuresDir)) {
            for (Path f : files.sorted().toList()) {
                out.put(f.getFileName().toString(), Files.readAllBytes(f));
            }
        } catch (IOException e) {
            return new LinkedHashMap<>();
        }
        return out;
    }
}
