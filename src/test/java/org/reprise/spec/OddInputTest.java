package org.reprise.spec;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reprise.UserError;

/** Odd inputs must give a located UserError ("file:line:column: ..."), never another exception. */
class OddInputTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {
        "title: x\ndata: 5\n",
        "title: x\ndata: [5]\n",
        "title: x\ndata: {file: d.csv}\nmodels: [5]\n",
        "title: x\ndata: {file: d.csv}\nmodels: x\n",
        "title: x\ndata: {file: d.csv}\ntables: [{id: t, type: [a]}]\n",
        "title: x\ndata: {file: d.csv}\ntables: [{id: t, type: descriptive, variables: [y], decimals: \"4x\"}]\n",
        "title: x\ndata: {file: d.csv}\nstars: 3\n",
        "title: x\ndata: {file: d.csv, variables: [a]}\n",
        "title: x\ndata: {file: d.csv, variables: {a: [1]}}\n",
        "title: x\ndata: {file: d.csv}\nreport: x\n",
        "title: x\ndata: {file: d.csv}\nreport: [x]\n",
        "title: x\ndata: {file: d.csv}\nseed: 99999999999999999999999\n",
        "title: x\ndata: {file: d.csv}\nseed: 1.5\n",
        "title: !!binary abc\ndata: {file: d.csv}\n",
        "? [a, b]\n: c\n",
        "title: x\ndata: {file: d.csv, panel: {id: a}}\n",
        "title: x\ndata: {file: d.csv, derive: [{name: a}]}\n",
        "title: x\ndata: {file: d.csv, derive: [{name: 2a, expr: x}]}\n",
        "title: x\ndata: {file: d.csv}\nmodels: [{id: m, outcome: y, terms: [[a]]}]\n",
        "title: x\ndata: {file: d.csv}\nmodels: [{id: m, outcome: y, constant: maybe}]\n",
        "title: x\ndata: {file: d.csv}\nmodels: [{id: m, outcome: y}]\ntables: [{id: t, type: regression, models: [m],"
            + " terms: [{label: a}]}]\n",
        "title: x\ndata: {file: d.csv}\nmodels: [{id: m, outcome: y}]\ntables: [{id: t, type: regression, models: [m],"
            + " groups: [{label: g, models: [m]}, {label: h, models: [m]}]}]\n",
        "title: x\ndata: {file: d.csv}\ntables: [{id: t, type: regression}]\n",
        "title: x\ndata: {file: d.csv}\nreport: [{}]\n",
        "title: x\ndata: {file: d.csv}\noutput: \"\"\n",
        "title: x\ndata: {file: \"a\\u0000b.csv\"}\n",
        "title: \"bad \\q escape\"\n",
        "title: x\ndata: {file: d.csv}\n  extra: 1\n",
        "title: x\n\"unterminated: 1\n",
    })
    void givesLocatedUserError(String yaml) throws Exception {
        Files.writeString(dir.resolve("d.csv"), "y\n1\n");
        Path file = dir.resolve("analysis.yaml");
        Files.writeString(file, yaml);
        UserError e = assertThrows(UserError.class, () -> SpecLoader.load(file));
        String prefix = Pattern.quote(file.toString()) + ":\\d+:\\d+: \\S.*";
        assertTrue(e.getMessage().matches("(?s)" + prefix), e.getMessage());
    }
}
