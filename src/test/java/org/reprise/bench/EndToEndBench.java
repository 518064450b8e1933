package org.reprise.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.reprise.tools.TestFiles;

/**
 * End-to-end benchmark (a main class, not a unit test): the wall time and peak resident memory of whole
 * {@code reprise run} processes, as a user times them, each run as a child process under
 * {@code /usr/bin/time -f "%e %M"}.
 *
 * <ul>
 *   <li>The default report (the project's analysis.yaml, manuscript.yaml, data/ and templates/ copied to a scratch
 *       folder): cold (no output, no {@code .reprise-cache}), warm (every unit cached), after editing one model's
 *       spec line (did1 gains the regressor {@code age}: that model is estimated and the report rendered again), and
 *       after undoing the edit (every unit cached again).</li>
 *   <li>Generated CSVs of N rows and 14 columns (treat, y, x1..x12: 6 normal, 3 uniform, 3 binary; about 30%
 *       treated from a probit index) with two specs: probit score + NN 1:1 and a matching table; and probit + the
 *       four methods (NN 1:1, NN 1:4, radius 0.01, normal kernel 0.06) + a pstest balance table.</li>
 *   <li>When {@code Rscript} with MatchIt is installed: R's glm (probit) + MatchIt NN 1:1 with replacement and the
 *       weighted difference in means, on the same CSV, for N up to 10^5, and Reprise's speed-up over it.</li>
 * </ul>
 * Every figure is the median of three runs; the load average is printed at the start and the end. CPU = user +
 * system time of the process (all its threads), steadier than wall time on a loaded machine.
 *
 * <p>Usage: {@code java -cp ... org.reprise.bench.EndToEndBench JAR [N ...]} (default N: 1e4 1e5 1e6). The command
 * that starts Reprise is {@code $BENCH_JAVA -jar JAR} ({@code BENCH_JAVA} defaults to {@code java}; the Makefile
 * passes the flags {@code make report} uses). Scratch files go to {@code $BENCH_DIR} (default a temporary folder),
 * which is deleted at the end.
 */
public final class EndToEndBench {
    private static final int REPEATS = 3;
    private static final int K = 12;
    private static final long R_MAX_N = 100_000;

    private EndToEndBench() {
    }

    /** One timed process: wall seconds, peak resident set in MB and CPU seconds (NaN when /usr/bin/time is missing). */
    private record Sample(double wall, double rssMb, double cpu) {
    }

