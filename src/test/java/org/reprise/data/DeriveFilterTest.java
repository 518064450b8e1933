package org.reprise.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reprise.data.TestData.cat;
import static org.reprise.data.TestData.num;

import java.util.List;
import org.apache.commons.jexl3.JexlEngine;
import org.apache.commons.jexl3.JexlException;
import org.apache.commons.jexl3.JexlFeatures;
import org.apache.commons.jexl3.MapContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reprise.UserError;

/** Derived variables and filters; expected values computed by hand (tolerance 1e-12 relative, or exact). */
class DeriveFilterTest {
    static final double NA = Double.NaN;

    static Dataset data() {
        return TestData.of(
                num("x", 1, 2, NA, 4, -1),
                num("y", 10, 0, 5, 2, 3),
                cat("region", "east", "west", "east", null, "north"));
    }

    static double[] derive(String expr) {
        Dataset d = Derive.apply(data(), "z", expr);
        return ((NumericColumn) d.column("z")).values();
    }

    @Test
    void arithmeticAndPowers() {
        assertArrayEquals(new double[] {1, 4, NA, 16, 1}, derive("x^2"), 0);
        assertArrayEquals(new double[] {2, 5, NA, 17, 2}, derive("x^2 + 1"), 0); // ^ binds tighter than +
        assertArrayEquals(new double[] {-1, -4, NA, -16, -1}, derive("-x^2"), 0); // -(x^2), as Stata and R
        assertArrayEquals(new double[] {2, 4, NA, 8, -2}, derive("2*x^3 / x^2"), 1e-15);
        assertArrayEquals(new double[] {1, 0.5, NA, 0.25, -1}, derive("x^-1"), 1e-15);
        assertArrayEquals(new double[] {1, 8, NA, 64, -1}, derive("pow(x, 3)"), 0);
        assertArrayEquals(new double[] {9, 16, NA, 36, 1}, derive("(x + 2)^2"), 0);
        assertArrayEquals(new double[] {Math.exp(2), Math.exp(8), NA, Math.exp(32), Math.exp(2)},
                derive("exp(2 * x^2)"), 1e-9);
        assertArrayEquals(new double[] {1, 2, NA, 4, -1}, derive("sqrt(x^2) * x / abs(x)"), 1e-15);
        assertArrayEquals(new double[] {0.1, Double.NaN, NA, 2, -1.0 / 3}, derive("x / y"), 1e-15); // x/0 missing
        assertArrayEquals(new double[] {0.5, 1, NA, 2, -0.5}, derive("1/2 * x"), 0); // not integer division
    }

