package org.reprise.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import org.reprise.data.CategoricalColumn;
import org.reprise.data.Column;
import org.reprise.data.Dataset;
import org.reprise.data.Derive;
import org.reprise.data.Filter;
import org.reprise.data.ModelFrame;
import org.reprise.data.NumericColumn;

/**
 * No expression reaches Java: expressions mixing escape attempts (object creation, getClass/forName, Runtime.exec,
 * System.setProperty, file creation, assignments, pragmas, lambdas, template strings) with ordinary syntax either
 * throw UserError or evaluate without side effects: no file appears in a marker folder, no system property is set,
 * the dataset is unchanged, and no derived value carries Java internals (class names, the user's home folder).
 */
@AddLifecycleHook(FuzzBudget.class)
class ExprSandboxFuzzTest {
    static final String MARK = "reprise.fuzz.pwned";
    static final Path DIR = markerDir();
    static final String D = DIR.toString().replace("\\", "/");

    static final List<String> ESCAPES = List.of(
            "new('java.io.File', '" + D + "/a').createNewFile()",
            "new java.io.File('" + D + "/b').createNewFile()",
            "''.getClass().forName('java.lang.Runtime').getRuntime().exec('touch " + D + "/c')",
            "''.class.forName('java.lang.Runtime').getRuntime().exec(['touch', '" + D + "/d'])",
            "java.lang.Runtime.getRuntime().exec('touch " + D + "/e')",
            "new('java.lang.ProcessBuilder', ['touch', '" + D + "/f']).start()",
            "java.nio.file.Files.createFile(java.nio.file.Path.of('" + D + "/g'))",
            "new('java.io.FileOutputStream', '" + D + "/h')",
            "java.lang.System.setProperty('" + MARK + "', '1')",
            "System.setProperty('" + MARK + "', '2')",
            "#pragma jexl.import java.lang\nSystem.setProperty('" + MARK + "', '3')",
            "region.getClass().forName('java.lang.System').setProperty('" + MARK + "', '4')",
            "x.class.forName('java.lang.System').getProperty('user.home')",
            "java.lang.System.getProperty('user.home')",
            "`${java.lang.System.getProperty('user.home')}`",
            "region.getClass()", "region.class", "region.class.name", "x.class.name", "log.getClass()", "log.class",
            "pow.getDeclaringClass()", "region.getClass().getClassLoader()", "region['class']", "region.bytes",
            "region.length()", "region.toString()", "region.concat('x')", "''.toUpperCase()", "x.toString",
            "{'a': 1}.getClass()", "[1, 2].getClass()", "size(java.lang.System.getProperties())",
            "x = 5", "region = 'hacked'", "y += 1", "var a = 1", "x++", "--x",
            "function() { 1 }", "() -> 1", "x -> x", "@silent x", "@synchronized(x) 1",
            "java.lang.Math.abs(-1)", "Math.abs(-1)", "this", "__proto__", "$jexl", "empty(region)", "size(region)",
            "ExprFunctions.log(1)", "org.reprise.data.ExprFunctions.log(1)");
    static final List<String> JOINS = List.of(" + ", " && ", " || ", "; ", " ? 1 : ", ", ", " ", " == ", "\n");
    static final List<String> WRAPS = List.of("%s", "missing(%s)", "abs(%s)", "max(1, %s)", "(%s) ? 1 : 0",
            "%s == 'x'", "log(%s)", "!(%s)", "age > 30 && %s", "missing(age) || %s", "(%s)");

    private static final Dataset DATA = FuzzData.dataset();
    private static final String HOME = System.getProperty("user.home");

    @Provide
    Arbitrary<String> attempts() {
        Arbitrary<String> one = Combinators.combine(Arbitraries.of(WRAPS), Arbitraries.of(ESCAPES))
                .as((w, e) -> String.format(w, e));
        return Combinators.combine(one.list().ofMinSize(1).ofMaxSize(3), Arbitraries.of(JOINS))
                .as((parts, join) -> String.join(join, parts));
    }

    @Property(tries = 2400, seed = "20260401")
    void escapeAttemptsHaveNoEffect(@ForAll("attempts") String expr) {
        OnlyUserError.check("Derive.apply", expr, () -> noLeak(expr, Derive.apply(DATA, "z", expr)));
        OnlyUserError.check("Filter.apply", expr, () -> Filter.apply(DATA, expr));
        OnlyUserError.check("ModelFrame if", expr,
                () -> ModelFrame.build(DATA, "y", List.of("x"), true, null, null, null, expr));
        noSideEffects(expr);
    }

    /** Each escape fragment on its own, in every wrapping: every one is tried, not only a sample. */
    @Property(tries = 1, seed = "20260402")
    void everyFragmentAlone() {
        for (String e : ESCAPES) {
            for (String w : WRAPS) {
                String expr = String.format(w, e);
                OnlyUserError.check("Derive.apply", expr, () -> noLeak(expr, Derive.apply(DATA, "z", expr)));
                OnlyUserError.check("Filter.apply", expr, () -> Filter.apply(DATA, expr));
                noSideEffects(expr);
            }
        }
    }

    @AfterContainer
    static void nothingAppearedLater() throws InterruptedException {
        Thread.sleep(500); // a process started by an escaped exec would create its file asynchronously
        noSideEffects("(any expression of this class)");
    }

    /** A derived text column must not carry Java class names or the home folder. */
    private static void noLeak(String expr, Dataset out) {
        Column z = out.column("z");
        if (z instanceof CategoricalColumn c) {
            for (String level : c.levels()) {
                assertFalse(level.contains("java.") || level.startsWith("class ") || level.contains("$")
                        || (HOME != null && HOME.length() > 1 && level.contains(HOME)),
                        "expression " + OnlyUserError.show(expr) + " leaked '" + level + "'");
            }
        }
    }

    static void noSideEffects(String expr) {
        try (Stream<Path> s = Files.list(DIR)) {
            List<Path> created = s.toList();
            assertEquals(List.of(), created, "expression " + OnlyUserError.show(expr) + " created files");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertNull(System.getProperty(MARK), "expression " + OnlyUserError.show(expr) + " set a system property");
        Dataset fresh = FuzzData.dataset();
        assertEquals(fresh.names(), DATA.names());
        List<String> changed = new ArrayList<>();
        for (String n : fresh.names()) {
            Column a = fresh.column(n);
            Column b = DATA.column(n);
            if (a instanceof NumericColumn na) {
                assertArrayEquals(na.values(), ((NumericColumn) b).values(), 0, "column " + n + " changed by "
                        + OnlyUserError.show(expr));
            } else if (a instanceof CategoricalColumn ca && (!java.util.Arrays.equals(ca.codes(),
                    ((CategoricalColumn) b).codes()) || !ca.levels().equals(((CategoricalColumn) b).levels()))) {
                changed.add(n);
            }
        }
        assertEquals(List.of(), changed, "columns changed by " + OnlyUserError.show(expr));
    }

    private static Path markerDir() {
        try {
            Path dir = Files.createTempDirectory("reprise-sandbox");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
