package org.reprise.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reprise.data.TestData.cat;
import static org.reprise.data.TestData.num;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reprise.UserError;

/** Model frames: names follow Stata's factor-variable display; values checked by hand (exact). */
class ModelFrameTest {
    static final double NA = Double.NaN;

    static Dataset data() {
        return TestData.of(
                num("y", 1, 2, 3, 4, 5, 6),
                num("age", 20, 30, 40, 50, 60, 70),
                num("race", 1, 2, 3, 1, 2, 3),
                cat("region", "east", "west", "north", "east", "west", "east"),
                num("w", 1, 2, 1, 2, 1, 2),
                num("firm", 30, 10, 30, 20, 10, 30));
    }

    static ModelFrame frame(String... terms) {
        return ModelFrame.build(data(), "y", List.of(terms), true, null, null, null, null);
    }

    static double[] col(ModelFrame f, String name) {
        List<String> names = List.of(f.names());
        assertTrue(names.contains(name), "no column " + name + " in " + names);
        return f.x()[names.indexOf(name)];
    }

    /** buildSharing: the same frame as build; a continuous column is the dataset's own array only if no row is out. */
    @Test
    void sharingFrameEqualsCopyingFrame() {
        Dataset d = TestData.of(num("y", 1, 0, 1, 0), num("a", 0.5, 1.5, -2, 3), num("b", 1, Double.NaN, 2, 2));
        ModelFrame all = ModelFrame.buildSharing(d, "y", List.of("a", "c.a#c.a"), true, null, List.of(), List.of(),
                null);
        ModelFrame copy = ModelFrame.build(d, "y", List.of("a", "c.a#c.a"), true, null, List.of(), List.of(), null);
        double[] a = ((NumericColumn) d.column("a")).values();
        assertSame(a, all.x()[0]);
        assertNotSame(a, copy.x()[0]);
        for (int j = 0; j < 3; j++) {
            assertArrayEquals(copy.x()[j], all.x()[j], 0);
        }
        assertArrayEquals(new double[] {0.25, 2.25, 4, 9}, all.x()[1], 0);
        // b is missing at index 1: the frame keeps rows 0, 2 and 3, copied
        ModelFrame some = ModelFrame.buildSharing(d, "y", List.of("a", "b"), false, null, List.of(), List.of(),
                null);
        assertArrayEquals(new double[] {0.5, -2, 3}, some.x()[0], 0);
        assertArrayEquals(new double[] {1, 2, 2}, some.x()[1], 0);
    }

