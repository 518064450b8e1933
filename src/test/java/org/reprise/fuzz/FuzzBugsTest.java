package org.reprise.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprise.UserError;
import org.reprise.data.CsvOptions;
import org.reprise.data.CsvReader;
import org.reprise.data.Dataset;
import org.reprise.data.Derive;
import org.reprise.spec.SpecLoader;

/**
 * Minimal reproducers of the bugs the fuzz properties found, disabled until fixed (the properties leave out exactly
 * these input classes, see {@link OnlyUserError#messageFlaw}). To check a fix, remove the
 * {@code @Disabled} and run the fuzz suite with {@code -Dreprise.fuzz.strict=true}. Expected outcomes are the
 * obvious ones for each input (a two-column file with one data row has one row, etc.).
 */
class FuzzBugsTest {
    @TempDir
    Path dir;

    /** The minimal input the property shrank to was a one-byte file "a"; with a header and a row it is clearer. */
    @Test
    void whitespaceFileWithoutFinalNewline() throws Exception {
        Path f = Files.writeString(dir.resolve("d.tab"), "x y\n1 2");
        Dataset d = CsvReader.read(f, CsvOptions.defaults().withWhitespace(true));
        assertEquals(List.of("x", "y"), d.names());
        assertEquals(1, d.rows());
    }

    /** The time limit only keeps a hang from blocking the suite once this test is enabled. */
    @Test
    void emojiInHeaderHangs() throws Exception {
        Path f = Files.writeString(dir.resolve("d.csv"), "\ud83d\ude00,b\n1,2\n", StandardCharsets.UTF_8);
        Dataset d = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> CsvReader.read(f, CsvOptions.defaults()));
        assertEquals(List.of("\ud83d\ude00", "b"), d.names());
        assertEquals(1, d.rows());
    }

    /** 400 nested parentheses (the JEXL parser overflows a 1 MB stack from about 314; x^(...) from about 117). */
    @Test
    void deeplyNestedExpressionOverflowsStack() {
        String expr = "(".repeat(400) + "1" + ")".repeat(400);
        try {
            Derive.apply(FuzzData.dataset(), "z", expr);
        } catch (UserError e) {
            assertTrue(e.getMessage().length() < OnlyUserError.MAX_MESSAGE, e.getMessage());
        }
    }

    /** The JEXL parser backtracks: 12 unclosed braces take over 5 s, 16 would take minutes. */
    @Test
    void unclosedBracesTakeExponentialTime() {
        String expr = "x " + "{".repeat(16) + "1";
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            try {
                Derive.apply(FuzzData.dataset(), "z", expr);
            } catch (UserError e) {
                assertTrue(e.getMessage().length() < OnlyUserError.MAX_MESSAGE, e.getMessage());
            }
        });
    }

    @Test
    void quotedYamlTextKeepsLineBreaks() {
        UserError e = org.junit.jupiter.api.Assertions.assertThrows(UserError.class,
                () -> SpecLoader.parse(":-\n\n-", "analysis.yaml", dir));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void regexOperatorWithInvalidPattern() {
        try {
            Derive.apply(FuzzData.dataset(), "z", "region =~ '('");
        } catch (UserError e) {
            assertTrue(e.getMessage().length() < OnlyUserError.MAX_MESSAGE, e.getMessage());
        }
    }

    @Test
        void yamlMessageHoldsLineBreak() {
        UserError e = org.junit.jupiter.api.Assertions.assertThrows(UserError.class,
                () -> SpecLoader.parse("&\n", "analysis.yaml", dir));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void longSpecValueIsEchoedInFull() throws Exception {
        Files.writeString(dir.resolve("data.csv"), "y\n1\n");
        String yaml = "title: x\ndata: {file: data.csv}\nmodels: [{id: m, outcome: y, method: " + "o".repeat(3000)
                + "}]\n";
        UserError e = org.junit.jupiter.api.Assertions.assertThrows(UserError.class,
                () -> SpecLoader.parse(yaml, "analysis.yaml", dir));
        assertTrue(e.getMessage().length() < OnlyUserError.MAX_MESSAGE, e.getMessage().length() + " characters");
    }

    @Test
    void longExpressionIsEchoedInFull() {
        String expr = "x + ".repeat(600) + "+";
        UserError e = org.junit.jupiter.api.Assertions.assertThrows(UserError.class,
                () -> Derive.apply(FuzzData.dataset(), "z", expr));
        assertTrue(e.getMessage().length() < OnlyUserError.MAX_MESSAGE, e.getMessage().length() + " characters");
    }

    @Test
    void complexYamlKeyNamesJavaClass() {
        UserError e = org.junit.jupiter.api.Assertions.assertThrows(UserError.class,
                () -> SpecLoader.parse("[a]: x\n", "analysis.yaml", dir));
        assertFalse(e.getMessage().contains("org.yaml"), e.getMessage());
    }

    @Test
    void expressionSyntaxErrorNamesJavaClass() {
        UserError e = org.junit.jupiter.api.Assertions.assertThrows(UserError.class,
                () -> Derive.apply(FuzzData.dataset(), "z", "x +"));
        assertFalse(e.getMessage().contains("org.reprise"), e.getMessage());
    }
}
