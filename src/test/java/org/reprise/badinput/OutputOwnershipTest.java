package org.reprise.badinput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10 §1, never delete or overwrite what Reprise did not write: each case sets up a project (spec, data/d.csv,
 * templates/, manuscript, user files beside and around it), runs {@code reprise run} or {@code reprise verify} with an
 * output folder, and asserts the exit code, the message (one paragraph, no stack trace) and that every file that
 * existed before is byte-identical afterwards (SHA-256 of the whole case folder; for a run that may write, everything
 * but its output folder). The messages are collected in target/badinput/output-errors.md (copied into
 * docs/errors.md).
 */
class OutputOwnershipTest {
    static final String SPEC = "title: \"t\"\ndata: {file: data/d.csv}\n"
            + "models:\n  - {id: m1, outcome: y, terms: [x], vcov: cluster, cluster: [firm]}\n";
    static final String MANUSCRIPT = "source: \"Stata/MP 12, regress y x, vce(cluster firm)\"\nnumbers:\n"
            + "  - {ref: estimates/m1/terms/x/std_error, published: \".0505957\", where: \"SE x\"}\n";
    static final Queue<String[]> rows = new ConcurrentLinkedQueue<>();

    @TempDir
    Path tmp;

    /** A project: analysis.yaml, data/d.csv, templates/README.txt, manuscript.yaml, notes.txt, thesis/thesis.tex. */
    private Path project(String name, String spec) throws Exception {
        Path dir = tmp.resolve(name).resolve("project");
        Files.createDirectories(dir.resolve("data"));
        Files.createDirectories(dir.resolve("templates"));
        Files.createDirectories(dir.resolve("thesis"));
        Files.writeString(dir.resolve("analysis.yaml"), spec);
        Files.copy(Path.of("examples", "petersen", "PetersenCL.csv"), dir.resolve("data/d.csv"));
        Files.writeString(dir.resolve("templates/README.txt"), "my template notes\n");
        Files.writeString(dir.resolve("manuscript.yaml"), MANUSCRIPT);
        Files.writeString(dir.resolve("notes.txt"), "my notes\n");
        Files.writeString(dir.resolve("thesis/thesis.tex"), "\\documentclass{article}\n");
        return dir;
    }

    /** Runs args (in-process, or in a JVM started in cwd) and checks the answer; returns stderr. */
    private String refused(String id, String what, Path dir, Path cwd, String[] phrases, String... args)
            throws Exception {
        Path root = dir.getParent();
        Map<String, String> before = Cli.fingerprint(root);
        Cli.Result r = cwd == null ? Cli.run(args) : forkIn(cwd, args);
        String msg = r.err().strip();
        rows.add(new String[] {id, what, Integer.toString(r.rc()), msg.replace(dir.toString() + "/", "")
                .replace(dir.toString(), "project").replace(root.toString(), "…")});
        assertEquals(2, r.rc(), msg);
        assertTrue(msg.startsWith("error: "), msg);
        assertFalse(msg.contains("\n") || msg.contains("Exception") || msg.contains("\tat "), msg);
        for (String p : phrases) {
            assertTrue(msg.contains(p), "expected \"" + p + "\" in: " + msg);
        }
        assertEquals(before, Cli.fingerprint(root), "a file changed, appeared or went away: " + msg);
        return msg;
    }

    /** A run in a new JVM whose working folder is cwd (for --out . and --out ..). */
    static Cli.Result forkIn(Path cwd, String... args) throws Exception {
        String cp = java.util.Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(p -> Path.of(p).toAbsolutePath().toString()).collect(Collectors.joining(File.pathSeparator));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", cp, "org.reprise.cli.Main"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        byte[] err = p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "forked run did not finish");
        return new Cli.Result(p.exitValue(), new String(err, StandardCharsets.UTF_8));
    }

    private static String[] says(String... p) {
        return p;
    }

    private static String spec(Path dir) {
        return dir.resolve("analysis.yaml").toString();
    }

    @Test
    void aFolderWithFilesReprisDidNotWriteIsRefused() throws Exception {
        Path dir = project("foreign", SPEC);
        refused("out_foreign_folder", "`--out thesis` where thesis/ holds the user's thesis.tex", dir, null,
                says("--out ", "already holds files Reprise did not write (thesis.tex)", "Choose another --out",
                        "or empty "), "run", spec(dir), "--quiet", "--out", dir.resolve("thesis").toString());
        Files.createDirectories(dir.resolve("output"));
        Files.writeString(dir.resolve("output/report.md"), "# an output of an older Reprise, without a marker\n");
        refused("output_unmarked", "the spec's output/ holds files but no .reprise-output marker", dir, null,
                says("the output folder output/ already holds files Reprise did not write (report.md)",
                        "no .reprise-output marker", "Add `output: FOLDER`", "--out DIR"),
                "run", spec(dir), "--quiet");
    }

