package org.reprise.data;

import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.jexl3.JexlArithmetic;
import org.apache.commons.jexl3.JexlBuilder;
import org.apache.commons.jexl3.JexlContext;
import org.apache.commons.jexl3.JexlEngine;
import org.apache.commons.jexl3.JexlException;
import org.apache.commons.jexl3.JexlFeatures;
import org.apache.commons.jexl3.JexlScript;
import org.apache.commons.jexl3.introspection.JexlPermissions;
import org.apache.commons.jexl3.introspection.JexlSandbox;
import org.reprise.UserError;

/**
 * One compiled expression over a dataset's columns, evaluated row by row with one reusable context.
 * Numbers come in as Double (NaN = missing), categories as their label String (null = missing).
 * Missing rules: arithmetic propagates NaN; a comparison or truth test that meets a missing value makes the
 * whole result missing for that row ({@link #eval} returns null); {@code missing(x)} tests for it.
 */
final class Expr {
    static final Set<String> FUNCTIONS = Set.of("log", "ln", "log10", "exp", "sqrt", "abs", "pow", "min", "max",
            "round", "floor", "ceil", "missing");
    private static final Set<String> WORDS = Set.of("true", "false", "and", "or", "not", "eq", "ne", "lt", "le", "gt",
            "ge");
    /**
     * Words JEXL reads as keywords or operators: a column with one of these names is written in backticks
     * ({@code `size`}) in an expression (docs/data.md, "Column names in expressions").
     */
    static final Set<String> RESERVED = Set.of("true", "false", "null", "and", "or", "not", "eq", "ne", "lt", "le",
            "gt", "ge", "div", "mod", "empty", "size", "new", "var", "let", "const", "function", "return", "if", "else",
            "for", "while", "do", "break", "continue", "import", "pragma", "switch", "case", "default", "try", "catch",
            "finally", "throw", "yield", "instanceof", "NaN", "Infinity", "this");
    private static final JexlEngine ENGINE = buildEngine();

    private final String source;
    private final String where;
    private final JexlScript script;
    private final RowContext context;

    private final Set<String> read;

    private Expr(String source, String where, JexlScript script, RowContext context, Set<String> read) {
        this.source = source;
        this.where = where;
        this.script = script;
        this.context = context;
        this.read = read;
    }

    /** The sandboxed engine: no Java classes, no object creation, no method calls, no side effects. */
    static JexlEngine engine() {
        return ENGINE;
    }

    private static JexlEngine buildEngine() {
        return buildEngine(new JexlFeatures()
                .newInstance(false).methodCall(false).loops(false).lambda(false).sideEffect(false)
                .sideEffectGlobal(false).localVar(false).pragma(false).namespacePragma(false).importPragma(false)
                .annotation(false).structuredLiteral(false).arrayReferenceExpr(false).register(false)
                .thinArrow(false).fatArrow(false).script(false));
    }

    /** The engine with the given syntax features; package-private so tests can check the sandbox alone. */
    static JexlEngine buildEngine(JexlFeatures features) {
        // whitelist sandbox: nothing is reachable except our functions
        JexlSandbox sandbox = new JexlSandbox(false);
        sandbox.allow(ExprFunctions.class.getName());
        Map<String, Object> ns = new HashMap<>();
        ns.put(null, ExprFunctions.class);
        return new JexlBuilder()
                .permissions(new JexlPermissions.ClassPermissions(ExprFunctions.class))
                .sandbox(sandbox)
                .features(features)
                .namespaces(ns)
                .arithmetic(new Arithmetic(true, null, Integer.MIN_VALUE))
                .strict(true)
                .safe(false)
                .silent(false)
                .cache(256)
                .create();
    }

    /**
     * Compiles {@code text} against the columns of {@code d}. {@code where} names the expression in messages,
     * e.g. "derived variable 'lwage'".
     */
    /** Operators of JEXL that Reprise expressions do not use (maps, arrays, regex matches, scripts, lambdas). */
    private static final Set<String> DENIED = Set.of("{", "}", "[", "]", "~", "=~", "!~", "=^", "=$", "!^", "!$", ";",
            "->", "=>", "#", "@", "$");
    private static final int MAX_DEPTH = 64;

