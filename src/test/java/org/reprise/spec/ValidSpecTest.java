package org.reprise.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Round trip of src/test/resources/spec/valid.yaml: every value is compared with what the file says (read by eye),
 * and every absent optional key with its documented default (docs/spec.md).
 */
class ValidSpecTest {
    private static final Path VALID = Path.of("src/test/resources/spec/valid.yaml");

    @Test
    void topLevelValues() {
        Spec spec = SpecLoader.load(VALID);
        assertEquals("Industrial poverty alleviation and vulnerability", spec.title());
        assertEquals(List.of("A. Author", "B. Author"), spec.authors());
        assertEquals("We estimate the effect of industrial poverty alleviation.", spec.abstractText());
        assertEquals(20240101L, spec.seed());
        assertEquals(List.of(0.10, 0.05, 0.01), spec.stars().levels());
        assertEquals(List.of("+", "*", "**"), spec.stars().symbols());
        assertEquals("results/run1", spec.output());
        assertEquals(VALID.toAbsolutePath().normalize().getParent(), spec.baseDir());
        assertEquals(spec.baseDir().resolve("results/run1"), spec.outputDir());
        assertEquals("", spec.templates());
        assertEquals(Optional.empty(), spec.templatesDir());
    }

    @Test
    void dataSources() {
        Spec spec = SpecLoader.load(VALID);
        assertEquals(2, spec.data().size());
        DataSource panel = spec.source("panel");
        assertEquals("data/panel.csv", panel.file());
        assertEquals(Delimiter.COMMA, panel.delimiter());
        assertEquals(new Panel("hhid", "year"), panel.panel());
        assertTrue(panel.hasPanel());
        assertEquals(List.of("-99", "-98"), panel.missing());
        assertEquals(List.of("region"), panel.categorical());
        assertEquals(new VariableMeta("Age", "Age of household head", "Household head", ""), panel.variable("age"));
        assertEquals(new VariableMeta("Income", "", "", ""), panel.variable("income"));
        assertEquals(VariableMeta.NONE, panel.variable("y"));
        assertEquals(List.of("age", "income"), List.copyOf(panel.variables().keySet()));
        assertEquals(List.of(new Derived("lninc", "log(income)", "Log income"), new Derived("PxT", "P * T", "")),
                panel.derive());
        assertEquals("Log income", panel.label("lninc"));
        assertEquals("Age", panel.label("age"));
        assertEquals("x1", panel.label("x1"));
        assertEquals("income > 0", panel.filter());

        DataSource cross = spec.source("cross");
        assertEquals(Delimiter.TAB, cross.delimiter());
        assertNull(cross.panel());
        assertFalse(cross.hasPanel());
        assertEquals(List.of(), cross.missing());
        assertEquals(Map.of(), cross.variables());
        assertEquals("", cross.filter());
        assertEquals(spec.baseDir().resolve("data/cross.tsv"), spec.resolve(cross.file()));
    }

    @Test
    void modelsWithDefaults() {
        Spec spec = SpecLoader.load(VALID);
        ModelSpec m1 = spec.model("m1");
        assertEquals(new ModelSpec("m1", "panel", Method.OLS, "y", List.of("PxT", "x1", "i.region", "c.age#c.age"),
                true, "", List.of(), "", VcovType.CLASSICAL, List.of(), ""), m1);
        ModelSpec m2 = spec.model("m2");
        assertEquals(new ModelSpec("m2", "panel", Method.PROBIT, "y", List.of(), false, "w", List.of("hhid", "year"),
                "region == 'east'", VcovType.CLUSTER, List.of("hhid"), "Baseline"), m2);
        assertTrue(m2.hasWeights());
        ModelSpec m3 = spec.model("m3");
        assertEquals(Method.LOGIT, m3.method());
        assertEquals(VcovType.TWOWAY, m3.vcov());
        assertEquals(List.of("hhid", "year"), m3.cluster());
        assertEquals("panel", spec.sourceOf(m3).name());
        assertThrows(IllegalArgumentException.class, () -> spec.model("m9"));
    }

    @Test
    void descriptiveTable() {
        TableSpec t = SpecLoader.load(VALID).table("table1");
        assertEquals(TableKind.DESCRIPTIVE, t.kind());
        assertEquals("Descriptive statistics", t.title());
        assertEquals("panel", t.data());
        assertEquals(List.of("Vul1", "T", "age"), t.variables());
        assertEquals(List.of(new StatRow("mean", ""), new StatRow("sd", "Std. dev.")), t.stats());
        assertEquals(4, t.decimals().forStat("mean"));
        assertEquals(4, t.decimals().forStat("estimate"));
        assertEquals(0, t.decimals().forStat("n"));
        assertEquals(List.of("Source: survey."), t.notes());
        assertEquals(List.of(), t.models());
    }

    @Test
    void regressionTable() {
        TableSpec t = SpecLoader.load(VALID).table("table2");
        assertEquals(TableKind.REGRESSION, t.kind());
        assertEquals("", t.data());
        assertEquals(List.of("m1", "m2", "m3"), t.models());
        assertEquals(List.of(new ColumnGroup("$1.9 poverty line", List.of("m1", "m2"))), t.groups());
        assertEquals(List.of(new TermRow("PxT", "P × T"), new TermRow("x1", ""), new TermRow("_cons", "")), t.terms());
        assertEquals(List.of("x3"), t.drop());
        assertEquals(List.of(new StatRow("nobs", ""), new StatRow("r2", ""), new StatRow("adj_r2", "Adj. R²")),
                t.stats());
        // YAML 1.1 would read No/Yes as booleans; the text is kept as written
        assertEquals(List.of(new Indicator("Individual FE", "hhid", List.of()),
                new Indicator("Controls", "", List.of("No", "Yes", "Yes"))), t.indicators());
        assertEquals(Below.T, t.below());
        assertEquals(4, t.decimals().forStat("estimate"));
        assertEquals(5, t.decimals().forStat("se"));
        assertEquals(1, t.decimals().forStat("nobs"));
        assertEquals(3, t.decimals().forStat("r2"));
        assertEquals(3, t.decimals().forStat("t"));
        assertEquals(0, t.decimals().forStat("n_clusters"));
    }