    /** `!missing(a) && ...` conditions: the rows read off the data by hand, and the interpreter's ("&& true"). */
    @Test
    void notMissingConjunctions() {
        Dataset d = data(); // x missing in row 3, region in row 4
        assertArrayEquals(new int[] {0, 1, 3, 4}, Filter.keep(d, "!missing(x)", "test"));
        assertArrayEquals(new int[] {0, 1, 4}, Filter.keep(d, "!missing(x) && !missing(region)", "test"));
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, Filter.keep(d, " !missing( y )", "test"));
        for (String e : List.of("!missing(x)", "!missing(x) && !missing(region)", "!missing(region)&&!missing(y)")) {
            assertArrayEquals(Filter.keep(d, e + " && true", "test"), Filter.keep(d, e, "test"), e);
        }
        assertThrows(UserError.class, () -> Filter.keep(d, "!missing(z)", "test"));
    }

    @Test
    void chainedPowerIsRejected() {
        UserError e = assertThrows(UserError.class, () -> derive("x^2^3"));
        assertTrue(e.getMessage().contains("(a^b)^c"), e.getMessage());
        assertArrayEquals(new double[] {1, 64, NA, 4096, 1}, derive("(x^2)^3"), 0);
    }

    @Test
    void functions() {
        assertArrayEquals(new double[] {0, Math.log(2), NA, Math.log(4), NA}, derive("log(x)"), 1e-15);
        assertArrayEquals(new double[] {1, 0, NA, 2, -1}, derive("min(x, y)"), 0);
        assertArrayEquals(new double[] {10, 2, NA, 4, 3}, derive("max(x, y)"), 0);
        assertArrayEquals(new double[] {0, Math.log10(2), NA, Math.log10(4), NA}, derive("log10(x)"), 1e-15);
        assertArrayEquals(new double[] {3, -3, 3}, new double[] {ExprFunctions.round(2.5),
                ExprFunctions.round(-2.5), ExprFunctions.round(3.49)}, 0);
    }

    @Test
    void comparisonsConditionsAndMissing() {
        assertArrayEquals(new double[] {0, 1, NA, 1, 0}, derive("x > 1"), 0);
        assertArrayEquals(new double[] {0, 1, NA, 1, 0}, derive("x > 1 && y < 100"), 0);
        assertArrayEquals(new double[] {0, 0, 1, 0, 0}, derive("missing(x)"), 0);
        assertArrayEquals(new double[] {1, 2, 0, 4, -1}, derive("missing(x) ? 0 : x"), 0);
        assertArrayEquals(new double[] {1, 1, 1, 1, 0}, derive("missing(x) || x > 0"), 0);
        assertArrayEquals(new double[] {1, 0, NA, 0, 1}, derive("!(x > 1)"), 0);
        assertArrayEquals(new double[] {1, 0, NA, 0, 1}, derive("not (x > 1)"), 0);
        assertArrayEquals(new double[] {10, 2, NA, 4, 3}, derive("x > y ? x : y"), 0);
        assertArrayEquals(new double[] {1, 0, 1, NA, 0}, derive("region == 'east'"), 0);
        assertArrayEquals(new double[] {0, 1, 0, NA, 1}, derive("region != 'east'"), 0);
        assertArrayEquals(new double[] {0, 0, 0, 1, 0}, derive("missing(region)"), 0);
    }

    @Test
    void textResultIsCategorical() {
        Dataset d = Derive.apply(data(), "g", "x >= 2 ? 'high' : 'low'");
        CategoricalColumn g = (CategoricalColumn) d.column("g");
        assertEquals(List.of("high", "low"), g.levels());
        assertArrayEquals(new int[] {1, 0, -1, 0, 1}, g.codes());
        assertThrows(UserError.class, () -> Derive.apply(data(), "g", "x >= 2 ? 'high' : 0"));
    }

    @Test
    void filterKeepsTrueRowsAndDropsMissing() {
        Dataset f = Filter.apply(data(), "x >= 2 || region == 'north'");
        assertEquals(3, f.rows());
        assertArrayEquals(new double[] {2, 4, -1}, ((NumericColumn) f.column("x")).values(), 0);
        Dataset e = Filter.apply(data(), "region == 'east' and y > 1");
        assertArrayEquals(new double[] {10, 5}, ((NumericColumn) e.column("y")).values(), 0);
        assertEquals(List.of("east", "north", "west"), ((CategoricalColumn) e.column("region")).levels());
    }

    @Test
    void unknownVariableSuggestsNearestColumn() {
        UserError e = assertThrows(UserError.class, () -> Filter.apply(data(), "regoin == 'east'"));
        assertTrue(e.getMessage().contains("'regoin'") && e.getMessage().contains("'region'"), e.getMessage());
        UserError f = assertThrows(UserError.class, () -> Derive.apply(data(), "z", "ln(xx)"));
        assertTrue(f.getMessage().contains("'xx'") && f.getMessage().contains("'x'"), f.getMessage());
        UserError g = assertThrows(UserError.class, () -> Derive.apply(data(), "z", "logg(x)"));
        assertTrue(g.getMessage().contains("unknown function 'logg'") && g.getMessage().contains("'log'"),
                g.getMessage());
    }

    @Test
    void userMistakesAreUserErrors() {
        assertThrows(UserError.class, () -> Filter.apply(data(), "region = 'east'"));
        assertThrows(UserError.class, () -> Filter.apply(data(), "x == null"));
        assertThrows(UserError.class, () -> Filter.apply(data(), "x > "));
        assertThrows(UserError.class, () -> Filter.apply(data(), "region"));
        assertThrows(UserError.class, () -> Derive.apply(data(), "z", "log(region)"));
        assertThrows(UserError.class, () -> Derive.apply(data(), "x", "y + 1"));
        assertThrows(UserError.class, () -> Derive.apply(data(), "1z", "y + 1"));
        assertThrows(UserError.class, () -> Derive.apply(data(), "z", "'unclosed"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "''.class.forName('java.lang.Runtime')",
        "''.getClass().forName('java.lang.Runtime').getRuntime().exec('touch /tmp/pwned')",
        "new('java.io.File', '/tmp/pwned')",
        "new java.io.File('/tmp')",
        "x.class.name",
        "region.getClass()",
        "java.lang.System.exit(1)",
        "x = 3",
        "var a = 1; a",
        "function(t) { t }",
        "#pragma jexl.namespace.rt java.lang.Runtime\n rt:getRuntime()",
        "math:abs(x)",
        "for (i : [1,2]) { i }",
        "[1, 2]",
        "{'a': 1}",
    })
    void sandboxEscapesAreUserErrors(String expr) {
        assertThrows(UserError.class, () -> Filter.apply(data(), expr));
        assertThrows(UserError.class, () -> Derive.apply(data(), "z", expr));
    }

    /** The sandbox and permissions alone (all JEXL syntax features on) refuse Java access. */
    @ParameterizedTest
    @ValueSource(strings = {
        "''.class.forName('java.lang.Runtime')",
        "''.getClass().forName('java.lang.Runtime')",
        "new('java.io.File', '/tmp/pwned')",
        "s.class",
        "java.lang.Runtime.getRuntime()",
        "s.getBytes()",
    })
    void sandboxWithoutSyntaxRestrictionsRefuses(String expr) {
        MapContext ctx = new MapContext();
        ctx.set("s", "abc");
        JexlEngine open = Expr.buildEngine(JexlFeatures.createDefault());
        Object r = null;
        try {
            r = open.createScript(expr).execute(ctx);
        } catch (JexlException e) {
            return; // refused
        }
        assertTrue(r == null, "engine returned " + r + " for " + expr);
    }

    /** The engine itself (without our lexical pre-checks) refuses Java access. */
    @ParameterizedTest
    @ValueSource(strings = {
        "''.class.forName('java.lang.Runtime')",
        "''.getClass()",
        "new('java.io.File', '/tmp/pwned')",
        "s.class",
        "s.length()",
        "java.lang.System.exit(1)",
        "x = 3",
    })
    void rawEngineIsSandboxed(String expr) {
        MapContext ctx = new MapContext();
        ctx.set("s", "abc");
        Object r;
        try {
            r = Expr.engine().createScript(expr).execute(ctx);
        } catch (JexlException e) {
            return; // refused
        }
        // a property the sandbox hides must not yield a Class or any object beyond plain values
        assertTrue(r == null, "engine returned " + r + " for " + expr);
    }
}