    static Expr compile(Dataset d, String text, String where) {
        if (text == null || text.isBlank()) {
            throw new UserError(where + ": the expression is empty. Write one, e.g. log(wage) or age >= 18.");
        }
        String shown = text.length() > 80 ? text.substring(0, 77) + "..." : text;
        String at = where + " ('" + shown.replace('\n', ' ') + "')";
        List<ExprText.Token> tokens = ExprText.tokenize(text, at);
        // `name` names any column, also one called like a keyword: it becomes a private alias JEXL cannot confuse
        Map<String, String> aliasOf = new HashMap<>();
        Map<String, String> realOf = new HashMap<>();
        for (int i = 0; i < tokens.size(); i++) {
            ExprText.Token t = tokens.get(i);
            if (t.kind() == ExprText.Kind.QUOTED) {
                String alias = aliasOf.get(t.text());
                if (alias == null) {
                    int k = aliasOf.size();
                    do {
                        alias = "__col" + k++;
                    } while (d.has(alias));
                    aliasOf.put(t.text(), alias);
                    realOf.put(alias, t.text());
                }
                tokens.set(i, new ExprText.Token(ExprText.Kind.IDENT, alias, t.pos()));
            } else if (t.kind() == ExprText.Kind.IDENT && RESERVED.contains(t.text()) && d.has(t.text())) {
                throw new UserError(at + ": '" + t.text() + "' is a word of the expression language (a keyword or"
                        + " operator), so it does not name the column '" + t.text() + "'. Write the column in"
                        + " backticks, `" + t.text() + "`, e.g. `" + t.text() + "` * 2 (docs/data.md).");
            }
        }
        int depth = 0;
        for (ExprText.Token t : tokens) {
            if (t.kind() == ExprText.Kind.OP && DENIED.contains(t.text())) {
                throw new UserError(at + ": '" + t.text() + "' is not part of Reprise expressions. Use arithmetic,"
                        + " comparisons, &&, ||, !, cond ? a : b and the functions listed in docs/data.md.");
            }
            depth += t.is("(") ? 1 : t.is(")") ? -1 : 0;
            if (depth > MAX_DEPTH) {
                throw new UserError(at + ": the expression nests parentheses more than " + MAX_DEPTH + " deep."
                        + " Simplify it, or split it into several derived variables.");
            }
        }
        for (int i = 0; i < tokens.size(); i++) {
            ExprText.Token t = tokens.get(i);
            boolean call = i + 1 < tokens.size() && tokens.get(i + 1).is("(");
            if (t.kind() == ExprText.Kind.IDENT && call && !FUNCTIONS.contains(t.text()) && !WORDS.contains(t.text())) {
                throw new UserError(at + ": unknown function '" + t.text() + "'."
                        + Names.suggest(t.text(), new java.util.TreeSet<>(FUNCTIONS)));
            }
            if (t.kind() == ExprText.Kind.IDENT && t.text().equals("null")) {
                throw new UserError(at + ": 'null' is not a value here. Test for a missing value with missing(x).");
            }
            if (t.is("=")) {
                throw new UserError(at + ": '=' assigns; to compare use '==', e.g. region == 'east'.");
            }
        }
        String jexl = ExprText.rewritePower(tokens, at);
        JexlScript script;
        try {
            script = ENGINE.createScript(jexl);
        } catch (StackOverflowError e) {
            throw new UserError(at + ": the expression is nested too deeply to read. Simplify it, or split it into"
                    + " several derived variables.");
        } catch (JexlException e) {
            throw new UserError(at + ": this is not a valid expression (" + detail(e) + "). Expressions use "
                    + "arithmetic, comparisons, &&, ||, !, cond ? a : b and the functions listed in docs/data.md.", e);
        }
        Set<String> vars = new LinkedHashSet<>();
        for (List<String> v : script.getVariables()) {
            vars.add(v.get(0));
        }
        Map<String, Column> cols = new HashMap<>();
        Set<String> read = new LinkedHashSet<>();
        for (String v : vars) {
            if (WORDS.contains(v) && !realOf.containsKey(v)) {
                continue;
            }
            String real = realOf.getOrDefault(v, v);
            if (!d.has(real)) {
                throw new UserError(at + ": there is no variable '" + real + "' in " + d.source() + "."
                        + Names.suggest(real, d.names()));
            }
            cols.put(v, d.column(real));
            read.add(real);
        }
        return new Expr(text, at, script, new RowContext(cols), Set.copyOf(read));
    }

