package org.reprise.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.reprise.UserError;
import org.reprise.cli.Main;
import org.reprise.spec.Spec;
import org.reprise.spec.SpecLoader;

/**
 * Issue 10 §1: random output paths around a folder of user files never delete or change a user file. Each try builds
 * a fresh project (spec, data/d.csv, templates/, manuscript.yaml, notes.txt, thesis/, a Reprise output/ that may hold
 * a file the user dropped in, symbolic links to a folder, to the project and to the data file, a sibling folder with
 * a user file, an empty folder) five levels down a private base folder, and an output path made of up to four names
 * among those, {@code .} and {@code ..} (so: inside the project, equal to it, its parent, a sibling, the data folder,
 * a data file, a file path, relative forms, links). It then writes through {@link OutputFolder} exactly as a run does
 * (the spec's real inputs, check, lock, staging, marker, swap) twice, and checks every user file under the base is
 * byte-identical (links as links), whether the write was refused or not.
 */
class OutputPathPropertyTest {
    static final String SPEC = "title: \"t\"\ndata: {file: data/d.csv}\nmodels:\n  - {id: m1, outcome: y, terms: [x]}\n";
    static final List<String> NAMES = List.of("project", "data", "d.csv", "templates", "thesis", "thesis.tex",
            "notes.txt", "output", "new", "sibling", "empty", ".", "..", "..", "link-thesis", "link-project",
            "link-data", "x", "analysis.yaml", "manuscript.yaml");

    @Provide
    Arbitrary<List<String>> paths() {
        return Arbitraries.of(NAMES).list().ofMinSize(1).ofMaxSize(4);
    }

    @Property(tries = 300, seed = "20261207", edgeCases = EdgeCasesMode.FIRST)
    void noUserFileIsEverDeletedOrChanged(@ForAll("paths") List<String> names, @ForAll boolean strayFile,
                                          @ForAll boolean fromSpec) throws Exception {
        Path base = Files.createTempDirectory("reprise-outprop");
        try {
            Path root = base.resolve("l1/l2/l3/l4/root");
            Path project = layout(root, strayFile);
            Map<String, String> user = fingerprint(base);
            user.keySet().removeIf(k -> k.contains("/project/output/") && !k.endsWith("/drafts/mine.tex"));
            Path out = root.resolve(String.join("/", names));
            Spec spec = SpecLoader.load(project.resolve("analysis.yaml"));
            OutputTarget target = OutputTarget.of(spec, project.resolve("analysis.yaml"), fromSpec ? null : out, null);
            boolean wrote = write(target, "first") && write(target, "second");
            net.jqwik.api.statistics.Statistics.collect(wrote ? "written" : "refused");
            Map<String, String> after = fingerprint(base);
            for (Map.Entry<String, String> e : user.entrySet()) {
                assertEquals(e.getValue(), after.get(e.getKey()), e.getKey() + " changed or went away (output "
                        + names + ", written: " + wrote + ")");
            }
            if (wrote) {
                Path written = OutputCheck.canonical(fromSpec ? spec.outputDir() : out);
                assertEquals("second", Files.readString(written.resolve("report.md")));
                assertFalse(Files.exists(OutputFolder.area(written)), "no lock or staging left");
            }
        } finally {
            deleteTree(base);
        }
    }

    /** Writes report.md through OutputFolder as a run does; false when refused. */
    private static boolean write(OutputTarget target, String text) {
        try {
            OutputFolder.check(target);
            OutputFolder f = OutputFolder.open(target, Progress.silent());
            try {
                f.writeText("report.md", text);
                f.writeText("tables/t1.tex", text);
                f.commit();
            } catch (RuntimeException e) {
                f.abandon();
                throw e;
            }
            return true;
        } catch (UserError e) {
            assertFalse(e.getMessage().isBlank());
            return false;
        }
    }