    /** Runs everything and prints the Markdown tables. */
    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: EndToEndBench JAR [N ...]");
        }
        Path jar = Paths.get(args[0]).toAbsolutePath();
        long[] sizes = args.length > 1 ? parse(Arrays.copyOfRange(args, 1, args.length))
                : new long[] {10_000, 100_000, 1_000_000};
        String javaCmd = System.getenv().getOrDefault("BENCH_JAVA", "java").trim();
        Path scratch = System.getenv("BENCH_DIR") != null ? Files.createDirectories(Paths.get(System.getenv("BENCH_DIR")))
                : Files.createTempDirectory("reprise-e2e-");
        List<String> reprise = new ArrayList<>(Arrays.asList(javaCmd.split("\\s+")));
        reprise.add("-jar");
        reprise.add(jar.toString());
        try {
            System.out.printf("End-to-end benchmark: `%s`; %d cores; load average at start %s%n%n",
                    String.join(" ", reprise), Runtime.getRuntime().availableProcessors(), loadAverage());
            defaultReport(reprise, scratch.resolve("paper"));
            System.out.println();
            generated(reprise, sizes, scratch.resolve("gen"));
            System.out.printf("%nLoad average at end: %s%n", loadAverage());
        } finally {
            deleteTree(scratch);
        }
    }

    private static void defaultReport(List<String> reprise, Path dir) throws IOException {
        Path project = Paths.get("").toAbsolutePath();
        Files.createDirectories(dir);
        for (String name : new String[] {"analysis.yaml", "manuscript.yaml", "data", "templates"}) {
            if (Files.exists(project.resolve(name))) {
                TestFiles.copyTree(project.resolve(name), dir.resolve(name));
            }
        }
        Path spec = dir.resolve("analysis.yaml");
        String original = Files.readString(spec);
        String edited = editOneModel(original);
        List<String> run = new ArrayList<>(reprise);
        run.addAll(List.of("run", "analysis.yaml", "--quiet"));
        List<Sample> cold = new ArrayList<>();
        List<Sample> warm = new ArrayList<>();
        List<Sample> edit = new ArrayList<>();
        List<Sample> undo = new ArrayList<>();
        for (int rep = 0; rep < REPEATS; rep++) {
            Files.writeString(spec, original);
            deleteTree(dir.resolve("output"));
            deleteTree(dir.resolve(".reprise-cache"));
            cold.add(timed(run, dir));
            warm.add(timed(run, dir));
            Files.writeString(spec, edited);
            edit.add(timed(run, dir));
            Files.writeString(spec, original);
            undo.add(timed(run, dir));
        }
        System.out.println("Default report (`reprise run analysis.yaml`, whole process, median of " + REPEATS + "):");
        System.out.println();
        System.out.println("| run | wall (s) | CPU (s) | peak RSS (MB) | wall of each run (s) |");
        System.out.println("|---|---:|---:|---:|---|");
        row("cold (no output, no .reprise-cache)", cold);
        row("warm (every unit cached)", warm);
        row("after editing one model (did1 + age)", edit);
        row("after undoing the edit (every unit cached)", undo);
    }

    /** did1's terms [PxT] become [PxT, age]: one model's spec line changes, nothing else. */
    static String editOneModel(String spec) {
        String[] lines = spec.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains("{id: did1,") && lines[i].contains("terms: [PxT]")) {
                lines[i] = lines[i].replace("terms: [PxT]", "terms: [PxT, age]");
                return String.join("\n", lines);
            }
        }
        throw new IllegalStateException("analysis.yaml has no line `- {id: did1, ... terms: [PxT] ...}` to edit");
    }

    private static void generated(List<String> reprise, long[] sizes, Path dir) throws Exception {
        Files.createDirectories(dir);
        boolean haveR = rAvailable();
        System.out.println("Generated CSV, " + (K + 2) + " columns (12 covariates, treat, y), whole process "
                + "`reprise run` from CSV to report, median of " + REPEATS + ". A: probit + NN 1:1 and a matching table;"
                + " B: probit + NN 1:1, NN 1:4, radius, normal kernel + pstest balance table."
                + (haveR ? " R: Rscript with glm (probit) + MatchIt NN 1:1 with replacement on the same CSV." : ""));
        System.out.println();
        System.out.println("| N | treated | CSV (MB) | A wall (s) | A CPU (s) | A peak RSS (MB) | B wall (s) | B CPU (s) "
                + "| B peak RSS (MB) | R wall (s) | R CPU (s) | R peak RSS (MB) | R / A (wall) |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (long nl : sizes) {
            int n = Math.toIntExact(nl);
            Path csv = dir.resolve("gen.csv");
            double share = writeCsv(csv, n, 20261207L + n);
            double mb = Files.size(csv) / 1e6;
            Path a = writeSpec(dir.resolve("a.yaml"), false);
            Path b = writeSpec(dir.resolve("b.yaml"), true);
            List<Sample> ra = new ArrayList<>();
            List<Sample> rb = new ArrayList<>();
            List<Sample> rr = new ArrayList<>();
            for (int rep = 0; rep < REPEATS; rep++) {
                ra.add(timedReprise(reprise, dir, a));
                rb.add(timedReprise(reprise, dir, b));
                if (haveR && n <= R_MAX_N) {
                    rr.add(timed(List.of("Rscript", writeR(dir.resolve("match.R")).toString(), csv.toString()), dir));
                }
            }
            Sample ma = median(ra);
            Sample mbS = median(rb);
            String r = "| not run | | | |";
            if (!rr.isEmpty()) {
                Sample mr = median(rr);
                r = String.format(Locale.ROOT, "| %.2f | %.2f | %.0f | %.1f× |", mr.wall, mr.cpu, mr.rssMb,
                        mr.wall / ma.wall);
            } else if (!haveR) {
                r = "| R not found | | | |";
            }
            System.out.printf(Locale.ROOT, "| %,d | %.1f%% | %.0f | %.2f | %.2f | %.0f | %.2f | %.2f | %.0f %s%n", n,
                    100 * share, mb, ma.wall, ma.cpu, ma.rssMb, mbS.wall, mbS.cpu, mbS.rssMb, r);
            System.out.flush();
            Files.delete(csv);
        }
        if (!haveR) {
            System.out.println();
            System.out.println("R was not found (`Rscript -e 'library(MatchIt)'` failed); the R columns are empty.");
        }
    }

    private static Sample timedReprise(List<String> reprise, Path dir, Path spec) throws IOException {
        deleteTree(dir.resolve("out"));
        deleteTree(dir.resolve(".reprise-cache"));
        List<String> cmd = new ArrayList<>(reprise);
        cmd.addAll(List.of("run", spec.getFileName().toString(), "--out", "out", "--quiet", "--no-cache"));
        return timed(cmd, dir);
    }

    /** Writes the CSV and returns the treated share. Values carry 4 decimals, as a typical survey extract. */
    static double writeCsv(Path csv, int n, long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        double[] beta = {0.3, -0.2, 0.25, 0.1, -0.15, 0.2, 0.4, -0.3, 0.2, 0.3, -0.25, 0.15};
        double var = 1;
        double mean = 0;
        for (int j = 0; j < K; j++) {
            var += beta[j] * beta[j] * (j < 6 ? 1 : j < 9 ? 1 / 12.0 : 0.24);
            mean += j < 9 ? 0 : 0.4 * beta[j];
        }
        // intercept so that P(index + e > 0) = 0.30: -Phi^-1(0.70) times the sd of index + e
        double intercept = -0.5244005127080407 * Math.sqrt(var) - mean;
        long treated = 0;
        double[] x = new double[K];
        StringBuilder line = new StringBuilder(160);
        try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            line.append("treat,y");
            for (int j = 1; j <= K; j++) {
                line.append(",x").append(j);
            }
            w.write(line.append('\n').toString());
            for (int i = 0; i < n; i++) {
                double index = intercept;
                for (int j = 0; j < K; j++) {
                    double v = j < 6 ? r.nextGaussian() : j < 9 ? r.nextDouble() - 0.5 : (r.nextDouble() < 0.4 ? 1 : 0);
                    x[j] = Math.rint(v * 1e4) / 1e4;
                    index += beta[j] * x[j];
                }
                boolean t = index + r.nextGaussian() > 0;
                treated += t ? 1 : 0;
                double y = 1000 * x[0] - 500 * x[6] + 300 * x[9] + (t ? 800 : 0) + 1500 * r.nextGaussian();
                line.setLength(0);
                line.append(t ? '1' : '0').append(',');
                fixed(line, y, 2);
                for (int j = 0; j < K; j++) {
                    line.append(',');
                    fixed(line, x[j], 4);
                }
                w.write(line.append('\n').toString());
            }
        }
        return (double) treated / n;
    }

    /** Appends v with the given number of decimals (|v| well below 1e12). */
    private static void fixed(StringBuilder sb, double v, int decimals) {
        long scale = decimals == 2 ? 100 : 10_000;
        long units = Math.round(Math.abs(v) * scale);
        if (v < 0 && units != 0) {
            sb.append('-');
        }
        sb.append(units / scale).append('.');
        String frac = Long.toString(units % scale);
        for (int i = frac.length(); i < decimals; i++) {
            sb.append('0');
        }
        sb.append(frac);
    }

    private static Path writeSpec(Path file, boolean full) throws IOException {
        StringBuilder covs = new StringBuilder();
        for (int j = 1; j <= K; j++) {
            covs.append(j > 1 ? ", " : "").append('x').append(j);
        }
        String methods = full
                ? "      - {id: nn1, method: nearest, k: 1}\n"
                + "      - {id: nn4, method: nearest, k: 4}\n"
                + "      - {id: radius, method: radius, caliper: 0.01}\n"
                + "      - {id: kernel, method: kernel, kernel: normal, bandwidth: 0.06}\n"
                : "      - {id: nn1, method: nearest, k: 1}\n";
        String spec = "title: \"End-to-end benchmark\"\n"
                + "data:\n  file: gen.csv\n"
                + "matching:\n"
                + "  - id: m\n"
                + "    treatment: treat\n"
                + "    covariates: [" + covs + "]\n"
                + "    score: probit\n"
                + "    outcomes: [y]\n"
                + "    methods:\n" + methods
                + "tables:\n"
                + "  - {id: att, type: matching, title: \"ATT\", matching: m}\n"
                + (full ? "  - {id: balance, type: balance, style: pstest, title: \"Balance\", matching: m}\n" : "");
        Files.writeString(file, spec);
        return file;
    }

    private static Path writeR(Path file) throws IOException {
        StringBuilder f = new StringBuilder("treat ~ x1");
        for (int j = 2; j <= K; j++) {
            f.append(" + x").append(j);
        }
        String script = "suppressPackageStartupMessages(library(MatchIt))\n"
                + "d <- read.csv(commandArgs(TRUE)[1])\n"
                + "m <- matchit(" + f + ", data = d, method = \"nearest\", distance = \"glm\", link = \"probit\","
                + " replace = TRUE, ratio = 1)\n"
                + "md <- get_matches(m)\n"
                + "att <- with(md, weighted.mean(y[treat == 1], weights[treat == 1])"
                + " - weighted.mean(y[treat == 0], weights[treat == 0]))\n"
                + "cat(sprintf('ATT %.6f\\n', att))\n";
        Files.writeString(file, script);
        return file;
    }

    private static boolean rAvailable() {
        try {
            Process p = new ProcessBuilder("Rscript", "-e", "suppressPackageStartupMessages(library(MatchIt))")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs cmd in dir under /usr/bin/time; fails loudly when the command fails. */
    private static Sample timed(List<String> cmd, Path dir) throws IOException {
        Path timeFile = Files.createTempFile("reprise-e2e-time", ".txt");
        Path log = Files.createTempFile("reprise-e2e-log", ".txt");
        boolean haveTime = Files.isExecutable(Paths.get("/usr/bin/time"));
        List<String> full = new ArrayList<>();
        if (haveTime) {
            full.addAll(List.of("/usr/bin/time", "-f", "%e %M %U %S", "-o", timeFile.toString()));
        }
        full.addAll(cmd);
        try {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(full).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            int rc = p.waitFor();
            double wall = (System.nanoTime() - t0) / 1e9;
            if (rc != 0) {
                throw new IllegalStateException("`" + String.join(" ", cmd) + "` in " + dir + " exited with " + rc
                        + ":\n" + Files.readString(log));
            }
            if (!haveTime) {
                return new Sample(wall, Double.NaN, Double.NaN);
            }
            String[] f = Files.readString(timeFile).trim().split("\\s+");
            int e = f.length - 4; // the last line; earlier ones would be a message of time's own
            return new Sample(Double.parseDouble(f[e]), Double.parseDouble(f[e + 1]) / 1024,
                    Double.parseDouble(f[e + 2]) + Double.parseDouble(f[e + 3]));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            Files.deleteIfExists(timeFile);
            Files.deleteIfExists(log);
        }
    }

    private static void row(String label, List<Sample> s) {
        Sample m = median(s);
        StringBuilder runs = new StringBuilder();
        for (Sample x : s) {
            runs.append(runs.length() > 0 ? ", " : "").append(String.format(Locale.ROOT, "%.2f", x.wall));
        }
        System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f | %.0f | %s |%n", label, m.wall, m.cpu, m.rssMb, runs);
        System.out.flush();
    }

    /** Median wall time, median peak RSS and median CPU time, each taken on its own. */
    private static Sample median(List<Sample> s) {
        double[] w = s.stream().mapToDouble(Sample::wall).sorted().toArray();
        double[] r = s.stream().mapToDouble(Sample::rssMb).sorted().toArray();
        double[] c = s.stream().mapToDouble(Sample::cpu).sorted().toArray();
        return new Sample(w[w.length / 2], r[r.length / 2], c[c.length / 2]);
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Paths.get("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2] + " (1, 5, 15 min)";
        } catch (IOException e) {
            return "unknown (no /proc/loadavg)";
        }
    }

    private static long[] parse(String[] args) {
        long[] s = new long[args.length];
        for (int i = 0; i < args.length; i++) {
            s[i] = (long) Double.parseDouble(args[i].replace("_", ""));
        }
        return s;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
