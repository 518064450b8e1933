package org.reprise.narrative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprise.UserError;
import org.reprise.table.RegressionLayout;
import org.reprise.table.StarRule;

/** User templates: file-by-file override, safe configuration, clear errors, and the number guard. */
class TemplatesTest {
    @TempDir
    Path dir;

    private static RegressionLayout layout() {
        return Fixtures.layout(List.of(Fixtures.model("m1", "Vul1", Fixtures.term("T", -0.1413, 0.0276, 3.06e-7)),
                Fixtures.model("m2", "Vul1", Fixtures.term("T", -0.1123, 0.0290, 1.1e-4))),
                List.of("East", "West"), "T", "T", 4);
    }

    private List<Sentence> run(String regressionFtl) throws IOException {
        Files.writeString(dir.resolve("regression.ftl"), regressionFtl);
        return Narrative.with(dir, builtInLoader()).regression(layout(), List.of("T"), Map.of("m1", Unit.PROBABILITY),
                StarRule.DEFAULT, List.of(new Comparison("m1", "m2", true)));
    }

    private static ClassLoader builtInLoader() {
        return Fixtures.builtInLoader();
    }

    @Test
    void aUserFileReplacesItsBuiltInAndTheOthersFallBack() throws IOException {
        List<Sentence> s = run("<#if negative>${term} lowers ${outcome}: ${estimate} (${se}).</#if>");
        // headline.ftl and comparison.ftl are not in the folder: the built-in ones are used
        assertEquals("T reduces Vul1 in both columns, and every estimate is significant at the 1% level.",
                s.get(0).text());
        assertEquals("T lowers Vul1: -0.1413 (0.0276).", s.get(1).text());
        assertEquals(List.of("-0.1413", "0.0276"), s.get(1).numbers().stream().map(NumberUse::printed).toList());
        assertTrue(s.get(3).text().startsWith("The estimate of T on Vul1 is larger in magnitude in column 1 (East)"
                + " (-0.1413)"), s.get(3).text());
    }

    @Test
    void aResultMayBePrintedTwice() throws IOException {
        Sentence s = run("${estimate} (SE ${se}); again ${estimate}.").get(1);
        assertEquals(List.of("-0.1413", "0.0276", "-0.1413"), s.numbers().stream().map(NumberUse::printed).toList());
    }

    @Test
    void anEmptyRenderingDropsTheSentence() throws IOException {
        List<Sentence> s = run("<#if significant && level == \"1%\">${term}: ${estimate}.</#if>");
        assertEquals(List.of("T: -0.1413.", "T: -0.1123."), s.subList(1, 3).stream().map(Sentence::text).toList());
        Files.writeString(dir.resolve("comparison.ftl"), "  ");
        Files.writeString(dir.resolve("headline.ftl"), "");
        Narrative n = Narrative.with(dir, builtInLoader());
        assertEquals(2, n.regression(layout(), List.of("T"), Map.of(), StarRule.DEFAULT,
                List.of(new Comparison("m1", "m2", true))).size());
    }

    @Test
    void aNumberThatIsNoResultIsRefused() {
        UserError e = assertThrows(UserError.class, () -> run("${term} reduces ${outcome} by 14 points."));
        assertTrue(e.getMessage().contains("prints the number 14"), e.getMessage());
        assertTrue(e.getMessage().contains("regression.ftl"), e.getMessage());
    }

    @Test
    void syntaxErrorsAndUnknownVariablesAreUserErrorsNamingTheFile() {
        UserError syntax = assertThrows(UserError.class, () -> run("<#if negative>reduces"));
        assertTrue(syntax.getMessage().contains(dir.resolve("regression.ftl").toString() + ":1:"),
                syntax.getMessage());
        UserError unknown = assertThrows(UserError.class, () -> run("${estimat}"));
        assertTrue(unknown.getMessage().contains("estimat"), unknown.getMessage());
        assertTrue(unknown.getMessage().contains(dir.resolve("regression.ftl").toString()), unknown.getMessage());
    }

    @Test
    void templatesCannotReachJava() {
        UserError newBuiltIn = assertThrows(UserError.class,
                () -> run("<#assign ex = \"freemarker.template.utility.Execute\"?new()>${ex(\"id\")}"));
        assertTrue(newBuiltIn.getMessage().contains("regression.ftl"), newBuiltIn.getMessage());
        assertThrows(UserError.class, () -> run("${outcome?api.getClass()}"));
        assertThrows(UserError.class, () -> run("${.data_model?api}"));
    }

    @Test
    void tidyJoinsPunctuation() {
        assertEquals("a (b, c); d.", Templates.tidy("  a\n ( b ,\n c ) ;  d\n .\n"));
    }

    @Test
    void unitsParseAsTheSpecWritesThem() {
        assertEquals(Unit.PROBABILITY, Unit.parse("share", "k"));
        assertEquals(Unit.LOG, Unit.parse("Log", "k"));
        assertEquals(Unit.level("yuan"), Unit.parse("level yuan", "k"));
        UserError e = assertThrows(UserError.class, () -> Unit.parse("percent", "analysis.yaml: outcomes.y.unit"));
        assertTrue(e.getMessage().startsWith("analysis.yaml: outcomes.y.unit: the unit \"percent\" is not known"),
                e.getMessage());
    }
}