    /** The project and what surrounds it; returns the project folder. */
    static Path layout(Path root, boolean strayFile) throws IOException {
        Path project = root.resolve("project");
        Files.createDirectories(project.resolve("data"));
        Files.createDirectories(project.resolve("templates"));
        Files.createDirectories(project.resolve("thesis"));
        Files.createDirectories(root.resolve("sibling"));
        Files.createDirectories(root.resolve("empty"));
        Files.writeString(project.resolve("analysis.yaml"), SPEC);
        Files.writeString(project.resolve("data/d.csv"), "y,x\n1,2\n2,3\n3,5\n4,4\n");
        Files.writeString(project.resolve("templates/README.txt"), "my notes on templates\n");
        Files.writeString(project.resolve("manuscript.yaml"), "source: x\nnumbers: []\n");
        Files.writeString(project.resolve("notes.txt"), "my notes\n");
        Files.writeString(project.resolve("thesis/thesis.tex"), "\\documentclass{article}\n");
        Files.writeString(root.resolve("sibling/user.txt"), "a sibling's file\n");
        Files.createSymbolicLink(project.resolve("link-thesis"), project.resolve("thesis"));
        Files.createSymbolicLink(project.resolve("link-project"), project);
        Files.createSymbolicLink(project.resolve("link-data"), project.resolve("data/d.csv"));
        Files.createSymbolicLink(root.resolve("link-project"), project);
        OutputFolder f = OutputFolder.open(OutputTarget.ofOption(project.resolve("output"), List.of()),
                Progress.silent());
        f.writeText("report.md", "an earlier run");
        f.commit();
        if (strayFile) {
            Files.createDirectories(project.resolve("output/drafts"));
            Files.writeString(project.resolve("output/drafts/mine.tex"), "the user's draft\n");
        }
        return project;
    }

    /** SHA-256 of every file under dir (links as "link:target", folders as "dir"), by path relative to dir. */
    static Map<String, String> fingerprint(Path dir) {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.toList()) {
                String rel = "/" + dir.relativize(p).toString().replace('\\', '/');
                if (Files.isSymbolicLink(p)) {
                    m.put(rel, "link:" + Files.readSymbolicLink(p));
                } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    m.put(rel, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(Files.readAllBytes(p))));
                } else {
                    m.put(rel + "/", "dir");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return m;
    }

    static void deleteTree(Path dir) throws IOException {
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** The same through the command line (the whole run), fewer tries: each one estimates and renders. */
    @Property(tries = 12, seed = "20261208", edgeCases = EdgeCasesMode.NONE)
    void theCommandLineNeverDeletesAUserFile(@ForAll("paths") List<String> names, @ForAll boolean strayFile)
            throws Exception {
        Path base = Files.createTempDirectory("reprise-outprop-cli");
        try {
            Path root = base.resolve("l1/l2/l3/l4/root");
            Path project = layout(root, strayFile);
            Map<String, String> user = fingerprint(base);
            user.keySet().removeIf(k -> k.contains("/project/output/") && !k.endsWith("/drafts/mine.tex"));
            Path out = root.resolve(String.join("/", names));
            java.io.PrintStream err = System.err;
            java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
            int rc;
            try {
                System.setErr(new java.io.PrintStream(buf, true, java.nio.charset.StandardCharsets.UTF_8));
                rc = Main.execute("run", project.resolve("analysis.yaml").toString(), "--quiet", "--out",
                        out.toString());
            } finally {
                System.setErr(err);
            }
            String msg = buf.toString(java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(rc == 0 || rc == 2, rc + ": " + msg);
            net.jqwik.api.statistics.Statistics.collect(rc == 0 ? "written" : "refused");
            assertFalse(msg.contains("Exception"), msg);
            Map<String, String> after = fingerprint(base);
            for (Map.Entry<String, String> e : user.entrySet()) {
                assertEquals(e.getValue(), after.get(e.getKey()), e.getKey() + " changed (output " + names + ")");
            }
        } finally {
            deleteTree(base);
        }
    }
}