    @Test
    void theSpecsFolderIsRefusedHoweverItIsNamed() throws Exception {
        Path dir = project("pwd", SPEC);
        refused("out_spec_folder", "`--out \"$PWD\"`: the spec's own folder", dir, dir,
                says("contains the spec analysis.yaml", "your input would be deleted", "Choose another --out"),
                "run", "analysis.yaml", "--quiet", "--out", dir.toString());
        refused("out_dot", "`--out .` in the spec's folder", dir, dir,
                says("--out .: the output folder . contains the spec analysis.yaml"),
                "run", "analysis.yaml", "--quiet", "--out", ".");
        refused("out_dotdot", "`--out ..` from data/", dir, dir.resolve("data"),
                says("--out ..: the output folder .. contains the spec analysis.yaml"),
                "run", "../analysis.yaml", "--quiet", "--out", "..");
        refused("out_spec_folder_slash", "`--out data/..`", dir, dir,
                says("contains the spec analysis.yaml"), "run", "analysis.yaml", "--quiet", "--out", "data/..");
        Path empty = Files.createDirectories(tmp.resolve("pwd").resolve("elsewhere"));
        refused("out_dot_empty", "`--out .` in an empty folder elsewhere (the working folder)", dir, empty,
                says("the output folder . is the current folder"), "run", spec(dir), "--quiet", "--out", ".");
    }

    @Test
    void aDataFolderOrTemplatesFolderIsRefused() throws Exception {
        Path dir = project("data", SPEC);
        refused("out_data_folder", "`--out data` where the spec reads data/d.csv", dir, null,
                says("contains the data file data/d.csv"), "run", spec(dir), "--quiet", "--out",
                dir.resolve("data").toString());
        Files.writeString(dir.resolve("analysis.yaml"), SPEC.replace("data: {", "output: data\ndata: {"));
        refused("output_data_folder", "`output: data` in the spec where it reads data/d.csv", dir, null,
                says("analysis.yaml:2:9: the output folder data/ contains the data file data/d.csv",
                        "Write another `output:` folder"), "run", spec(dir), "--quiet");
        Files.writeString(dir.resolve("analysis.yaml"), SPEC);
        refused("out_in_templates", "`--out templates/out`: inside the templates folder", dir, null,
                says("would sit inside the templates folder templates/"), "run", spec(dir), "--quiet", "--out",
                dir.resolve("templates/out").toString());
        refused("out_is_data_file", "`--out data/d.csv`: the data file itself", dir, null,
                says("is an existing file, not a folder"), "run", spec(dir), "--quiet", "--out",
                dir.resolve("data/d.csv").toString());
        refused("out_under_data_file", "`--out data/d.csv/x`", dir, null,
                says("cannot be created", "is a file, not a folder"), "run", spec(dir), "--quiet", "--out",
                dir.resolve("data/d.csv/x").toString());
        Files.writeString(dir.resolve("thesis/m.yaml"), MANUSCRIPT);
        refused("out_holds_manuscript", "`--out` a folder that holds the manuscript given with --manuscript", dir,
                null, says("contains the manuscript"), "verify", spec(dir), "--quiet", "--manuscript",
                dir.resolve("thesis/m.yaml").toString(), "--out", dir.resolve("thesis").toString());
    }

    @Test
    void anExistingFileOrLinkIsNotReplaced() throws Exception {
        Path dir = project("file", SPEC);
        refused("out_existing_file", "`--out notes.txt` where notes.txt is the user's file", dir, null,
                says("notes.txt is an existing file, not a folder", "does not replace your file"),
                "run", spec(dir), "--quiet", "--out", dir.resolve("notes.txt").toString());
        Files.createSymbolicLink(dir.resolve("link"), dir.resolve("thesis"));
        refused("out_symlink", "`--out link` where link is a symbolic link to a folder", dir, null,
                says("is a symbolic link", "would replace the link"),
                "run", spec(dir), "--quiet", "--out", dir.resolve("link").toString());
        refused("out_root", "`--out /`", dir, null, says("the root of the file system"),
                "run", spec(dir), "--quiet", "--out", "/");
    }

