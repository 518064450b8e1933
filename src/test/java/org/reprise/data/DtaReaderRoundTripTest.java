package org.reprise.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.reprise.data.DtaTestWriter.LabelSet;
import org.reprise.data.DtaTestWriter.Type;
import org.reprise.data.DtaTestWriter.Var;

/**
 * Every release (113, 114, 115, 117, 118, 119) in both byte orders: write a table with {@link DtaTestWriter}
 * (built from Stata's format description), read it back, and compare with the literal values of the table.
 * Expected numbers are the table's own literals (floats as their float value); comparisons are exact except the
 * largest float/double, which are checked against the limits printed in Stata's help dta (12 significant digits).
 */
class DtaReaderRoundTripTest {
    @TempDir
    Path dir;

    static Stream<Arguments> formats() {
        List<Arguments> out = new ArrayList<>();
        for (int release : new int[] {113, 114, 115, 117, 118, 119}) {
            out.add(Arguments.of(release, ByteOrder.LITTLE_ENDIAN));
            out.add(Arguments.of(release, ByteOrder.BIG_ENDIAN));
        }
        return out.stream();
    }

    private static final double NAN = Double.NaN;
    private static final float FLOAT_MAX = Float.intBitsToFloat(0x7effffff);
    private static final double DOUBLE_MAX = Double.longBitsToDouble(0x7fdfffffffffffffL);