    /** Names of the dataset variables the expression reads. */
    Set<String> variables() {
        return read;
    }

    /**
     * The value at {@code row}: Double (finite, or NaN = missing), Boolean, String, or null when a comparison or
     * truth test met a missing value. Infinite results (division by zero) are returned as NaN.
     */
    Object eval(int row) {
        context.row = row;
        Object v;
        try {
            v = script.execute(context);
        } catch (MissingValue m) {
            return null;
        } catch (TextComparison t) {
            throw textComparison(t, row);
        } catch (JexlException e) {
            if (causedByMissing(e)) {
                return null;
            }
            for (Throwable c = e; c != null; c = c.getCause()) {
                if (c instanceof TextComparison t) {
                    throw textComparison(t, row);
                }
            }
            throw new UserError(where + ": cannot be evaluated at data row " + (row + 1) + " (" + detail(e)
                    + "). Check the types: text values (categories) can only be compared, e.g. region == 'east'.", e);
        } catch (StackOverflowError e) {
            throw new UserError(where + ": the expression is nested too deeply to evaluate. Simplify it.");
        } catch (RuntimeException e) {
            throw new UserError(where + ": cannot be evaluated at data row " + (row + 1) + " ("
                    + e.getClass().getSimpleName() + "). Use arithmetic, comparisons and the functions listed in"
                    + " docs/data.md.", e);
        }
        if (v instanceof Number n) {
            double x = n.doubleValue();
            return Double.isInfinite(x) ? Double.NaN : x;
        }
        if (v == null || v instanceof Boolean || v instanceof String) {
            return v;
        }
        if (v instanceof Character c) {
            return c.toString();
        }
        throw new UserError(where + ": gives a value of an unsupported kind (" + v.getClass().getSimpleName()
                + "). An expression must give a number, a true/false condition or a text value.");
    }

    String source() {
        return source;
    }

    String where() {
        return where;
    }

