package org.reprise.fuzz;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import org.reprise.spec.SpecLoader;

/**
 * analysis.yaml: random text, random bytes and mutated valid specs give a Spec or a UserError, nothing else.
 * Fixed seeds keep {@code make test} deterministic; see {@link FuzzBudget} for longer sessions.
 */
@AddLifecycleHook(FuzzBudget.class)
class SpecFuzzTest {
    static final Mutations.Grammar YAML = new Mutations.Grammar(
            Pattern.compile("[A-Za-z_]+(?=:)"),
            List.of("title", "authors", "abstract", "seed", "stars", "levels", "symbols", "output", "templates",
                    "data", "name", "file", "delimiter", "panel", "id", "time", "missing", "categorical", "variables",
                    "label", "description", "group", "derive", "expr", "filter", "models", "method", "outcome",
                    "terms", "constant", "weights", "absorb", "if", "vcov", "cluster", "tables", "type", "stats",
                    "stat", "decimals", "notes", "groups", "term", "drop", "indicators", "values", "below", "report",
                    "heading", "text", "modles", "Title", "TITLE", "a b", "__class__", "@type", "<<", "\"\"",
                    "'x'", "[a]", "{a: 1}", "1", "null", "true", "ti\ttle"),
            Pattern.compile("(?<=: |- )[^\\n,}\\]]+"),
            List.of("[]", "{}", "[a, b]", "{a: 1}", "1", "-1", "0", "1.5", "1e308", "1e309", "-1e309", "true", "no",
                    "null", "~", "''", "\"\"", "\"x\"", "[[a]]", "[{}]", "[null]", "[~, ~]", "!!str 5", "!!int x",
                    "!!float", "!!map", "*a", "&a x", "9223372036854775808", "-9223372036854775809", ".nan",
                    ".inf", "|\n  text", ">-\n  folded", "data.csv", "../x.csv", "/etc/passwd", "C:\\x", "~/x",
                    "sub", "sub/", "output", ".", "..", "\"data.csv\\0\"", "\"\\t\"", "ols", "OLS", "olss",
                    "cluster", "twoway", "regression", "descriptive", "se", "auto", "whitespace", "m1", "m9",
                    "t1", "x", "\"\u00d7\"", "\"\\ud800\"", "\"" + "a".repeat(5000) + "\""));

    private static final Workspace WS = Workspace.create("reprise-fuzz-spec");
    private static final List<String> SEEDS = Corpus.lines("spec");

    @Provide
    Arbitrary<String> seeds() {
        return Arbitraries.of(SEEDS);
    }

    @Provide
    Arbitrary<List<Mutations.Mutation>> mutations() {
        return Mutations.lists();
    }

    /** Text made of the characters YAML gives meaning to, plus letters and keys. */
    @Provide
    Arbitrary<String> yamlish() {
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.of(":", ": ", "- ", "\n", "\n  ", "\n    ", " ", "\t", "[", "]", "{", "}", ",", "\"", "'",
                        "#", "&", "*", "!", "|", ">", "?", "%", "@", "`", "\\", "~", "---", "\0", "\uFEFF"),
                Arbitraries.of(YAML.keys()),
                Arbitraries.of(YAML.values()),
                Arbitraries.strings().ofMaxLength(4));
        return piece.list().ofMaxSize(60).map(l -> String.join("", l));
    }

    @Property(tries = 1800, seed = "20260101", edgeCases = EdgeCasesMode.NONE)
    void mutatedSeedFilesLoadOrGiveUserError(@ForAll("seeds") String seed,
                                             @ForAll("mutations") List<Mutations.Mutation> ms) {
        byte[] bytes = Mutations.applyBytes(seed, ms, YAML);
        Path file = WS.write("analysis.yaml", bytes);
        OnlyUserError.check("SpecLoader.load", new String(bytes, java.nio.charset.StandardCharsets.UTF_8),
                () -> SpecLoader.load(file));
    }

    @Property(tries = 1800, seed = "20260102", edgeCases = EdgeCasesMode.NONE)
    void mutatedSeedTextParsesOrGivesUserError(@ForAll("seeds") String seed,
                                               @ForAll("mutations") List<Mutations.Mutation> ms) {
        String text = Mutations.apply(seed, ms, YAML);
        OnlyUserError.check("SpecLoader.parse", text, () -> SpecLoader.parse(text, "analysis.yaml", WS.dir));
    }

    @Property(tries = 1800, seed = "20260103")
    void yamlishTextParsesOrGivesUserError(@ForAll("yamlish") String text) {
        OnlyUserError.check("SpecLoader.parse", text, () -> SpecLoader.parse(text, "analysis.yaml", WS.dir));
    }

    @Property(tries = 1200, seed = "20260104")
    void randomStringsParseOrGiveUserError(@ForAll String text) {
        OnlyUserError.check("SpecLoader.parse", text, () -> SpecLoader.parse(text, "analysis.yaml", WS.dir));
    }

    @Property(tries = 1200, seed = "20260105")
    void randomBytesLoadOrGiveUserError(@ForAll byte[] bytes) {
        Path file = WS.write("analysis.yaml", bytes);
        OnlyUserError.check("SpecLoader.load", java.util.Arrays.toString(bytes), () -> SpecLoader.load(file));
    }
}
