package org.reprise.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprise.UserError;
import org.reprise.report.Report;

/**
 * renderAll renders PDF and Word on a second thread: each file must be the bytes of that format's renderer called
 * on its own, and a failure in the text formats must still be reported (after the other thread has ended).
 */
class ParallelRenderTest {
    @TempDir
    Path tmp;

    @Test
    void eachFileIsItsRenderersOutputAlone() throws Exception {
        Path out = TestFiles.outDirWithFigure(tmp.resolve("out"));
        Report r = Fixtures.report();
        Renderers.renderAll(r, out, TemplateSource.builtIn());
        assertArrayEquals(Renderers.pdf(r, out, null), Files.readAllBytes(out.resolve("report.pdf")));
        assertArrayEquals(Renderers.docx(r, out), Files.readAllBytes(out.resolve("report.docx")));
        assertArrayEquals(Renderers.markdown(r, TemplateSource.builtIn(), out).getBytes(StandardCharsets.UTF_8),
                Files.readAllBytes(out.resolve("report.md")));
        assertArrayEquals(Renderers.html(r, TemplateSource.builtIn(), out).getBytes(StandardCharsets.UTF_8),
                Files.readAllBytes(out.resolve("report.html")));
    }

    @Test
    void duplicateTableIdsAreStillAUserError() {
        Report r = Fixtures.report();
        Report.TableBlock t = r.blocks().stream().filter(b -> b instanceof Report.TableBlock)
                .map(b -> (Report.TableBlock) b).findFirst().orElseThrow();
        List<Report.Block> blocks = new java.util.ArrayList<>(r.blocks());
        blocks.add(new Report.TableBlock(t.table()));
        Report twice = new Report(r.title(), r.authors(), r.abstractText(), blocks);
        UserError e = assertThrows(UserError.class,
                () -> Renderers.renderAll(twice, tmp.resolve("dup"), TemplateSource.builtIn()));
        assertTrue(e.getMessage().contains("Two tables have the id"), e.getMessage());
        assertTrue(!Files.exists(tmp.resolve("dup").resolve("report.pdf")), "nothing written");
    }
}