    @Test
    void inAnOwnedFolderAUserFileStopsTheRun() throws Exception {
        Path dir = project("owned", SPEC);
        Map<String, String> around = Cli.fingerprint(dir);
        Cli.Result first = Cli.run("run", spec(dir), "--quiet");
        assertEquals(0, first.rc(), first.err());
        Path out = dir.resolve("output");
        Map<String, String> good = Cli.fingerprint(out);
        assertTrue(good.containsKey(".reprise-output") && good.containsKey("results.json"), good.toString());
        Map<String, String> now = Cli.fingerprint(dir);
        now.keySet().removeIf(k -> k.startsWith("output/") || k.startsWith(".reprise-cache/"));
        assertEquals(around, now, "a run writes only its output folder and its cache");

        Files.createDirectories(out.resolve("drafts"));
        Files.writeString(out.resolve("drafts/mine.tex"), "my own table\n");
        refused("owned_user_file", "a file the user put into an output folder Reprise owns", dir, null,
                says("holds what the last Reprise run did not write there: drafts/mine.tex",
                        "does not delete your files", "move it out of output/"), "run", spec(dir), "--quiet");
        Files.delete(out.resolve("drafts/mine.tex"));
        Files.writeString(out.resolve("report.md"), "edited by hand\n", StandardOpenOption.APPEND);
        refused("owned_changed_file", "a file Reprise wrote, edited by the user since", dir, null,
                says("report.md (changed since Reprise wrote it)"), "run", spec(dir), "--quiet");
        refused("verify_owned_changed_file", "verify into that folder", dir, null,
                says("report.md (changed since Reprise wrote it)"), "verify", spec(dir), "--quiet");

        Files.delete(out.resolve("report.md"));
        Cli.Result again = Cli.run("run", spec(dir), "--quiet");
        assertEquals(0, again.rc(), again.err());
        assertEquals(good, Cli.fingerprint(out), "a deleted output file is simply written again");

        Cli.Result v = Cli.run("verify", spec(dir), "--quiet");
        assertEquals(0, v.rc(), v.err());
        Map<String, String> verified = Cli.fingerprint(out);
        assertTrue(verified.containsKey("verification.md"), verified.toString());
        verified.keySet().removeIf(k -> k.startsWith("verification.") || k.equals(".reprise-output"));
        good.remove(".reprise-output");
        assertEquals(good, verified, "verify adds its files and keeps the run's");
        Cli.Result third = Cli.run("run", spec(dir), "--quiet");
        assertEquals(0, third.rc(), "verification files are Reprise's: " + third.err());
        assertFalse(Files.exists(dir.resolve(".output.reprise")), "no lock or staging left");
    }

    @Test
    void verifyOutFollowsTheSameRules() throws Exception {
        Path dir = project("verify", SPEC);
        refused("verify_out_foreign", "`verify --out thesis` where thesis/ holds the user's file", dir, null,
                says("already holds files Reprise did not write (thesis.tex)"), "verify", spec(dir), "--quiet",
                "--out", dir.resolve("thesis").toString());
        refused("verify_out_dot", "`verify --out .` in the spec's folder", dir, dir,
                says("--out .: the output folder . contains the spec analysis.yaml"),
                "verify", "analysis.yaml", "--quiet", "--out", ".");
        refused("verify_out_file", "`verify --out notes.txt`", dir, null, says("is an existing file"),
                "verify", spec(dir), "--quiet", "--out", dir.resolve("notes.txt").toString());
        Cli.Result ok = Cli.run("verify", spec(dir), "--quiet", "--out", dir.resolve("checked").toString());
        assertEquals(0, ok.rc(), ok.err());
        assertTrue(Files.exists(dir.resolve("checked/verification.md")));
    }

    @Test
    void aSecondWriterWaitsThenStops() throws Exception {
        Path dir = project("busy", SPEC);
        Path area = Files.createDirectories(dir.resolve(".output.reprise"));
        String old = System.getProperty("reprise.lock.wait.seconds");
        System.setProperty("reprise.lock.wait.seconds", "0");
        try (FileChannel ch = FileChannel.open(area.resolve("lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock held = ch.lock()) {
            refused("output_busy", "another run holds the lock of output/", dir, null,
                    says("output/ is being written by another Reprise run", "Wait for that run to finish"),
                    "run", spec(dir), "--quiet");
            assertTrue(held.isValid());
        } finally {
            if (old == null) {
                System.clearProperty("reprise.lock.wait.seconds");
            } else {
                System.setProperty("reprise.lock.wait.seconds", old);
            }
        }
    }

    @AfterAll
    static void writeCatalog() throws Exception {
        Map<String, String[]> sorted = new TreeMap<>();
        for (String[] r : rows) {
            sorted.put(r[0], r);
        }
        StringBuilder sb = new StringBuilder("| case | input | exit | what the user sees (stderr) |\n|---|---|---|---|\n");
        for (String[] r : sorted.values()) {
            sb.append("| `").append(r[0]).append("` | ").append(r[1].replace("|", "\\|")).append(" | ").append(r[2])
                    .append(" | ").append(r[3].replace("|", "\\|")).append(" |\n");
        }
        Path out = Path.of("target", "badinput");
        Files.createDirectories(out);
        Files.writeString(out.resolve("output-errors.md"), sb.toString(), StandardCharsets.UTF_8);
    }
}