    @Test
    void continuousSquareAndFactor() {
        ModelFrame f = frame("age", "c.age#c.age", "i.race");
        assertArrayEquals(new String[] {"age", "c.age#c.age", "2.race", "3.race", "_cons"}, f.names());
        assertArrayEquals(new double[] {20, 30, 40, 50, 60, 70}, col(f, "age"), 0);
        assertArrayEquals(new double[] {400, 900, 1600, 2500, 3600, 4900}, col(f, "c.age#c.age"), 0);
        assertArrayEquals(new double[] {0, 1, 0, 0, 1, 0}, col(f, "2.race"), 0);
        assertArrayEquals(new double[] {0, 0, 1, 0, 0, 1}, col(f, "3.race"), 0);
        assertArrayEquals(new double[] {1, 1, 1, 1, 1, 1}, col(f, "_cons"), 0);
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, f.y(), 0);
        assertEquals(0, f.nMissing());
        assertEquals("", f.note());
        assertNull(f.weights());
    }

    @Test
    void baseLevels() {
        assertArrayEquals(new String[] {"1.race", "2.race", "_cons"}, frame("ib3.race").names());
        assertArrayEquals(new String[] {"1.race", "2.race", "_cons"}, frame("ib(last).race").names());
        assertArrayEquals(new String[] {"2.race", "3.race", "_cons"}, frame("ib(first).race").names());
        assertArrayEquals(new String[] {"1.race", "2.race", "3.race", "_cons"}, frame("ibn.race").names());
        assertArrayEquals(new String[] {"2.race", "_cons"}, frame("2.race").names());
        // region: east 3 times, west 2, north 1 -> freq base is east; levels sorted east, north, west
        assertArrayEquals(new String[] {"north.region", "west.region", "_cons"}, frame("region").names());
        assertArrayEquals(new String[] {"east.region", "west.region", "_cons"}, frame("ib(north).region").names());
        assertArrayEquals(new String[] {"north.region", "west.region", "_cons"}, frame("ib(freq).region").names());
        assertArrayEquals(new double[] {0, 0, 1, 0, 0, 0}, col(frame("i.region"), "north.region"), 0);
        assertThrows(UserError.class, () -> frame("ib7.race"));
        assertThrows(UserError.class, () -> frame("5.race"));
    }

    @Test
    void interactions() {
        ModelFrame alone = frame("i.race#c.age");
        assertArrayEquals(new String[] {"1.race#c.age", "2.race#c.age", "3.race#c.age", "_cons"}, alone.names());
        assertArrayEquals(new double[] {20, 0, 0, 50, 0, 0}, col(alone, "1.race#c.age"), 0);
        ModelFrame full = frame("i.race##c.age");
        assertArrayEquals(new String[] {"2.race", "3.race", "age", "2.race#c.age", "3.race#c.age", "_cons"},
                full.names());
        assertArrayEquals(new double[] {0, 30, 0, 0, 60, 0}, col(full, "2.race#c.age"), 0);
        ModelFrame cont = frame("age#w");
        assertArrayEquals(new String[] {"c.age#c.w", "_cons"}, cont.names());
        assertArrayEquals(new double[] {20, 60, 40, 100, 60, 140}, col(cont, "c.age#c.w"), 0);
        ModelFrame two = frame("i.race##i.region");
        assertArrayEquals(new String[] {"2.race", "3.race", "north.region", "west.region", "2.race#north.region",
            "2.race#west.region", "3.race#north.region", "3.race#west.region", "_cons"}, two.names());
        assertArrayEquals(new double[] {0, 1, 0, 0, 1, 0}, col(two, "2.race#west.region"), 0);
        ModelFrame dup = frame("age", "c.age", "i.race i.race");
        assertArrayEquals(new String[] {"age", "2.race", "3.race", "_cons"}, dup.names());
        assertThrows(UserError.class, () -> frame("i.race#i.race"));
    }

    @Test
    void listwiseDeletionWeightsClustersAbsorb() {
        Dataset d = TestData.of(
                num("y", 1, NA, 3, 4, 5, 6, 7),
                num("x", 1, 2, NA, 4, 5, 6, 7),
                num("w", 1, 1, 1, NA, 2, 3, 4),
                num("firm", 30, 10, 30, 20, NA, 30, 10),
                cat("state", "b", "a", "a", "b", "b", null, "c"));
        ModelFrame f = ModelFrame.build(d, "y", List.of("x"), false, "w", List.of("firm"), List.of("state"), null);
        assertArrayEquals(new int[] {0, 6}, f.rows());
        assertEquals(5, f.nMissing());
        assertEquals("5 observations were dropped because of missing values (y: 1, x: 1, w: 1, firm: 1, state: 1)",
                f.note());
        assertArrayEquals(new double[] {1, 7}, f.y(), 0);
        assertArrayEquals(new double[] {1, 4}, f.weights(), 0);
        assertArrayEquals(new int[] {1, 0}, f.cluster().get(0)); // 30 -> 1, 10 -> 0 (dense over kept rows)
        assertArrayEquals(new int[] {0, 1}, f.absorb().get(0)); // b -> 0, c -> 1 (a not kept)
        assertArrayEquals(new String[] {"x"}, f.names());
        assertEquals(2, ModelFrame.groups(f.absorb().get(0)));
    }

    @Test
    void ifConditionAndEmptySample() {
        ModelFrame f = ModelFrame.build(data(), "y", List.of("age"), true, null, List.of("firm"), null,
                "region != 'west'");
        assertArrayEquals(new int[] {0, 2, 3, 5}, f.rows());
        assertArrayEquals(new int[] {1, 1, 0, 1}, f.cluster().get(0));
        assertEquals(0, f.nMissing());
        UserError e = assertThrows(UserError.class, () -> ModelFrame.build(data(), "y", List.of("age"), true, null,
                null, null, "age > 100"));
        assertTrue(e.getMessage().contains("no observations"), e.getMessage());
    }

    @Test
    void unknownNamesAndBadTerms() {
        UserError t = assertThrows(UserError.class, () -> frame("i.rac"));
        assertTrue(t.getMessage().contains("'rac'") && t.getMessage().contains("'race'"), t.getMessage());
        UserError o = assertThrows(UserError.class, () -> ModelFrame.build(data(), "yy", List.of("age"), true, null,
                null, null, null));
        assertTrue(o.getMessage().contains("'y'"), o.getMessage());
        assertThrows(UserError.class, () -> ModelFrame.build(data(), "y", List.of("age"), true, null,
                List.of("frim"), null, null));
        assertThrows(UserError.class, () -> ModelFrame.build(data(), "region", List.of("age"), true, null,
                null, null, null));
        assertThrows(UserError.class, () -> frame("L.age"));
        assertThrows(UserError.class, () -> frame("c.region"));
        assertThrows(UserError.class, () -> frame("age+race"));
        Dataset frac = data().with(num("share", 0.5, 1, 1, 2, 0, 1));
        assertThrows(UserError.class, () -> ModelFrame.build(frac, "y", List.of("i.share"), true, null, null, null,
                null));
    }

    @Test
    void constantVariableIsNotAnError() {
        Dataset d = data().with(num("k", 3, 3, 3, 3, 3, 3));
        assertArrayEquals(new String[] {"k", "_cons"}, ModelFrame.build(d, "y", List.of("k"), true, null, null,
                null, null).names());
    }

    /**
     * Stata manual [XT] xtreg, Example 2 (nlswork, fe): "Number of obs = 28,091, Number of groups = 4,697" for
     * ln_wage on grade age c.age#c.age ttl_exp c.ttl_exp#c.ttl_exp tenure c.tenure#c.tenure 2.race not_smsa south.
     */
    @Test
    void nlsworkSampleSizeMatchesStataManual() throws Exception {
        Path p = Path.of(getClass().getResource("/reference/nlswork/nlswork.csv").toURI());
        Dataset d = CsvReader.read(p, CsvOptions.defaults());
        assertEquals(28534, d.rows());
        ModelFrame f = ModelFrame.build(d, "ln_wage", List.of("grade age c.age#c.age ttl_exp c.ttl_exp#c.ttl_exp "
                + "tenure c.tenure#c.tenure 2.race not_smsa south"), true, null, List.of(), List.of("idcode"), null);
        assertEquals(28091, f.rows().length);
        assertEquals(28534 - 28091, f.nMissing());
        assertEquals(4697, ModelFrame.groups(f.absorb().get(0)));
        assertArrayEquals(new String[] {"grade", "age", "c.age#c.age", "ttl_exp", "c.ttl_exp#c.ttl_exp", "tenure",
            "c.tenure#c.tenure", "2.race", "not_smsa", "south", "_cons"}, f.names());
    }
}
