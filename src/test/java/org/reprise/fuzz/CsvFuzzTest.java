package org.reprise.fuzz;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import org.reprise.data.CsvOptions;
import org.reprise.data.CsvReader;

/**
 * Delimited data files: random bytes, CSV-like text and mutated valid files, read with every kind of option, give a
 * Dataset or a UserError, nothing else.
 */
@AddLifecycleHook(FuzzBudget.class)
class CsvFuzzTest {
    static final Mutations.Grammar CSV = new Mutations.Grammar(
            Pattern.compile("(?<=^|[,;\\t\\n ])[A-Za-z_][A-Za-z0-9_]*(?=[,;\\t\\n ]|$)"),
            List.of("x", "y", "a", "", " ", "\"\"", "\"x\"", "rownames", "NA", ".", "x,y", "\"a,b\"", "\"a\nb\"",
                    "\u00e9", "\ud83d\ude00", "\"unterminated"),
            Pattern.compile("(?<=^|[,;\\t\\n ])[^,;\\t\\n \"]+"),
            List.of("1e308", "1e309", "-1e309", "4.9e-324", "1e-400", "NaN", "nan", "Inf", "-Infinity", "1.#INF",
                    "#DIV/0!", "#NUM!", "1,5", "1.234,5", "\"1,5\"", "0x10", "1_000", "+5", "5.", ".5", "-.5e-3", "1e",
                    "e5", "--1", "1d", "1f", "9".repeat(400), "0." + "0".repeat(400) + "1", "\u0661\u0662",
                    "\uff11", "\"q\"", "\"\"", "\"", "\"a\"\"b\"", "NA", ".", "-99", "", " ", "\t", "\0", "\uFEFF",
                    "x".repeat(5000), "\r"));

    private static final Workspace WS = Workspace.create("reprise-fuzz-csv");
    private static final List<Path> SEEDS = Corpus.files("csv");

    @Provide
    Arbitrary<Path> seeds() {
        return Arbitraries.of(SEEDS);
    }

    @Provide
    Arbitrary<List<Mutations.Mutation>> mutations() {
        return Mutations.lists();
    }

    /** Each kind of reading: detected, given delimiters, whitespace, decimal comma, missing codes, categories. */
    @Provide
    Arbitrary<CsvOptions> options() {
        CsvOptions d = CsvOptions.defaults();
        return Arbitraries.of(
                d,
                d.withDelimiter(','),
                d.withDelimiter(';'),
                d.withDelimiter('\t'),
                d.withWhitespace(true),
                d.withDelimiter(';').withDecimalComma(true),
                d.withDecimalComma(true),
                d.withMissingCodes("-99", "", "n/a", "1e309", "NaN"),
                d.withCategorical("x", "a", "name", "treat", "region", "id"),
                d.withCategorical("nosuch"),
                d.withWhitespace(true).withCategorical("treat").withMissingCodes("0"));
    }

    @Provide
    Arbitrary<String> csvish() {
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.of(",", ";", "\t", " ", "\n", "\r\n", "\r", "\"", "\"\"", "\0", "\uFEFF", "\\"),
                Arbitraries.of(CSV.keys()),
                Arbitraries.of(CSV.values()),
                Arbitraries.strings().ofMaxLength(3));
        return piece.list().ofMaxSize(60).map(l -> String.join("", l));
    }

    @Property(tries = 1800, seed = "20260201", edgeCases = EdgeCasesMode.NONE)
    void mutatedSeedFilesReadOrGiveUserError(@ForAll("seeds") Path seed, @ForAll("options") CsvOptions opts,
                                             @ForAll("mutations") List<Mutations.Mutation> ms) {
        byte[] bytes = Mutations.applyBytes(Corpus.text(seed), ms, CSV);
        read(bytes, opts);
    }

    @Property(tries = 1800, seed = "20260202")
    void csvishTextReadsOrGivesUserError(@ForAll("csvish") String text, @ForAll("options") CsvOptions opts) {
        read(text.getBytes(StandardCharsets.UTF_8), opts);
    }

    @Property(tries = 1200, seed = "20260203")
    void randomBytesReadOrGiveUserError(@ForAll byte[] bytes, @ForAll("options") CsvOptions opts) {
        read(bytes, opts);
    }

    private static void read(byte[] bytes, CsvOptions opts) {
        Path file = WS.write("data.csv", bytes);
        String shown = new String(bytes, StandardCharsets.UTF_8) + "  [bytes " + Arrays.toString(
                Arrays.copyOf(bytes, Math.min(bytes.length, 40))) + "] with " + opts;
        OnlyUserError.check("CsvReader.read", shown, () -> CsvReader.read(file, opts));
    }
}
