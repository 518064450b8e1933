package org.reprise.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Incremental runs: unchanged inputs reuse every unit with identical output; a data change re-estimates what reads it. */
class CacheTest {
    @TempDir
    Path tmp;

    private String run(Path spec) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Pipeline.run(spec, null, new Progress(new PrintStream(err, true, StandardCharsets.UTF_8), false), true);
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path copy(String example) throws Exception {
        Path dir = tmp.resolve(example);
        Files.createDirectories(dir);
        try (Stream<Path> files = Files.list(Path.of("examples", example))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        return dir.resolve("analysis.yaml");
    }

    @Test
    void unchangedInputsReuseTheEstimatesAndGiveTheSameFiles() throws Exception {
        Path spec = copy("lalonde");
        String first = run(spec);
        assertTrue(first.contains("estimating experimental"), first);
        Path out = spec.getParent().resolve("output");
        List<String> files = List.of("report.md", "report.tex", "report.html", "report.pdf", "report.docx", "results.json",
                "numbers.csv", "tables/balance.tex");
        byte[][] before = new byte[files.size()][];
        for (int i = 0; i < files.size(); i++) {
            before[i] = Files.readAllBytes(out.resolve(files.get(i)));
        }
        String second = run(spec);
        assertTrue(second.contains("cache: reused 6 of 6 units; computed: nothing"), second);
        assertFalse(second.contains("estimating experimental"), second);
        for (int i = 0; i < files.size(); i++) {
            assertArrayEquals(before[i], Files.readAllBytes(out.resolve(files.get(i))), files.get(i));
        }
        // a data change re-estimates
        Path data = spec.getParent().resolve("daag_nsw74demo.csv");
        Files.writeString(data, Files.readString(data).replaceFirst("\n1,0,23,10", "\n1,0,24,10"));
        String third = run(spec);
        assertTrue(third.contains("estimating experimental"), third);
        // only the source read from the edited file and what reads it: not the matching on the other source
        assertTrue(third.contains("computed: source experiment, model experimental, report text, report files"), third);
    }

    @Test
    void aTemplateEditRendersAgainWithoutEstimating() throws Exception {
        Path spec = copy("petersen");
        run(spec);
        Path templates = spec.getParent().resolve("templates");
        Files.createDirectories(templates);
        Files.copy(Path.of("templates/report.md.ftl"), templates.resolve("report.md.ftl"));
        Files.writeString(templates.resolve("report.md.ftl"),
                Files.readString(templates.resolve("report.md.ftl")) + "\nEdited template.\n");
        String again = run(spec);
        assertTrue(again.contains("computed: report text, report files"), again);
        assertTrue(Files.readString(spec.getParent().resolve("output/report.md")).contains("Edited template."));
    }
}
