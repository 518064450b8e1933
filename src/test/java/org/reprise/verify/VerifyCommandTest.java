package org.reprise.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprise.cli.Main;

/**
 * {@code reprise verify} end to end on Petersen's test data. The published numbers in examples/petersen/manuscript.yaml
 * are Stata/MP 12's printed output for {@code regress y x, vce(cluster firm)} (recorded in R sandwich's tests; see
 * examples/petersen/SOURCE.txt): x 1.034833 (.0505957), _cons .0296797 (.067013), N 5,000. Tolerance: equality after
 * rounding our value half-up to the digits Stata printed (6 or 7 decimals).
 */
class VerifyCommandTest {
    private static final String SPEC = "examples/petersen/analysis.yaml";

    record Run(int code, String out, String err) {
    }

    static Run verify(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            String[] all = Stream.concat(Stream.of("verify"), Stream.of(args)).toArray(String[]::new);
            code = Main.execute(all);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String lastLine(String s) {
        String[] lines = s.strip().split("\n");
        return lines[lines.length - 1];
    }

    @Test
    void stataPublishedNumbersAllReproduce(@TempDir Path tmp) throws IOException {
        Run r = verify(SPEC, "--quiet", "--out", tmp.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertEquals("5 of 5 published numbers reproduced, 0 last digit, 0 close, 0 differ, 0 missing",
                lastLine(r.out()));
        assertEquals(5, r.out().lines().filter(l -> l.startsWith("reproduced")).count(), r.out());
        String md = Files.readString(tmp.resolve("verification.md"));
        assertTrue(md.contains("**5 of 5 published numbers reproduced, 0 last digit, 0 close, 0 differ, 0 missing**"),
                md);
        assertTrue(md.contains("| .0505957 | 0.0505957 |"), md);
        String html = Files.readString(tmp.resolve("verification.html"));
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("5 of 5 published numbers reproduced"));
        try (Stream<Path> files = Files.list(tmp)) {
            assertEquals(List.of(".reprise-output", "verification.html", "verification.json", "verification.md"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary file left");
        }
        Run again = verify(SPEC, "--quiet", "--out", tmp.toString());
        assertEquals(md, Files.readString(tmp.resolve("verification.md")), "same inputs, same bytes: " + again.err());
    }

    @Test
    void aWrongNumberDiffersAndAnUnknownRefIsMissing(@TempDir Path tmp) throws IOException {
        Path m = tmp.resolve("wrong.yaml");
        Files.writeString(m, "source: \"Stata, with one number mistyped\"\n"
                + "numbers:\n"
                + "  - {ref: estimates/cluster/terms/x/estimate, published: \"1.0349\", where: \"Coef. x\"}\n"
                + "  - {ref: estimates/cluster/terms/x/std_error, published: \".0505957\", where: \"SE x\"}\n"
                + "  - {ref: estimates/cluster9/terms/x/estimate, published: \"1.034833\", where: \"typo in the id\"}\n");
        Path foreign = tmp.resolve("foreign");
        Files.createDirectories(foreign);
        Files.writeString(foreign.resolve("results.json"), "{}\n");
        Run refused = verify(SPEC, "--quiet", "--manuscript", m.toString(), "--out", foreign.toString());
        assertEquals(2, refused.code(), refused.out() + refused.err());
        assertTrue(refused.err().contains("already holds files Reprise did not write (results.json)"), refused.err());
        assertEquals("{}\n", Files.readString(foreign.resolve("results.json")), "a folder not Reprise's is left alone");
        Path out = tmp.resolve("out");
        Run r = verify(SPEC, "--quiet", "--manuscript", m.toString(), "--out", out.toString());
        assertEquals(1, r.code(), r.out() + r.err());
        assertEquals("1 of 3 published numbers reproduced, 1 last digit, 0 close, 0 differ, 1 missing",
                lastLine(r.out()));
        String differs = r.out().lines().filter(l -> l.startsWith("last digit")).findFirst().orElse("");
        // x = 1.03483344 prints as 1.0348 at the four decimals of the mistyped 1.0349
        assertTrue(differs.contains("1.0349") && differs.contains("1.0348"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("missing")), r.out());
        assertTrue(r.out().contains("no estimate with id cluster9"), r.out());
        assertTrue(r.out().contains("Did you mean `cluster`?"), r.out());
        String md = Files.readString(out.resolve("verification.md"));
        assertTrue(md.contains("| 1.0349 | 1.0348 | 1.0348334394616947 | -0.0064% | -0.0013 | last digit |"), md);
        assertTrue(md.contains("missing: no estimate with id cluster9"), md);
    }

    /**
     * One number of each class on Petersen's data (Stata: x 1.034833 (.0505957), _cons .0296797 (.067013), N 5,000),
     * with the published numbers altered by hand: x 1.0349 is one unit off; _cons 0.0300 is 1.07% off but 0.005 SE;
     * N 5,100 is 1.96% off and has no SE.
     */
    @Test
    void eachClassIsCountedWrittenToJsonAndAcceptDecidesTheExitCode(@TempDir Path tmp) throws IOException {
        Path m = tmp.resolve("classes.yaml");
        String numbers = "source: \"Stata, altered\"\nnumbers:\n"
                + "  - {ref: estimates/cluster/terms/x/estimate, published: \"1.0349\", where: \"x\"}\n"
                + "  - {ref: estimates/cluster/terms/x/std_error, published: \".0506\", where: \"x SE\"}\n"
                + "  - {ref: estimates/cluster/terms/_cons/estimate, published: \"0.0300\", where: \"_cons\"}\n";
        Files.writeString(m, numbers + "  - {ref: estimates/cluster/nobs, published: \"5,100\", where: \"N\"}\n");
        Path out = tmp.resolve("out");
        Run r = verify(SPEC, "--quiet", "--manuscript", m.toString(), "--out", out.toString());
        assertEquals(1, r.code(), r.out() + r.err());
        assertEquals("1 of 4 published numbers reproduced, 1 last digit, 1 close, 1 differ, 0 missing",
                lastLine(r.out()));
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("close") && l.contains("0.0297") && l.contains("-1.07%")
                && l.contains("-0.0048")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("differs") && l.contains("-1.96%")), r.out());
        com.fasterxml.jackson.databind.JsonNode j = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(Files.readString(out.resolve("verification.json")));
        assertEquals(4, j.get("summary").get("total").asInt());
        assertEquals(1, j.get("summary").get("last_digit").asInt());
        assertEquals(1, j.get("summary").get("close").asInt());
        assertEquals(1, j.get("summary").get("differs").asInt());
        assertFalse(j.get("summary").get("passes").asBoolean());
        assertEquals(4, j.get("numbers").size());
        com.fasterxml.jackson.databind.JsonNode cons = j.get("numbers").get(2);
        assertEquals("close", cons.get("status").asText());
        assertEquals("0.0297", cons.get("computed").asText());
        assertEquals(0.0296797, cons.get("full_precision").asDouble(), 5e-8);
        assertEquals((cons.get("full_precision").asDouble() - 0.03) / 0.03,
                cons.get("relative_difference").asDouble(), 1e-12);
        assertEquals((cons.get("full_precision").asDouble() - 0.03) / cons.get("std_error").asDouble(),
                cons.get("difference_in_std_errors").asDouble(), 1e-12);
        assertTrue(j.get("numbers").get(3).get("std_error").isNull());

        assertEquals(1, verify(SPEC, "-q", "--manuscript", m.toString(), "--out", out.toString(), "--accept",
                "close").code(), "a number that differs fails whatever is accepted");
        Files.writeString(m, numbers);
        assertEquals(1, verify(SPEC, "-q", "--manuscript", m.toString(), "--out", out.toString()).code());
        assertEquals(1, verify(SPEC, "-q", "--manuscript", m.toString(), "--out", out.toString(), "--accept",
                "last-digit").code(), "the close number is not accepted");
        assertEquals(0, verify(SPEC, "-q", "--manuscript", m.toString(), "--out", out.toString(), "--accept",
                "close").code());
        assertEquals(0, verify(SPEC, "-q", "--manuscript", m.toString(), "--out", out.toString(), "--accept",
                "close", "--tolerance", "0.5%").code(), "_cons is 1.07% off but within one SE: still close");
        Run bad = verify(SPEC, "-q", "--manuscript", m.toString(), "--out", out.toString(), "--accept", "most");
        assertEquals(2, bad.code());
        assertTrue(bad.err().startsWith("error: --accept most:"), bad.err());
        Run tol = verify(SPEC, "-q", "--manuscript", m.toString(), "--out", out.toString(), "--tolerance", "x");
        assertEquals(2, tol.code());
        assertTrue(tol.err().startsWith("error: --tolerance x:"), tol.err());
    }

    @Test
    void malformedManuscriptIsBadInput(@TempDir Path tmp) throws IOException {
        Path m = tmp.resolve("manuscript.yaml");
        Files.writeString(m, "source: x\nnumbers:\n  - {ref: estimates/cluster/nobs, published: \"5000\"\n");
        Run r = verify(SPEC, "--quiet", "--manuscript", m.toString(), "--out", tmp.resolve("out").toString());
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().startsWith("error: " + m + ":"), r.err());
        assertTrue(r.err().matches("(?s)error: .*manuscript\\.yaml:\\d+:\\d+: .*"), r.err());
        assertFalse(Files.exists(tmp.resolve("out")), "nothing written for bad input");

        Files.writeString(m, "source: x\nnumbers:\n  - {ref: estimates/cluster/nobs, publishd: \"5000\"}\n");
        r = verify(SPEC, "--quiet", "--manuscript", m.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains(m + ":3:35: unknown key `publishd`"), r.err());
        assertTrue(r.err().contains("Did you mean `published`?"), r.err());
    }

    @Test
    void noManuscriptBesideTheSpecIsBadInput(@TempDir Path tmp) throws IOException {
        Path spec = tmp.resolve("analysis.yaml");
        Files.copy(Path.of(SPEC), spec);
        Run r = verify(spec.toString(), "--quiet");
        assertEquals(2, r.code());
        assertTrue(r.err().contains(tmp.resolve("manuscript.yaml") + ": file not found"), r.err());
        assertTrue(r.err().contains("--manuscript"), r.err());
    }
}
