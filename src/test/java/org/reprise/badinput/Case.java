package org.reprise.badinput;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** One bad-input case of {@link BadInputCatalogTest}: the files to write and what the answer must say. */
final class Case {
    final String id;
    final String what;
    String spec;
    final Map<String, byte[]> files = new LinkedHashMap<>();
    final List<String> examples = new ArrayList<>();
    final Map<String, String> links = new LinkedHashMap<>();
    final Map<String, String> linkTexts = new LinkedHashMap<>();
    final List<String[]> edits = new ArrayList<>();
    int dtaBytes = -1;
    boolean bigCsv;
    List<String> jvmArgs = List.of();
    int expectedRc = 2;
    String at = "";
    final List<String> phrases = new ArrayList<>();
    final List<String> absent = new ArrayList<>();
    final Map<String, String> specials = new LinkedHashMap<>();
    String pending = "";
    String why = "";
    String inResults = "";

    private Case(String id, String what) {
        this.id = id;
        this.what = what;
    }

    static Case of(String id, String what) {
        return new Case(id, what);
    }

    Case spec(String text) {
        spec = text;
        return this;
    }

    /** Copies examples/petersen/PetersenCL.csv (name "petersen") into the case folder. */
    Case copy(String example) {
        examples.add(example);
        return this;
    }

    /** Copies data/clds_sim.csv, the simulated panel of the default analysis. */
    Case clds() {
        examples.add("clds");
        return this;
    }

    Case file(String name, String text) {
        return bytes(name, text.getBytes(StandardCharsets.UTF_8));
    }

    Case bytes(String name, byte[] content) {
        files.put(name, content);
        return this;
    }

    /** Replaces the first occurrence of from by to in a copied file. */
    Case edit(String name, String from, String to) {
        edits.add(new String[] {name, from, to});
        return this;
    }

    /** src/test/resources/badinput/small.dta cut after n bytes. */
    Case dta(int n) {
        dtaBytes = n;
        return this;
    }

    /** name becomes a symbolic link to a copy of PetersenCL.csv (or, for a target ending in /, a folder) outside. */
    Case link(String name, String target) {
        links.put(name, target);
        return this;
    }

    /** name becomes a symbolic link to a file outside holding text (target relative to the outside folder). */
    Case link(String name, String target, String text) {
        links.put(name, target);
        linkTexts.put(name, text);
        return this;
    }

    /** A 600,000-row CSV d.csv (about 12 MB). */
    Case bigCsv() {
        bigCsv = true;
        return this;
    }

    Case forked(String... args) {
        jvmArgs = List.of(args);
        return this;
    }

    Case at(String location) {
        at = location;
        return this;
    }

    Case says(String... p) {
        phrases.addAll(List.of(p));
        return this;
    }

    /** The analysis goes on (exit 0); results.json must contain the given text. */
    Case ok(String reason, String results) {
        expectedRc = 0;
        why = reason;
        inResults = results;
        return this;
    }

    /** Text the message must not contain (library internals). */
    Case lacks(String... p) {
        absent.addAll(List.of(p));
        return this;
    }

    /** name becomes a folder ("folder"), a named pipe ("fifo"), or a symbolic link to an absolute path ("/dev/zero"). */
    Case special(String name, String kind) {
        specials.put(name, kind);
        return this;
    }

    Case pending(String reason) {
        pending = reason;
        return this;
    }

    void write(Path dir, Path outside) throws IOException {
        Files.createDirectories(dir);
        Files.createDirectories(outside);
        if (spec != null) {
            Files.writeString(dir.resolve("analysis.yaml"), spec, StandardCharsets.UTF_8);
        }
        for (String e : examples) {
            Path src = e.equals("clds") ? Path.of("data", "clds_sim.csv")
                    : Path.of("examples", "petersen", "PetersenCL.csv");
            Files.copy(src, dir.resolve(src.getFileName()));
        }
        for (String[] ed : edits) {
            Path p = dir.resolve(ed[0]);
            String s = Files.readString(p);
            Files.writeString(p, s.replaceFirst(java.util.regex.Pattern.quote(ed[1]), ed[2]));
        }
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Path p = dir.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.write(p, f.getValue());
        }
        if (dtaBytes >= 0) {
            byte[] all = Files.readAllBytes(Path.of("src", "test", "resources", "badinput", "small.dta"));
            Files.write(dir.resolve("small.dta"), java.util.Arrays.copyOf(all, dtaBytes));
        }
        for (Map.Entry<String, String> l : links.entrySet()) {
            Path target = outside.resolve(l.getValue().replace("outside/", ""));
            if (l.getValue().endsWith("/")) {
                Files.createDirectories(target);
            } else if (linkTexts.containsKey(l.getKey())) {
                Files.createDirectories(target.getParent());
                Files.writeString(target, linkTexts.get(l.getKey()));
            } else {
                Files.createDirectories(target.getParent());
                Files.copy(Path.of("examples", "petersen", "PetersenCL.csv"), target);
            }
            Files.createDirectories(dir.resolve(l.getKey()).getParent());
            Files.createSymbolicLink(dir.resolve(l.getKey()), target);
        }
        for (Map.Entry<String, String> sp : specials.entrySet()) {
            Path p = dir.resolve(sp.getKey());
            switch (sp.getValue()) {
                case "folder" -> Files.createDirectories(p);
                case "fifo" -> {
                    try {
                        Process mk = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
                        if (mk.waitFor() != 0) {
                            throw new IOException("mkfifo failed");
                        }
                    } catch (InterruptedException e) {
                        throw new IOException(e);
                    }
                }
                default -> Files.createSymbolicLink(p, Path.of(sp.getValue()));
            }
        }
        if (bigCsv) {
            SplittableRandom rnd = new SplittableRandom(6);
            try (Writer w = Files.newBufferedWriter(dir.resolve("d.csv"))) {
                w.write("y,x,z\n");
                for (int i = 0; i < 600_000; i++) {
                    w.write(String.format(java.util.Locale.ROOT, "%.6f,%.6f,%d%n", rnd.nextDouble(), rnd.nextDouble(),
                            i % 97));
                }
            }
        }
    }

    @Override
    public String toString() {
        return id;
    }
}
