package org.reprise.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.reprise.UserError;

/** manuscript.yaml: what it accepts, and a located, plain-words error for each mistake. */
class ManuscriptLoaderTest {
    private static String error(String yaml) {
        return assertThrows(UserError.class, () -> ManuscriptLoader.parse("m.yaml", yaml)).getMessage();
    }

    private static void starts(String yaml, String expected) {
        String m = error(yaml);
        assertTrue(m.startsWith(expected), m);
    }

    @Test
    void readsNumbersExactlyAsWritten() {
        Manuscript m = ManuscriptLoader.parse("m.yaml", "source: \"Paper, 2020\"\n"
                + "numbers:\n"
                + "  - {ref: estimates/m/terms/x/estimate, published: \"-0.1697\", where: \"Table 2, col (2)\"}\n"
                + "  - ref: estimates/m/terms/x/std_error\n"
                + "    published: 0.0670\n"
                + "  - {ref: estimates/m/nobs, published: \"6,124\"}\n");
        assertEquals("Paper, 2020", m.source());
        assertEquals(3, m.numbers().size());
        assertEquals("-0.1697", m.numbers().get(0).published());
        assertEquals(4, m.numbers().get(0).value().decimals());
        assertEquals("Table 2, col (2)", m.numbers().get(0).where());
        assertEquals("0.0670", m.numbers().get(1).published(), "an unquoted number keeps its trailing zero");
        assertEquals(4, m.numbers().get(1).value().decimals());
        assertEquals(4, m.numbers().get(1).line());
        assertEquals("", m.numbers().get(1).where());
        assertEquals(0, m.numbers().get(2).value().decimals());
    }

    @Test
    void theShippedManuscriptsRead() {
        Manuscript d = ManuscriptLoader.load(Path.of("manuscript.yaml"));
        assertEquals(69, d.numbers().size());
        assertEquals("-0.1697", d.numbers().get(34).published());
        assertEquals("estimates/did2/terms/PxT/estimate", d.numbers().get(34).ref());
        assertEquals(5, ManuscriptLoader.load(Path.of("examples/petersen/manuscript.yaml")).numbers().size());
    }

    @Test
    void theExampleInTheDocsReads() throws java.io.IOException {
        String doc = java.nio.file.Files.readString(Path.of("docs/verify.md"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("```yaml\n(.*?)```", java.util.regex.Pattern.DOTALL)
                .matcher(doc);
        assertTrue(m.find());
        assertEquals(3, ManuscriptLoader.parse("docs/verify.md", m.group(1)).numbers().size());
    }

    @Test
    void locatedErrors() {
        starts("source: x\nnumbers:\n  - {ref: a, published: \"1\"\n", "m.yaml:3:5: this `{...}`"
                + " is not closed properly.");
        starts("source: x\nnumber:\n  - {ref: a}\n", "m.yaml:2:1: unknown key `number` at the top"
                + " of the file. Did you mean `numbers`?");
        starts("numbers:\n  - {ref: a, publishd: \"1\"}\n", "m.yaml:2:14: unknown key `publishd`"
                + " in a published number. Did you mean `published`?");
        starts("numbers:\n  - {ref: a, published: abc}\n", "m.yaml:2:25: published: `abc` is not"
                + " a number.");
        starts("numbers:\n  - {published: \"1\"}\n", "m.yaml:2:5: this number has no `ref:`");
        starts("numbers:\n  - {ref: a}\n", "m.yaml:2:5: this number (ref a) has no `published:`");
        starts("numbers:\n  - {ref: a, published: \"1\", ref: b}\n", "m.yaml:2:30: the key `ref`"
                + " appears twice");
        starts("numbers: []\n", "m.yaml:1:10: `numbers:` is empty");
        starts("numbers: 3\n", "m.yaml:1:10: `numbers:` must be a list");
        starts("source: x\n", "m.yaml:1:1: `numbers:` is missing");
        starts("- a\n", "m.yaml:1:1: the file must be a map");
        starts("numbers:\n\t- {ref: a}\n", "m.yaml:2:1: this is not valid YAML");
        starts("numbers:\n  - just text\n", "m.yaml:2:5: each item of `numbers:` is a map");
        starts("", "m.yaml: the file is empty.");
        assertTrue(assertThrows(UserError.class, () -> ManuscriptLoader.load(Path.of("no/such/manuscript.yaml")))
                .getMessage().startsWith("no/such/manuscript.yaml: file not found."));
    }
}
