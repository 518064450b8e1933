package org.reprise.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprise.cli.Main;

/** `reprise run` on the shipped Petersen example: files written, numbers equal Stata's, two runs byte-identical. */
class EndToEndTest {
    @TempDir
    Path tmp;

    private Path copyExample(String name) throws Exception {
        Path src = Path.of("examples", name);
        Path dst = tmp.resolve(name);
        Files.createDirectories(dst);
        try (Stream<Path> files = Files.list(src)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, dst.resolve(f.getFileName()));
            }
        }
        return dst;
    }

    @Test
    void petersenRunWritesEveryFormatWithStataNumbers() throws Exception {
        Path dir = copyExample("petersen");
        assertEquals(0, Main.execute("run", dir.resolve("analysis.yaml").toString(), "--quiet"));
        Path out = dir.resolve("output");
        for (String f : List.of("report.md", "report.tex", "report.html", "report.pdf", "results.json",
                "tables/se.tex")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        JsonNode r = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        JsonNode cluster = null;
        for (JsonNode e : r.get("estimates")) {
            if (e.get("id").asText().equals("cluster")) {
                cluster = e;
            }
        }
        // Stata/MP 12, regress y x, vce(cluster firm): b = 1.03483344, 0.02967972; SE 0.0505957, 0.067013
        JsonNode x = cluster.get("terms").get(0);
        JsonNode cons = cluster.get("terms").get(1);
        assertEquals("x", x.get("term").asText());
        assertEquals("_cons", cons.get("term").asText());
        assertEquals(1.03483344, x.get("estimate").asDouble(), 0.5e-8);
        assertEquals(0.02967972, cons.get("estimate").asDouble(), 0.5e-8);
        assertEquals(0.0505957, x.get("std_error").asDouble(), 0.5e-7);
        assertEquals(0.067013, cons.get("std_error").asDouble(), 0.5e-6);
        assertEquals(500, cluster.get("stats").get("n_clusters").asInt());
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("(0.0506)"), "cluster SE as printed");
        assertTrue(md.contains("1.0348***"));
        String tex = Files.readString(out.resolve("tables/se.tex"));
        assertTrue(tex.contains("1.0348\\sym{***}"));
    }

    @Test
    void twoRunsAreByteIdentical() throws Exception {
        Path dir = copyExample("petersen");
        Path spec = dir.resolve("analysis.yaml");
        assertEquals(0, Main.execute("run", spec.toString(), "--quiet", "--out", tmp.resolve("a").toString()));
        assertEquals(0, Main.execute("run", spec.toString(), "--quiet", "--out", tmp.resolve("b").toString()));
        for (String f : List.of("report.md", "report.tex", "report.html", "report.pdf", "results.json",
                "tables/se.tex")) {
            assertArrayEquals(Files.readAllBytes(tmp.resolve("a").resolve(f)),
                    Files.readAllBytes(tmp.resolve("b").resolve(f)), f);
        }
        String json = Files.readString(tmp.resolve("a/results.json"));
        assertTrue(!json.contains(tmp.toString()), "no absolute paths in results.json");
    }

    @Test
    void badInputExitsTwoWithOneParagraphAndKeepsTheLastGoodOutput() throws Exception {
        Path dir = copyExample("petersen");
        Path spec = dir.resolve("analysis.yaml");
        assertEquals(0, Main.execute("run", spec.toString(), "--quiet"));
        byte[] before = Files.readAllBytes(dir.resolve("output/report.pdf"));
        Files.writeString(spec, Files.readString(spec).replace("terms: [x]", "terms: [xx]"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream old = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int rc;
        try {
            rc = Main.execute("run", spec.toString(), "--quiet");
        } finally {
            System.setErr(old);
        }
        assertEquals(2, rc);
        String msg = err.toString(StandardCharsets.UTF_8);
        assertTrue(msg.contains("analysis.yaml:"), msg);
        assertTrue(msg.contains("xx"), msg);
        assertTrue(!msg.contains("\tat "), "no stack trace: " + msg);
        assertArrayEquals(before, Files.readAllBytes(dir.resolve("output/report.pdf")));
    }
}
