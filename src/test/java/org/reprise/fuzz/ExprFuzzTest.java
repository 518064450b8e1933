package org.reprise.fuzz;

import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import org.reprise.data.Dataset;
import org.reprise.data.Derive;
import org.reprise.data.Filter;
import org.reprise.data.ModelFrame;

/**
 * Derived-variable and filter expressions (Commons JEXL behind a lexical pre-pass): random text, mutated valid
 * expressions and grammar-built expressions give a result or a UserError, whether used in derive, filter or a
 * model's if condition.
 */
@AddLifecycleHook(FuzzBudget.class)
class ExprFuzzTest {
    static final List<String> ATOMS = List.of("y", "x", "age", "wage", "income", "race", "region", "w", "big", "frac",
            "nosuch", "_", "$x", "1", "0", "-1", "2.5", "1e308", "1e309", "-1e309", "4.9e-324", "1e-400",
            "99999999999999999999999", "9223372036854775807", "9223372036854775808", "0x10", "1L", "1.5d", "1b",
            "0.25", ".5", "NaN", "Infinity", "'east'", "'west'", "''", "\"\"", "'\\''", "'a\\u0000b'", "'\u00e9'",
            "'\ud83d\ude00'", "true", "false", "null", "empty", "size", "this", "new", "var", "function", "return",
            "`x`", "`${y}`");
    static final List<String> FUNCTIONS = List.of("log", "ln", "log10", "exp", "sqrt", "abs", "pow", "min", "max",
            "round", "floor", "ceil", "missing", "size", "empty", "nosuch", "new", "x", "Math.abs", "java.lang.Math.abs");
    static final List<String> BINARY = List.of("+", "-", "*", "/", "%", "^", "**", "==", "!=", "<", "<=", ">", ">=",
            "&&", "||", "and", "or", "eq", "ne", "lt", "le", "gt", "ge", "div", "mod", "&", "|", "<<", ">>", ">>>",
            "=~", "!~", "=^", "=$", "..", "?:", "??", "=", "+=", "->", "=>", ".", "?.", "instanceof", "in");
    static final List<String> UNARY = List.of("-", "+", "!", "not ", "~", "--", "++", "empty ", "size ", "-(-");

    static final Mutations.Grammar EXPR = new Mutations.Grammar(
            Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*"),
            List.of("y", "x", "age", "region", "nosuch", "log", "pow", "missing", "new", "var", "null", "true",
                    "and", "not", "empty", "size", "class", "getClass", "Runtime", "java", "System", "$x", "_",
                    "\u00e9", "if", "while", "function", "return", "this", "__proto__"),
            Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*|\\d+(\\.\\d*)?([eE][+-]?\\d+)?|'[^']*'"),
            ATOMS);

    private static final Dataset DATA = FuzzData.dataset();
    private static final List<String> SEEDS = Corpus.lines("expr");

    @Provide
    Arbitrary<String> seeds() {
        return Arbitraries.of(SEEDS);
    }

    @Provide
    Arbitrary<List<Mutations.Mutation>> mutations() {
        return Mutations.lists();
    }

    /** Random expressions from a grammar much wider than the documented one (JEXL's own syntax included). */
    @Provide
    Arbitrary<String> grammar() {
        return expression(4);
    }

    private static Arbitrary<String> expression(int depth) {
        Arbitrary<String> atom = Arbitraries.of(ATOMS);
        if (depth == 0) {
            return atom;
        }
        Arbitrary<String> sub = Arbitraries.lazy(() -> expression(depth - 1));
        return Arbitraries.frequencyOf(
                Tuple.of(3, atom),
                Tuple.of(4, Combinators.combine(sub, Arbitraries.of(BINARY), sub)
                        .as((a, op, b) -> a + " " + op + " " + b)),
                Tuple.of(2, Combinators.combine(Arbitraries.of(UNARY), sub)
                        .as((op, a) -> op + a)),
                Tuple.of(2, Combinators.combine(Arbitraries.of(FUNCTIONS),
                        sub.list().ofMaxSize(3)).as((f, args) -> f + "(" + String.join(", ", args) + ")")),
                Tuple.of(1, sub.map(a -> "(" + a + ")")),
                Tuple.of(1, Combinators.combine(sub, sub, sub)
                        .as((c, a, b) -> c + " ? " + a + " : " + b)),
                Tuple.of(1, Combinators.combine(sub, sub)
                        .as((a, b) -> a + "[" + b + "]")),
                Tuple.of(1, nested()));
    }

    /** Deep nesting: an opening shape repeated 1 to 1000 times (mostly few) around a number. */
    private static Arbitrary<String> nested() {
        return Combinators.combine(
                Arbitraries.of("(", "-", "!", "-(", "abs(", "x + (", "x^(", "1+"),
                Arbitraries.integers().between(1, 1000).withDistribution(RandomDistribution.biased())
        ).as((open, n) -> open.repeat(n) + "1" + (open.endsWith("(") ? ")" : "").repeat(n));
    }

    @Provide
    Arbitrary<String> exprish() {
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.of(ATOMS), Arbitraries.of(BINARY), Arbitraries.of(UNARY), Arbitraries.of(FUNCTIONS),
                Arbitraries.of("(", ")", "[", "]", "{", "}", ",", "'", "\"", "`", "\\", ";", "#", "@", "$", "?", ":",
                        " ", "\t", "\n", "\0", "\uFEFF"),
                Arbitraries.strings().ofMaxLength(3));
        return piece.list().ofMaxSize(30).map(l -> String.join("", l));
    }

    @Property(tries = 2400, seed = "20260301", edgeCases = EdgeCasesMode.NONE)
    void mutatedSeedExpressions(@ForAll("seeds") String seed, @ForAll("mutations") List<Mutations.Mutation> ms) {
        everyUse(Mutations.apply(seed, ms, EXPR));
    }

    @Property(tries = 2400, seed = "20260302")
    void grammarExpressions(@ForAll("grammar") String expr) {
        everyUse(expr);
    }

    @Property(tries = 1800, seed = "20260303")
    void exprishText(@ForAll("exprish") String expr) {
        everyUse(expr);
    }

    @Property(tries = 1200, seed = "20260304")
    void randomStrings(@ForAll String expr) {
        everyUse(expr);
    }

    /** The expression as a derived variable, as a filter and as a model's if condition. */
    static void everyUse(String expr) {
        OnlyUserError.check("Derive.apply", expr, () -> Derive.apply(DATA, "z", expr));
        OnlyUserError.check("Filter.apply", expr, () -> Filter.apply(DATA, expr));
        OnlyUserError.check("ModelFrame if", expr,
                () -> ModelFrame.build(DATA, "y", List.of("x"), true, null, null, null, expr));
    }
}
