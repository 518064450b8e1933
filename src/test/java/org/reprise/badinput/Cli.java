package org.reprise.badinput;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.reprise.cli.Main;
import org.reprise.tools.TestFiles;

/** Runs the command line in-process or in a forked JVM, and fingerprints folders. Test helper. */
final class Cli {
    private Cli() {
    }

    /** Exit code and everything written to stderr. */
    record Result(int rc, String err) {
    }

    /** Main.execute(args) with stdout and stderr captured. */
    static synchronized Result run(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream oldErr = System.err;
        PrintStream oldOut = System.out;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int rc;
        try {
            rc = Main.execute(args);
        } finally {
            System.setErr(oldErr);
            System.setOut(oldOut);
        }
        return new Result(rc, err.toString(StandardCharsets.UTF_8));
    }

    /** A new JVM running org.reprise.cli.Main with the test classpath. */
    static ProcessBuilder fork(List<String> jvmArgs, String... args) {
        List<String> cmd = new java.util.ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("org.reprise.cli.Main");
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd);
    }

    /** Runs a forked JVM to completion (at most two minutes). */
    static Result runForked(List<String> jvmArgs, String... args) throws Exception {
        Process p = fork(jvmArgs, args).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        byte[] err = p.getErrorStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("forked run did not finish");
        }
        return new Result(p.exitValue(), new String(err, StandardCharsets.UTF_8));
    }

    /** SHA-256 of every file under dir by relative path (links as "link:target", not followed). */
    static Map<String, String> fingerprint(Path dir) {
        Map<String, String> m = new TreeMap<>();
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return m;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.toList()) {
                String rel = dir.relativize(p).toString().replace('\\', '/');
                if (Files.isSymbolicLink(p)) {
                    m.put(rel, "link:" + Files.readSymbolicLink(p));
                } else if (Files.isRegularFile(p)) {
                    m.put(rel, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(Files.readAllBytes(p))));
                } else if (Files.isDirectory(p)) {
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

    /** The regular files of examples/name (not subfolders) copied into dir. */
    static Path copyExample(String name, Path dir) throws IOException {
        Files.createDirectories(dir);
        try (Stream<Path> files = Files.list(Path.of("examples", name))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        return dir;
    }
}