    @ParameterizedTest(name = "release {0} {1}")
    @MethodSource("formats")
    void roundTrip(int release, ByteOrder order) throws Exception {
        boolean utf8 = release >= 118;
        boolean strl = release >= 117;
        String town = utf8 ? "北京" : "Zürich";
        String north = utf8 ? "北方" : "Nord-Öst";
        String longText = "x".repeat(2500) + (utf8 ? "终" : "é");

        List<Var> vars = new ArrayList<>();
        vars.add(Var.num("b", Type.BYTE, -127, 0, 100, '.', 'a', 'z', 5).label("a byte"));
        vars.add(Var.num("i", Type.INT, -32767, 1234, 32740, 'b', '.', 'z', -1));
        vars.add(Var.num("l", Type.LONG, -2147483647, 2147483620, 0, 'c', '.', 'z', 42));
        vars.add(Var.num("f", Type.FLOAT, 1.5f, FLOAT_MAX, -0.1f, 'y', '.', 'z', 3.25f).label(utf8 ? "收入 (元)" : "Income (€)"));
        vars.add(Var.num("d", Type.DOUBLE, Math.PI, DOUBLE_MAX, -1e-300, 'x', '.', 'z', -DOUBLE_MAX));
        vars.add(new Var("s", Type.STR, 12, "", "", new Object[] {town, "", "a b", "café", null, town, "x"}));
        if (strl) {
            vars.add(new Var("L", Type.STRL, 0, "a long string", "",
                    new Object[] {longText, "", "short", longText, town, null, "short"}));
        }
        vars.add(Var.num("g", Type.BYTE, 1, 2, 1, '.', 3, 'a', 2).labelSet("yesno"));
        vars.add(Var.num("r", Type.INT, 20, 10, 20, 10, 20, 10, '.').labelSet("region").label("region"));
        List<LabelSet> sets = List.of(
                new LabelSet("yesno", DtaTestWriter.labels(2, "No", 1, "Yes", 2147483622, "refused")),
                new LabelSet("region", DtaTestWriter.labels(10, north, 20, "South")));

        Path file = DtaTestWriter.write(dir.resolve("t" + release + ".dta"), release, order,
                utf8 ? "数据" : "Daten ä", vars, sets);
        DtaFile dta = DtaReader.readFile(file);
        Dataset ds = dta.data();

        assertEquals(release, dta.release());
        assertEquals(utf8 ? "数据" : "Daten ä", dta.datasetLabel());
        assertEquals(7, ds.rows());
        List<String> names = new ArrayList<>(List.of("b", "i", "l", "f", "d", "s"));
        if (strl) {
            names.add("L");
        }
        names.addAll(List.of("g", "r"));
        assertEquals(names, ds.names());

        assertArrayEquals(new double[] {-127, 0, 100, NAN, NAN, NAN, 5}, numbers(ds, "b"));
        assertArrayEquals(new double[] {-32767, 1234, 32740, NAN, NAN, NAN, -1}, numbers(ds, "i"));
        assertArrayEquals(new double[] {-2147483647, 2147483620, 0, NAN, NAN, NAN, 42}, numbers(ds, "l"));
        double[] f = numbers(ds, "f");
        assertEquals(1.5, f[0]);
        assertEquals(1.70141173319e38, f[1], 1.70141173319e38 * 1e-11);
        assertEquals((double) -0.1f, f[2]);
        assertArrayEquals(new double[] {NAN, NAN, NAN, 3.25}, java.util.Arrays.copyOfRange(f, 3, 7));
        double[] d = numbers(ds, "d");
        assertEquals(Math.PI, d[0]);
        assertEquals(8.9884656743e307, d[1], 8.9884656743e307 * 1e-11);
        assertEquals(-1e-300, d[2]);
        assertArrayEquals(new double[] {NAN, NAN, NAN}, java.util.Arrays.copyOfRange(d, 3, 6));
        assertEquals(-8.9884656743e307, d[6], 8.9884656743e307 * 1e-11);

        CategoricalColumn s = assertInstanceOf(CategoricalColumn.class, ds.column("s"));
        assertEquals(utf8 ? List.of("a b", "café", "x", "北京") : List.of("Zürich", "a b", "café", "x"), s.levels());
        assertEquals(java.util.Arrays.asList(town, null, "a b", "café", null, town, "x"), labels(s));

        if (strl) {
            CategoricalColumn l = assertInstanceOf(CategoricalColumn.class, ds.column("L"));
            assertEquals(java.util.Arrays.asList(longText, null, "short", longText, town, null, "short"), labels(l));
        }

        // g has the unlabelled value 3: by default it stays numeric; asked for, it becomes categorical
        assertArrayEquals(new double[] {1, 2, 1, NAN, 3, NAN, 2}, numbers(ds, "g"));
        CategoricalColumn g = assertInstanceOf(CategoricalColumn.class,
                DtaReader.read(file, DtaOptions.allValueLabels()).column("g"));
        assertEquals(List.of("Yes", "No", "3"), g.levels());
        assertEquals(java.util.Arrays.asList("Yes", "No", "Yes", null, "3", null, "No"), labels(g));
        CategoricalColumn r = assertInstanceOf(CategoricalColumn.class, ds.column("r"));
        assertEquals(List.of(north, "South"), r.levels());
        assertArrayEquals(new int[] {1, 0, 1, 0, 1, 0, -1}, r.codes());

        Map<String, String> varLabels = dta.variableLabels();
        assertEquals("a byte", varLabels.get("b"));
        assertEquals(utf8 ? "收入 (元)" : "Income (€)", varLabels.get("f"));
        assertEquals("region", varLabels.get("r"));
        assertTrue(!varLabels.containsKey("i"), "no label, no entry");
        assertEquals(Map.of(1.0, "Yes", 2.0, "No"), dta.valueLabels().get("g"));
        assertEquals(List.of(1.0, 2.0), new ArrayList<>(dta.valueLabels().get("g").keySet()), "codes in order");
        assertEquals(Map.of(10.0, north, 20.0, "South"), dta.valueLabels().get("r"));

        // suppressing value labels keeps the codes
        Dataset plain = DtaReader.read(file, DtaOptions.noValueLabels());
        assertArrayEquals(new double[] {1, 2, 1, NAN, 3, NAN, 2}, numbers(plain, "g"));
        assertArrayEquals(new double[] {20, 10, 20, 10, 20, 10, NAN}, numbers(plain, "r"));
    }

    static double[] numbers(Dataset ds, String name) {
        return assertInstanceOf(NumericColumn.class, ds.column(name)).values();
    }

    static List<String> labels(CategoricalColumn c) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < c.size(); i++) {
            out.add(c.label(i));
        }
        return out;
    }
}
