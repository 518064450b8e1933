package org.reprise.fuzz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import org.reprise.data.Dataset;
import org.reprise.data.ModelFrame;

/**
 * Model terms in Stata's factor-variable notation, and the other ModelFrame.build arguments (outcome, weights,
 * cluster, absorb, if): random text, mutated valid term lists and grammar-built terms give a frame or a UserError.
 */
@AddLifecycleHook(FuzzBudget.class)
class TermsFuzzTest {
    static final List<String> GOOD_VARS = List.of("y", "x", "age", "wage", "income", "race", "region", "w", "firm",
            "year", "big", "frac");
    static final List<String> ODD_VARS = List.of("nosuch", "_cons", "Age", "_", "1x", "\u00e9", "");
    static final List<String> VARS = concat(GOOD_VARS, ODD_VARS);
    static final List<String> GOOD_PREFIXES = List.of("", "i.", "c.", "ib3.", "ib1.", "ib(first).", "ib(last).",
            "ib(freq).", "ibn.", "2.", "1.", "east.", "ib(east).");
    static final List<String> ODD_PREFIXES = List.of("ib0.", "0.", "3.", "99999999999999999999.", "-1.", "1.5.",
            "west.", "nosuch.", "ib(nosuch).", "ib().", "ib((.", "ib(1e309).", "ib(NaN).", "ib(-1).", "L.", "D.", "F.",
            "io.", "b.", "i.i.", "c.i.", ".", "..", "#.", "(.", "i(1 2).", "ib(2)3.", "\u0662.");
    static final List<String> JOINS = List.of("#", "##", "#", "###", "# #", "", "#c.", "##i.");

    static final Mutations.Grammar TERMS = new Mutations.Grammar(
            Pattern.compile("[A-Za-z_][A-Za-z0-9_]*"),
            VARS,
            Pattern.compile("[^ .#]+(?=\\.)|#+"),
            List.of("i", "c", "ib3", "ib(first)", "ib(", "ib()", "ibn", "2", "0", "-1", "99999999999999999999",
                    "east", "L", "ib(east)", "ib(1e309)", "", " ", "#", "##", "###", ".", "i.i"));

    private static final Dataset DATA = FuzzData.dataset();
    private static final List<String> SEEDS = Corpus.lines("terms");

    /** The other arguments of ModelFrame.build, fuzzed together with the terms. */
    record Rest(String outcome, boolean constant, String weights, List<String> cluster, List<String> absorb,
                String ifExpr) {
    }

    private static Arbitrary<String> mostlyGood() {
        return Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.of(GOOD_VARS)), Tuple.of(1, Arbitraries.of(ODD_VARS)));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return List.copyOf(out);
    }

    @Provide
    Arbitrary<String> seeds() {
        return Arbitraries.of(SEEDS);
    }

    @Provide
    Arbitrary<List<Mutations.Mutation>> mutations() {
        return Mutations.lists();
    }

    @Provide
    Arbitrary<Rest> rest() {
        Arbitrary<String> var = mostlyGood();
        Arbitrary<List<String>> vars = mostlyGood().list().ofMaxSize(2).injectNull(0.5);
        return Combinators.combine(
                Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just("y")), Tuple.of(2, mostlyGood())).injectNull(0.02),
                Arbitraries.of(true, false),
                var.injectNull(0.6),
                vars, vars,
                Arbitraries.of("age > 30", "region == 'east'", "missing(income)", "x > 5", "age >", "")
                        .injectNull(0.6)).as(Rest::new);
    }

    /** A term: prefixed variables joined by # or ##. */
    @Provide
    Arbitrary<String> term() {
        Arbitrary<String> part = Combinators.combine(
                Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.of(GOOD_PREFIXES)), Tuple.of(1, Arbitraries.of(ODD_PREFIXES))),
                mostlyGood()).as((p, v) -> p + v);
        return Combinators.combine(part.list().ofMinSize(1).ofMaxSize(4), Arbitraries.of(JOINS))
                .as((parts, j) -> String.join(j, parts));
    }

    @Provide
    Arbitrary<List<String>> termLists() {
        Arbitrary<String> entry = Arbitraries.oneOf(
                term(),
                Combinators.combine(term().list().ofMaxSize(3), Arbitraries.of(" ", "  ", "\t", "\n", " \u00a0 "))
                        .as((l, sep) -> String.join(sep, l)));
        return entry.injectNull(0.05).list().ofMaxSize(5);
    }

    @Property(tries = 1800, seed = "20260501", edgeCases = EdgeCasesMode.NONE)
    void mutatedSeedTerms(@ForAll("seeds") String seed, @ForAll("mutations") List<Mutations.Mutation> ms,
                          @ForAll("rest") Rest rest) {
        build(Arrays.asList(Mutations.apply(seed, ms, TERMS).split(",")), rest);
    }

    @Property(tries = 2400, seed = "20260502")
    void grammarTerms(@ForAll("termLists") List<String> terms, @ForAll("rest") Rest rest) {
        build(terms, rest);
    }

    @Property(tries = 1200, seed = "20260503")
    void randomStrings(@ForAll List<String> terms, @ForAll("rest") Rest rest) {
        build(terms, rest);
    }

    private static void build(List<String> terms, Rest r) {
        List<String> t = terms == null ? null : new ArrayList<>(terms);
        OnlyUserError.check("ModelFrame.build", "terms " + terms + " " + r,
                () -> ModelFrame.build(DATA, r.outcome(), t, r.constant(), r.weights(), r.cluster(), r.absorb(),
                        r.ifExpr()));
    }
}
