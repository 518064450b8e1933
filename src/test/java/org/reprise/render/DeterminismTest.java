package org.reprise.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Same report → byte-identical files, the PDF included; no clock in the PDF unless a date is given. */
class DeterminismTest {
    @TempDir
    Path tmp;

    @Test
    void renderTwiceGivesIdenticalBytes() throws Exception {
        Path a = TestFiles.outDirWithFigure(tmp.resolve("a"));
        Path b = TestFiles.outDirWithFigure(tmp.resolve("b"));
        Renderers.renderAll(Fixtures.report(), a, TemplateSource.builtIn());
        Renderers.renderAll(Fixtures.report(), b, TemplateSource.builtIn());
        List<String> files = List.of("report.md", "report.tex", "report.html", "report.pdf", "report.docx",
                "tables/wages.tex", "tables/desc.tex", "tables/wages.docx", "tables/desc.docx");
        for (String f : files) {
            assertTrue(Files.size(a.resolve(f)) > 0, f);
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
        }
        for (String f : files.stream().filter(f -> !f.endsWith(".pdf") && !f.endsWith(".docx")).toList()) {
            String s = Files.readString(a.resolve(f), StandardCharsets.UTF_8);
            assertFalse(s.contains("\r"), f + " has \\n line ends only");
            assertFalse(s.contains(tmp.toString()), f + " holds no absolute path");
        }
    }

    @Test
    void pdfHasNoDatesAndAFixedId() {
        String pdf = latin1(Renderers.pdf(Fixtures.report(), null, null));
        assertFalse(pdf.contains("/CreationDate"));
        assertFalse(pdf.contains("/ModDate"));
        String id = trailerId(pdf);
        assertEquals(id, trailerId(latin1(Renderers.pdf(Fixtures.report(), null, null))));
        assertNotEquals(id, trailerId(latin1(Renderers.pdf(Fixtures.nasty(), null, null))), "ID depends on content");
    }

    @Test
    void pdfUsesTheGivenDate() {
        // SOURCE_DATE_EPOCH=1700000000 is 2023-11-14 22:13:20 UTC
        String pdf = latin1(Renderers.pdf(Fixtures.report(), null, Instant.ofEpochSecond(1_700_000_000L)));
        assertTrue(pdf.contains("/CreationDate(D:20231114221320"), "creation date from SOURCE_DATE_EPOCH");
        assertTrue(pdf.contains("/ModDate(D:20231114221320"));
    }

    private static String latin1(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    private static String trailerId(String pdf) {
        Matcher m = Pattern.compile("trailer\\s*<<.*?/ID\\s*\\[\\s*<([0-9a-fA-F]+)>", Pattern.DOTALL).matcher(pdf);
        assertTrue(m.find(), "trailer has an /ID");
        return m.group(1);
    }
}
