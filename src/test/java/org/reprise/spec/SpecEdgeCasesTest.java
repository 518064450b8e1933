package org.reprise.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprise.UserError;

/** Less common mistakes and accepted spellings; positions counted by hand as in SpecErrorsTest. */
class SpecEdgeCasesTest {
    private static final String DATA = "data: {file: d.csv}\n";

    @TempDir
    Path dir;

    private Path write(String yaml) throws Exception {
        Files.writeString(dir.resolve("d.csv"), "y,x\n1,2\n");
        Path file = dir.resolve("analysis.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private String error(String yaml) throws Exception {
        Path file = write(yaml);
        return assertThrows(UserError.class, () -> SpecLoader.load(file)).getMessage();
    }

    private void expect(String message, int line, int column, String... phrases) {
        String prefix = dir.resolve("analysis.yaml") + ":" + line + ":" + column + ": ";
        assertTrue(message.startsWith(prefix), () -> "expected prefix " + prefix + " in: " + message);
        for (String p : phrases) {
            assertTrue(message.contains(p), () -> "expected \"" + p + "\" in: " + message);
        }
    }

    @Test
    void missingData() throws Exception {
        expect(error("title: x\n"), 1, 1, "missing required key `data` at the top level");
    }

    @Test
    void missingFileKeyInSource() throws Exception {
        expect(error("title: x\ndata:\n  - name: a\n"), 3, 5, "missing required key `file` in data[0]");
    }

    @Test
    void twoDocuments() throws Exception {
        expect(error("title: x\n" + DATA + "---\ntitle: y\n"), 4, 1, "more than one YAML document");
    }

    @Test
    void aliasesRejected() throws Exception {
        String m = error("title: &t x\nabstract: *t\n" + DATA);
        // line 2: "abstract: " is 10 characters
        expect(m, 2, 11, "aliases (`*name`) are not supported");
    }

    @Test
    void numberIsNotABoolean() throws Exception {
        String m = error("title: x\n" + DATA + "models:\n  - {id: m1, outcome: y, constant: 1}\n");
        // line 4: "  - {id: m1, outcome: y, constant: " is 35 characters
        expect(m, 4, 36, "`constant` in models[0] must be true or false", "the number 1");
    }

    @Test
    void mapWhereListGoes() throws Exception {
        String m = error("title: x\n" + DATA + "models:\n  id: m1\n");
        expect(m, 4, 3, "`models` must be a list", "a map");
    }

    @Test
    void unknownDelimiter() throws Exception {
        String m = error("title: x\ndata: {file: d.csv, delimiter: \"|\"}\n");
        // line 2: "data: {file: d.csv, delimiter: " is 31 characters
        expect(m, 2, 32, "`|` is not a valid delimiter", "auto");
    }

    @Test
    void windowsAbsolutePath() throws Exception {
        String m = error("title: x\ndata: {file: \"C:\\\\data\\\\x.csv\"}\n");
        expect(m, 2, 14, "is an absolute path");
    }

    @Test
    void folderGivenInsteadOfFile() throws Exception {
        write("title: x\n" + DATA);
        String m = assertThrows(UserError.class, () -> SpecLoader.load(dir)).getMessage();
        assertTrue(m.startsWith(dir + ": this is a folder"), m);
        assertTrue(m.contains("analysis.yaml"), m);
    }

    @Test
    void notUtf8() throws Exception {
        Path file = dir.resolve("analysis.yaml");
        Files.write(file, new byte[] {'t', 'i', 't', 'l', 'e', ':', ' ', (byte) 0xE9, '\n'});
        String m = assertThrows(UserError.class, () -> SpecLoader.load(file)).getMessage();
        assertTrue(m.startsWith(file + ": the file is not valid UTF-8"), m);
    }

    @Test
    void unknownKeyInStars() throws Exception {
        String m = error("title: x\n" + DATA + "stars: {level: [0.1]}\n");
        expect(m, 3, 9, "unknown key `level` in stars", "Did you mean `levels`?");
    }

    @Test
    void templatesFolderMustExist() throws Exception {
        expect(error("title: x\n" + DATA + "templates: tpl\n"), 3, 12, "templates folder `tpl` does not exist");
    }

    @Test
    void indicatorNeedsAbsorbOrValues() throws Exception {
        String m = error("title: x\n" + DATA + "models: [{id: a, outcome: y}]\ntables:\n"
                + "  - {id: t, type: regression, models: [a], indicators: [{label: FE}]}\n");
        // line 5: "  - {id: t, type: regression, models: [a], indicators: [" is 56 characters
        expect(m, 5, 57, "needs exactly one of `absorb: variable`");
    }

    @Test
    void acceptedSpellings() throws Exception {
        Path file = write("title: x\ndata: {file: d.csv, delimiter: TAB}\nmodels:\n"
                + "  - {id: a, outcome: y, method: OLS, vcov: HC1}\n");
        Spec spec = SpecLoader.load(file);
        assertEquals(Delimiter.TAB, spec.source("main").delimiter());
        assertEquals(Method.OLS, spec.model("a").method());
        assertEquals(VcovType.HC1, spec.model("a").vcov());
        assertEquals(List.of(), spec.report());
    }
}