    private static boolean causedByMissing(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MissingValue) {
                return true;
            }
        }
        return false;
    }

    private static String detail(JexlException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root != e && root.getMessage() != null ? root.getMessage() : e.getMessage();
        if (m == null) {
            return e.getClass().getSimpleName();
        }
        int nl = m.indexOf('\n');
        String line = (nl > 0 ? m.substring(0, nl) : m).trim();
        // JEXL prefixes the Java location ("org.reprise.data.Expr.compile:106@1:3 parsing error in '+'")
        line = line.replaceFirst("^\\S+:\\d+@\\d+:\\d+\\s*", "");
        return line.length() > 200 ? line.substring(0, 197) + "..." : line;
    }

    private UserError textComparison(TextComparison t, int row) {
        return new UserError(where + ": at data row " + (row + 1) + " it compares the text '" + t.text
                + "' with the number " + t.number + "; an order comparison (<, <=, >, >=) needs two numbers."
                + " A text (category) variable can only be tested for equality with a quoted label, e.g."
                + " region == 'east', or converted first (derive a numeric variable).");
    }

    /** Thrown inside evaluation when an order comparison meets a text that is not a number and a number. */
    static final class TextComparison extends RuntimeException {
        final String text;
        final String number;

        TextComparison(Object text, Object number) {
            super("text compared with a number", null, false, false);
            this.text = String.valueOf(text);
            Object n = number;
            this.number = n instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15
                    ? Long.toString(d.longValue()) : String.valueOf(n);
        }

        static void check(Object a, Object b) {
            if (a instanceof String s && b instanceof Number && !numeric(s)) {
                throw new TextComparison(s, b);
            }
            if (b instanceof String s && a instanceof Number && !numeric(s)) {
                throw new TextComparison(s, a);
            }
        }

        private static boolean numeric(String s) {
            return !Double.isNaN(NumberText.parseOrNaN(s.strip()));
        }
    }

    /** Thrown inside evaluation when a comparison or truth test meets a missing value. */
    static final class MissingValue extends RuntimeException {
        static final MissingValue INSTANCE = new MissingValue();

        private MissingValue() {
            super("missing value", null, false, false);
        }
    }

    /** The per-row variable lookup, reused for every row. */
    private static final class RowContext implements JexlContext {
        final Map<String, Column> columns;
        int row;

        RowContext(Map<String, Column> columns) {
            this.columns = columns;
        }

        @Override
        public Object get(String name) {
            Column c = columns.get(name);
            if (c instanceof NumericColumn nc) {
                return nc.values()[row];
            }
            if (c instanceof CategoricalColumn cc) {
                return cc.label(row);
            }
            return null;
        }

        @Override
        public void set(String name, Object value) {
            throw new UnsupportedOperationException("expressions cannot assign");
        }

        @Override
        public boolean has(String name) {
            return columns.containsKey(name);
        }
    }

    /** JEXL arithmetic with double division and missing-aware comparisons and truth tests. */
    static final class Arithmetic extends JexlArithmetic {
        Arithmetic(boolean strict, MathContext context, int scale) {
            super(strict, context, scale);
        }

        @Override
        protected JexlArithmetic createWithOptions(boolean strict, MathContext context, int scale) {
            return new Arithmetic(strict, context, scale);
        }

        private static boolean isMissing(Object o) {
            return ExprFunctions.missing(o);
        }

        private static void check(Object a, Object b) {
            if (isMissing(a) || isMissing(b)) {
                throw MissingValue.INSTANCE;
            }
        }

        @Override
        public Object divide(Object left, Object right) {
            if (left instanceof Number || right instanceof Number) {
                return toDouble(left) / toDouble(right);
            }
            return super.divide(left, right);
        }

        @Override
        public boolean equals(Object left, Object right) {
            check(left, right);
            if (left instanceof Number a && right instanceof Number b) {
                return a.doubleValue() == b.doubleValue();
            }
            return super.equals(left, right);
        }

        @Override
        public boolean lessThan(Object left, Object right) {
            check(left, right);
            TextComparison.check(left, right);
            return super.lessThan(left, right);
        }

        @Override
        public boolean lessThanOrEqual(Object left, Object right) {
            check(left, right);
            TextComparison.check(left, right);
            return super.lessThanOrEqual(left, right);
        }

        @Override
        public boolean greaterThan(Object left, Object right) {
            check(left, right);
            TextComparison.check(left, right);
            return super.greaterThan(left, right);
        }

        @Override
        public boolean greaterThanOrEqual(Object left, Object right) {
            check(left, right);
            TextComparison.check(left, right);
            return super.greaterThanOrEqual(left, right);
        }

        @Override
        public boolean toBoolean(Object v) {
            if (isMissing(v)) {
                throw MissingValue.INSTANCE;
            }
            return super.toBoolean(v);
        }

        @Override
        public boolean testPredicate(Object v) {
            return toBoolean(v);
        }

        @Override
        public Object not(Object v) {
            return !toBoolean(v);
        }
    }

    /** For tests: the variables a raw JEXL string refers to. */
    static List<String> rawVariables(String jexl) {
        List<String> out = new ArrayList<>();
        for (List<String> v : ENGINE.createScript(jexl).getVariables()) {
            out.add(String.join(".", v));
        }
        return out;
    }
}