    @Test
    void regressionTableDefaults() {
        TableSpec t = SpecLoader.load(VALID).table("table3");
        assertEquals("", t.title());
        assertEquals(Below.SE, t.below());
        // both columns are probit/logit: nobs and pseudo R2, no R2
        assertEquals(List.of(new StatRow("nobs", ""), new StatRow("pseudo_r2", "")), t.stats());
        assertEquals(Decimals.DEFAULT, t.decimals());
        assertEquals(3, t.decimals().forStat("estimate"));
        assertEquals(3, t.decimals().forStat("se"));
        assertEquals(3, t.decimals().forStat("r2"));
        assertEquals(0, t.decimals().forStat("nobs"));
        assertEquals(List.of(), t.terms());
        assertEquals(List.of(), t.groups());
    }

    @Test
    void reportSections() {
        Spec spec = SpecLoader.load(VALID);
        assertEquals(List.of(new Section("Descriptive statistics", "Plain text paragraph.", List.of("table1"), List.of()),
                new Section("Results", "", List.of("table2", "table3"), List.of())), spec.report());
    }

    @Test
    void locationsOfKeys() {
        Spec spec = SpecLoader.load(VALID);
        // valid.yaml line 32 is "    outcome: y" of m2 (the value starts in column 14)
        assertEquals(VALID + ":32:14", spec.locate("/models/1/outcome"));
        assertEquals("/models/1", spec.modelPointer("m2"));
        assertEquals("/tables/2", spec.tablePointer("table3"));
        assertEquals("/data/1", spec.sourcePointer("cross"));
        // an absent key falls back to its model: "  - id: m1" on line 26, the map starts at column 5
        assertEquals(VALID + ":26:5", spec.locate("/models/0/weights"));
        assertTrue(spec.errorAt("/models/0/outcome", "column `y` not found.").getMessage()
                .startsWith(VALID + ":27:14: column `y` not found."));
    }

    @Test
    void minimalSpecGetsDefaults(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("templates"));
        Files.writeString(dir.resolve("d.csv"), "y,x\n1,2\n");
        Path file = dir.resolve("analysis.yaml");
        Files.writeString(file, """
                title: Minimal
                data: {file: d.csv}
                models:
                  - {id: m1, outcome: y, terms: [x]}
                tables:
                  - {id: t1, type: regression, models: [m1]}
                  - {id: t2, type: descriptive, variables: [y, x]}
                """);
        Spec spec = SpecLoader.load(file);
        assertEquals(List.of(), spec.authors());
        assertEquals("", spec.abstractText());
        assertEquals(1L, spec.seed());
        assertEquals(StarsSpec.DEFAULT, spec.stars());
        assertEquals("output", spec.output());
        assertEquals("templates", spec.templates());
        assertEquals(Optional.of(dir.toAbsolutePath().normalize().resolve("templates")), spec.templatesDir());
        DataSource main = spec.source("main");
        assertEquals(Delimiter.AUTO, main.delimiter());
        assertEquals("/data", spec.sourcePointer("main"));
        assertEquals("main", spec.model("m1").data());
        assertEquals(List.of(new StatRow("nobs", ""), new StatRow("r2", "")), spec.table("t1").stats());
        assertEquals(List.of("n", "mean", "sd", "min", "max"),
                spec.table("t2").stats().stream().map(StatRow::stat).toList());
        assertEquals("main", spec.table("t2").data());
        assertEquals(List.of(new Section("", "", List.of("t1", "t2"), List.of())), spec.report());
    }

    @Test
    void starsSymbolsDefaultFromLevels(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("d.csv"), "y\n1\n");
        Path file = dir.resolve("analysis.yaml");
        Files.writeString(file, "title: T\ndata: {file: d.csv}\nstars: {levels: [0.05, 0.01]}\n");
        assertEquals(new StarsSpec(List.of(0.05, 0.01), List.of("*", "**")), SpecLoader.load(file).stars());
    }

    @Test
    void tableLatexKeyFixesSizeAndOrientation(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("d.csv"), "y,x\n1,2\n");
        Path file = dir.resolve("analysis.yaml");
        Files.writeString(file, """
                title: T
                data: {file: d.csv}
                models:
                  - {id: m1, outcome: y, terms: [x]}
                tables:
                  - {id: t1, type: regression, models: [m1], latex: {size: small, landscape: true}}
                  - {id: t2, type: descriptive, variables: [y], latex: {size: footnotesize}}
                  - {id: t3, type: descriptive, variables: [y]}
                """);
        Spec spec = SpecLoader.load(file);
        assertEquals(new TableLatex(LatexSize.SMALL, true), spec.table("t1").latex());
        assertEquals("footnotesize", spec.table("t2").latex().size().command());
        assertEquals(null, spec.table("t2").latex().landscape());
        assertEquals(TableLatex.AUTO, spec.table("t3").latex());
        Files.writeString(file, """
                title: T
                data: {file: d.csv}
                tables:
                  - {id: t2, type: descriptive, variables: [y], latex: {size: smal}}
                """);
        org.reprise.UserError e = org.junit.jupiter.api.Assertions.assertThrows(org.reprise.UserError.class,
                () -> SpecLoader.load(file));
        assertTrue(e.getMessage().contains("analysis.yaml:4:") && e.getMessage().contains("small"), e.getMessage());
    }
}
