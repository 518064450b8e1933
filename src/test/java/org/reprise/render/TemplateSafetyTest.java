package org.reprise.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprise.UserError;

/** Templates come only from the templates folder or the built-in copies, and cannot reach Java. */
class TemplateSafetyTest {
    @TempDir
    Path tmp;
    Path dir;

    @BeforeEach
    void templatesFolder() throws Exception {
        dir = Files.createDirectories(tmp.resolve("templates"));
    }

    private UserError failing(String template) throws Exception {
        Files.writeString(dir.resolve("report.md.ftl"), template, StandardCharsets.UTF_8);
        UserError e = assertThrows(UserError.class,
                () -> Renderers.markdown(Fixtures.report(), TemplateSource.of(dir), null));
        return e;
    }

    @Test
    void newBuiltInIsRefusedWithFileAndLine() throws Exception {
        UserError e = failing("# ${title}\n\n<#assign ex = \"freemarker.template.utility.Execute\"?new()>${ex(\"id\")}\n");
        assertTrue(e.getMessage().startsWith(dir.resolve("report.md.ftl") + ":3:"), e.getMessage());
    }

    @Test
    void apiBuiltInIsRefusedWithFileAndLine() throws Exception {
        UserError e = failing("# ${title}\n${blocks?api.getClass()}\n");
        assertTrue(e.getMessage().startsWith(dir.resolve("report.md.ftl") + ":2:"), e.getMessage());
    }

    @Test
    void syntaxErrorNamesFileAndLine() throws Exception {
        UserError e = failing("# ${title}\n\n<#if>\n");
        assertTrue(e.getMessage().startsWith(dir.resolve("report.md.ftl") + ":3:"), e.getMessage());
    }

    @Test
    void includeOutsideTheTemplatesFolderIsRefused() throws Exception {
        Files.writeString(dir.getParent().resolve("secret.ftl"), "secret", StandardCharsets.UTF_8);
        UserError up = failing("<#include \"../secret.ftl\">\n");
        assertTrue(up.getMessage().startsWith(dir.resolve("report.md.ftl") + ":1:"), up.getMessage());
        // an absolute name is read relative to the templates folder, where there is no such file
        UserError abs = failing("<#include \"" + dir.getParent().resolve("secret.ftl") + "\">\n");
        assertTrue(abs.getMessage().contains("not found"), abs.getMessage());
    }

    @Test
    void folderTemplateOverridesAndOthersFallBackToBuiltIn() throws Exception {
        Files.writeString(dir.resolve("table.md.ftl"), "TABLE ${table.id} ${table.title}\n", StandardCharsets.UTF_8);
        String md = Renderers.markdown(Fixtures.report(), TemplateSource.of(dir), null);
        assertTrue(md.startsWith("# Job training and wages\n"), "report.md.ftl from the built-in copy");
        assertTrue(md.contains("\nTABLE wages Effect of training on log wages\n"), "table.md.ftl from the folder");
        // the folder's template is still auto-escaped as Markdown
        Files.writeString(dir.resolve("report.md.ftl"), "${title}\n", StandardCharsets.UTF_8);
        assertEquals(EscapingTest.MD + "\n", Renderers.markdown(Fixtures.nasty(), TemplateSource.of(dir), null));
    }

    @Test
    void missingFolderUsesBuiltIns() {
        String md = Renderers.markdown(Fixtures.report(), TemplateSource.of(dir.resolve("nope")), null);
        assertEquals(Renderers.markdown(Fixtures.report(), TemplateSource.builtIn(), null), md);
    }

    @Test
    void badTableShapeIsAUserError() {
        var t = Fixtures.regression();
        var bad = new org.reprise.table.Table("bad id", t.title(), t.columns(), t.headers(), t.sections(), t.notes());
        UserError e = assertThrows(UserError.class, () -> Renderers.latexTable(bad, 1, TemplateSource.builtIn()));
        assertTrue(e.getMessage().contains("'bad id'"), e.getMessage());
    }
}
