package org.reprise.spec;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprise.UserError;

/**
 * One test per kind of bad input. Each asserts the "file:line:column:" prefix (line and column counted by hand in
 * the YAML text of the test, both from 1) and the key phrases of the message: what is wrong and what to do.
 */
class SpecErrorsTest {
    private static final String DATA = "data: {file: data/panel.csv}\n";

    @TempDir
    Path dir;

    private Path write(String yaml) throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/panel.csv"), "y,x1\n1,2\n");
        Path file = dir.resolve("analysis.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    /** The message of the UserError that loading {@code yaml} throws. */
    private String error(String yaml) throws Exception {
        Path file = write(yaml);
        return assertThrows(UserError.class, () -> SpecLoader.load(file)).getMessage();
    }

    /** Asserts the message starts with file:line:column: and contains every phrase. */
    private void expect(String message, int line, int column, String... phrases) {
        String prefix = dir.resolve("analysis.yaml") + ":" + line + ":" + column + ": ";
        assertTrue(message.startsWith(prefix), () -> "expected prefix " + prefix + " in: " + message);
        for (String p : phrases) {
            assertTrue(message.contains(p), () -> "expected \"" + p + "\" in: " + message);
        }
    }

    // ---- YAML syntax --------------------------------------------------------------------------------------

    @Test
    void tabIndentation() throws Exception {
        String m = error("title: x\ndata:\n\t- file: data/panel.csv\n");
        expect(m, 3, 1, "tab character", "only spaces");
    }

    @Test
    void unclosedQuote() throws Exception {
        String m = error("title: \"Poverty\n" + DATA);
        // reported where the quoted text starts: line 1, the quote is in column 8
        expect(m, 1, 8, "quoted text is never closed", "closing quote");
    }

    @Test
    void itemKeyIndentedLess() throws Exception {
        String m = error("title: x\n" + DATA + "models:\n  - id: m1\n   outcome: y\n");
        // line 5 "   outcome: y": the key starts in column 4, left of "id" (column 5)
        expect(m, 5, 4, "indentation does not fit", "same column");
    }

    @Test
    void keyIndentedMore() throws Exception {
        String m = error("title: x\n" + DATA + "models:\n  - id: m1\n     outcome: y\n");
        // line 5 "     outcome: y": 5 spaces + "outcome" = 12 characters, the colon is column 13
        expect(m, 5, 13, "indented further than the key above", "quotes");
    }

    @Test
    void unclosedBracket() throws Exception {
        String m = error("title: x\n" + DATA + "authors: [A, B\nseed: 3\n");
        // the list opens on line 3, column 10
        expect(m, 3, 10, "list `[...]` is not closed", "missing `]`");
    }

    @Test
    void duplicateKey() throws Exception {
        String m = error("title: x\n" + DATA + "title: y\n");
        expect(m, 3, 1, "`title` appears twice", "first at line 1", "Keep one");
    }

    @Test
    void emptyFile() throws Exception {
        Path file = write("");
        String m = assertThrows(UserError.class, () -> SpecLoader.load(file)).getMessage();
        assertTrue(m.startsWith(file + ": the file is empty."), m);
        assertTrue(m.contains("`title:`"), m);
    }

    @Test
    void onlyComments() throws Exception {
        Path file = write("# nothing yet\n");
        String m = assertThrows(UserError.class, () -> SpecLoader.load(file)).getMessage();
        assertTrue(m.startsWith(file + ": the file has no content."), m);
    }

    @Test
    void missingFile() {
        Path file = dir.resolve("nope.yaml");
        String m = assertThrows(UserError.class, () -> SpecLoader.load(file)).getMessage();
        assertTrue(m.startsWith(file + ": file not found."), m);
    }

    @Test
    void topLevelIsAList() throws Exception {
        String m = error("- title: x\n");
        expect(m, 1, 1, "must be a map of keys", "a list");
    }

    // ---- unknown keys and wrong types ---------------------------------------------------------------------

    @Test
    void unknownTopLevelKey() throws Exception {
        String m = error("title: x\n" + DATA + "modles: []\n");
        expect(m, 3, 1, "unknown key `modles` at the top level", "Did you mean `models`?",
                "allowed here are: title, authors, abstract, seed, stars, output, templates, data, models, matching, did, tables, figures, report.");
    }

    @Test
    void unknownNestedKey() throws Exception {
        String m = error("title: x\n" + DATA + "models:\n  - id: m1\n    outcom: y\n");
        expect(m, 5, 5, "unknown key `outcom` in models[0]", "Did you mean `outcome`?",
                "allowed here are: id, data, method, outcome, terms, constant, weights, absorb, if, vcov, cluster, label.");
    }

    @Test
    void unknownKeyInSingleDataSourceAndVariableMeta() throws Exception {
        String m = error("title: x\ndata:\n  file: data/panel.csv\n  variables:\n    age: {lable: Age}\n");
        // line 5 "    age: {lable: Age}": the key lable starts in column 11
        expect(m, 5, 11, "unknown key `lable` in data.variables.age", "Did you mean `label`?");
    }

    @Test
    void stringWhereListGoes() throws Exception {
        String m = error("title: x\n" + DATA + "models:\n  - id: m1\n    outcome: y\n    terms: x1\n");
        // line 6 "    terms: x1": the value starts in column 12
        expect(m, 6, 12, "`terms` in models[0] must be a list", "the text `x1`", "brackets");
    }

    @Test
    void notANumber() throws Exception {
        String m = error("title: x\n" + DATA + "seed: abc\n");
        expect(m, 3, 7, "`seed` must be a whole number", "the text `abc`");
    }

    @Test
    void listWhereTextGoes() throws Exception {
        String m = error("title: [a, b]\n" + DATA);
        expect(m, 1, 8, "`title` must be a single text value", "a list");
    }

    @Test
    void emptyListItem() throws Exception {
        String m = error("title: x\n" + DATA + "models:\n  - id: m1\n    outcome: y\n    terms:\n      - x1\n      -\n");
        // line 8 "      -" (7 characters): YAML places the empty value just after the dash, column 8
        expect(m, 8, 8, "item 2 of `terms` in models[0] is empty", "Remove the empty entry");
    }

    // ---- required keys, ids, references -------------------------------------------------------------------

    @Test
    void missingTitle() throws Exception {
        String m = error(DATA);
        expect(m, 1, 1, "missing required key `title` at the top level");
    }

    @Test
    void missingOutcome() throws Exception {
        String m = error("title: x\n" + DATA + "models:\n  - id: m1\n    terms: [x1]\n");
        // reported at the model: line 4 "  - id: m1", the map starts in column 5
        expect(m, 4, 5, "missing required key `outcome` in models[0]", "dependent variable");
    }

    @Test
    void emptyRequiredValue() throws Exception {
        String m = error("title:\n" + DATA);
        expect(m, 1, 7, "`title` is empty");
    }

    @Test
    void duplicateModelId() throws Exception {
        String m = error("title: x\n" + DATA + "models:\n  - {id: m1, outcome: y}\n  - {id: m1, outcome: z}\n");
        // line 5 "  - {id: m1, ...": m1 starts in column 10
        expect(m, 5, 10, "model id `m1` is used twice");
    }

    @Test
    void invalidModelId() throws Exception {
        String m = error("title: x\n" + DATA + "models:\n  - {id: 1st, outcome: y}\n");
        expect(m, 4, 10, "model id `1st` is not valid", "letter followed by");
    }

    @Test
    void tableNamesUnknownModel() throws Exception {
        String m = error("title: x\n" + DATA + "models:\n  - {id: baseline, outcome: y}\ntables:\n"
                + "  - {id: t1, type: regression, models: [baselin]}\n");
        // line 6: "  - {" (5) + "id: t1, " (8) + "type: regression, " (18) + "models: [" (9) = 40, so column 41
        expect(m, 6, 41, "model `baselin` is not defined", "Did you mean `baseline`?", "Defined: baseline");
    }

    @Test
    void modelNamesUnknownSource() throws Exception {
        String m = error("title: x\n" + DATA + "models:\n  - {id: m1, outcome: y, data: mian}\n");
        // line 4: "  - {id: m1, outcome: y, data: " is 31 characters
        expect(m, 4, 32, "data source `mian` is not defined", "Did you mean `main`?");
    }

    @Test
    void reportNamesUnknownTable() throws Exception {
        String m = error("title: x\n" + DATA + "tables:\n  - {id: t1, type: descriptive, variables: [y]}\n"
                + "report:\n  - {heading: A, tables: [t2]}\n");
        // line 6: "  - {heading: A, tables: [" is 26 characters
        expect(m, 6, 27, "table `t2` is not defined", "Did you mean `t1`?");
    }

    @Test
    void twoSourcesWithoutNames() throws Exception {
        String m = error("title: x\ndata:\n  - file: data/panel.csv\n  - file: data/panel.csv\n");
        expect(m, 4, 5, "data source name `main` is used twice", "give each a `name:`");
    }

    // ---- keyword values -----------------------------------------------------------------------------------

    @Test
    void unknownMethod() throws Exception {
        String m = error("title: x\n" + DATA + "models:\n  - id: m1\n    outcome: y\n    method: olss\n");
        expect(m, 6, 13, "`method` in models[0]", "`olss` is not a valid method", "Did you mean `ols`?",
                "ols, probit, logit");
    }

    @Test
    void unknownVcov() throws Exception {
        String m = error("title: x\n" + DATA + "models:\n  - id: m1\n    outcome: y\n    vcov: clustr\n");
        expect(m, 6, 11, "`clustr` is not a valid vcov", "Did you mean `cluster`?", "hc1");
    }

    @Test
    void unknownTableType() throws Exception {
        String m = error("title: x\n" + DATA + "tables:\n  - {id: t1, type: regresion, models: []}\n");
        // line 4: "  - {id: t1, type: " is 19 characters
        expect(m, 4, 20, "`regresion` is not a valid table type", "Did you mean `regression`?");
    }

    @Test
    void unknownStatistic() throws Exception {
        String m = error("title: x\n" + DATA + "models: [{id: m1, outcome: y}]\ntables:\n"
                + "  - {id: t1, type: regression, models: [m1], stats: [nobs, adj_r]}\n");
        // line 5: "  - {id: t1, type: regression, models: [m1], stats: [nobs, " is 59 characters
        expect(m, 5, 60, "`adj_r` is not a statistic of regression tables", "Did you mean `adj_r2`?");
    }

    @Test
    void keyOfTheOtherTableType() throws Exception {
        String m = error("title: x\n" + DATA + "models: [{id: m1, outcome: y}]\ntables:\n"
                + "  - id: t1\n    type: descriptive\n    variables: [y]\n    models: [m1]\n");
        expect(m, 8, 5, "`models` does not apply to descriptive tables");
    }

    // ---- paths --------------------------------------------------------------------------------------------

    @Test
    void dataPathEscapesFolder() throws Exception {
        String m = error("title: x\ndata: {file: ../x.csv}\n");
        // line 2: "data: {file: " is 13 characters
        expect(m, 2, 14, "`../x.csv` points outside the folder", "without `../`");
    }

    @Test
    void absoluteDataPath() throws Exception {
        String m = error("title: x\ndata: {file: /etc/passwd}\n");
        expect(m, 2, 14, "`/etc/passwd` is an absolute path", "relative to the folder");
    }

    @Test
    void outputEscapesFolder() throws Exception {
        String m = error("title: x\n" + DATA + "output: ../../out\n");
        expect(m, 3, 9, "`../../out` points outside the folder");
    }

    @Test
    void outputIsTheSpecFolder() throws Exception {
        String m = error("title: x\n" + DATA + "output: .\n");
        expect(m, 3, 9, "must be a subfolder");
    }

    @Test
    void missingDataFile() throws Exception {
        String m = error("title: x\ndata: {file: data/other.csv}\n");
        expect(m, 2, 14, "data file `data/other.csv` was not found");
    }

    @Test
    void unsupportedDataFileType() throws Exception {
        String m = error("title: x\ndata: {file: data/panel.xlsx}\n");
        expect(m, 2, 14, "unsupported type", ".csv", ".dta");
    }

    // ---- model, decimals, stars and table checks ----------------------------------------------------------

    @Test
    void clusterVcovWithoutClusterVariable() throws Exception {
        String m = error("title: x\n" + DATA + "models:\n  - id: m1\n    outcome: y\n    vcov: cluster\n");
        expect(m, 6, 11, "`vcov: cluster`, which needs exactly 1 cluster variable but 0 given",
                "`cluster: [hhid]`");
    }

    @Test
    void twowayWithOneVariable() throws Exception {
        String m = error("title: x\n" + DATA
                + "models:\n  - id: m1\n    outcome: y\n    vcov: twoway\n    cluster: [hhid]\n");
        expect(m, 7, 14, "needs exactly 2 cluster variables but 1 given");
    }

    @Test
    void clusterVariablesWithClassicalVcov() throws Exception {
        String m = error("title: x\n" + DATA + "models:\n  - id: m1\n    outcome: y\n    cluster: [hhid]\n");
        expect(m, 6, 14, "lists `cluster` variables but its vcov is `classical`", "vcov: cluster");
    }

    @Test
    void decimalsOutOfRange() throws Exception {
        String m = error("title: x\n" + DATA + "tables:\n  - id: t1\n    type: descriptive\n    variables: [y]\n"
                + "    decimals: 12\n");
        expect(m, 7, 15, "decimals must be a whole number from 0 to 10, but it is 12");
    }

    @Test
    void decimalsMapValueOutOfRange() throws Exception {
        String m = error("title: x\n" + DATA + "tables:\n  - id: t1\n    type: descriptive\n    variables: [y]\n"
                + "    decimals: {mean: 2, sd: -1}\n");
        // line 7: "    decimals: {mean: 2, sd: " is 28 characters
        expect(m, 7, 29, "from 0 to 10, but it is -1");
    }

    @Test
    void decimalsNotAWholeNumber() throws Exception {
        String m = error("title: x\n" + DATA + "tables:\n  - id: t1\n    type: descriptive\n    variables: [y]\n"
                + "    decimals: 2.5\n");
        expect(m, 7, 15, "`decimals` in tables[0] must be a whole number from 0 to 10, or a map",
                "the number 2.5");
    }

    @Test
    void decimalsUnknownStatistic() throws Exception {
        String m = error("title: x\n" + DATA + "tables:\n  - id: t1\n    type: descriptive\n    variables: [y]\n"
                + "    decimals: {estmate: 2}\n");
        expect(m, 7, 16, "`estmate` is not a statistic that `decimals` can set", "Did you mean `estimate`?");
    }

    @Test
    void starsNotDecreasing() throws Exception {
        String m = error("title: x\n" + DATA + "stars: {levels: [0.05, 0.10], symbols: [\"*\", \"**\"]}\n");
        // line 3: "stars: {levels: [0.05, " is 23 characters
        expect(m, 3, 24, "strictly decreasing", "0.1 follows 0.05");
    }

    @Test
    void starLevelOutOfRange() throws Exception {
        String m = error("title: x\n" + DATA + "stars: {levels: [1.5], symbols: [\"*\"]}\n");
        expect(m, 3, 18, "between 0 and 1");
    }

    @Test
    void groupOverNonAdjacentColumns() throws Exception {
        String m = error("title: x\n" + DATA + "models: [{id: a, outcome: y}, {id: b, outcome: y}, {id: c, outcome: y}]\n"
                + "tables:\n  - id: t1\n    type: regression\n    models: [a, b, c]\n"
                + "    groups: [{label: G, models: [a, c]}]\n");
        // line 8: "    groups: [{label: G, models: " is 32 characters
        expect(m, 8, 33, "must span adjacent columns", "a, b, c");
    }

    @Test
    void indicatorWithWrongNumberOfValues() throws Exception {
        String m = error("title: x\n" + DATA + "models: [{id: a, outcome: y}, {id: b, outcome: y}]\n"
                + "tables:\n  - id: t1\n    type: regression\n    models: [a, b]\n"
                + "    indicators: [{label: Controls, values: [No]}]\n");
        // line 8: "    indicators: [{label: Controls, values: " is 43 characters
        expect(m, 8, 44, "has 1 value but the table has 2 columns");
    }
}
