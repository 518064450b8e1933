package org.reprise.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprise.data.DtaTestWriter.LabelSet;
import org.reprise.data.DtaTestWriter.Type;
import org.reprise.data.DtaTestWriter.Var;

/** Mapping rules one at a time: encodings, level order, label edge cases, options, chunked reading. */
class DtaReaderDetailsTest {
    @TempDir
    Path dir;

    private static final double NAN = Double.NaN;

    private Path write(int release, List<Var> vars, List<LabelSet> sets) throws Exception {
        return DtaTestWriter.write(dir.resolve("d" + release + vars.size() + ".dta"), release, ByteOrder.LITTLE_ENDIAN,
                "", vars, sets);
    }

    @Test
    void windows1252MatchesTheJdkCharset() throws Exception {
        CharsetDecoder jdk = Charset.forName("windows-1252").newDecoder()
                .onUnmappableCharacter(CodingErrorAction.REPORT).onMalformedInput(CodingErrorAction.REPORT);
        DtaText text = new DtaText(false);
        for (int v = 1; v < 256; v++) {
            byte[] b = {(byte) v};
            String ours = text.decode(b, 0, 1);
            if (v == 0x81 || v == 0x8D || v == 0x8F || v == 0x90 || v == 0x9D) {
                assertEquals(String.valueOf((char) v), ours, "undefined byte " + v + " decodes as Latin-1");
                continue;
            }
            assertEquals(jdk.decode(ByteBuffer.wrap(b)).toString(), ours, "byte " + v);
        }
    }

    @Test
    void stringLevelsSortNumbersFirstThenText() throws Exception {
        Path f = write(118, List.of(new Var("s", Type.STR, 4, "", "",
                new Object[] {"10", "9", "b", "a", "", "-1.5", "B", "9"})), List.of());
        CategoricalColumn s = (CategoricalColumn) DtaReader.read(f).column("s");
        assertEquals(List.of("-1.5", "9", "10", "B", "a", "b"), s.levels());
        assertEquals(-1, s.codes()[4]);
        assertEquals("9", s.label(7));
    }

    @Test
    void labelEdgeCases() throws Exception {
        List<Var> vars = List.of(
                Var.num("dup", Type.BYTE, 1, 2, 3, 1).labelSet("dupl"),
                Var.num("absent", Type.INT, 1, 2, 1, 2).labelSet("nosuchset"),
                Var.num("miss", Type.LONG, 1, 'a', '.', 2).labelSet("missl"),
                Var.num("frac", Type.DOUBLE, 0.5, 2.25, 1.0, 'b'),
                Var.num("kept", Type.BYTE, 1, 1, 2, 2).labelSet("missl"));
        List<LabelSet> sets = List.of(
                new LabelSet("dupl", DtaTestWriter.labels(3, "high", 1, "low", 2, "low")),
                new LabelSet("missl", DtaTestWriter.labels(1, "one", 2, "two", 2147483622, "refused")));
        Path f = write(117, vars, sets);
        DtaFile dta = DtaReader.readFile(f, DtaOptions.defaults().withCategorical("frac").withNumeric("kept"));
        Dataset ds = dta.data();

        CategoricalColumn dup = (CategoricalColumn) ds.column("dup");
        assertEquals(List.of("low", "high"), dup.levels(), "codes 1 and 2 share the label 'low'");
        assertArrayEquals(new int[] {0, 0, 1, 0}, dup.codes());

        assertArrayEquals(new double[] {1, 2, 1, 2}, ((NumericColumn) ds.column("absent")).values());
        assertFalse(dta.valueLabels().containsKey("absent"), "a set that is not in the file gives no labels");

        CategoricalColumn miss = (CategoricalColumn) ds.column("miss");
        assertEquals(List.of("one", "two"), miss.levels());
        assertArrayEquals(new int[] {0, -1, -1, 1}, miss.codes());
        assertEquals(Map.of(1.0, "one", 2.0, "two"), dta.valueLabels().get("miss"), ".a's label is left out");

        CategoricalColumn frac = (CategoricalColumn) ds.column("frac");
        assertEquals(List.of("0.5", "1", "2.25"), frac.levels());
        assertArrayEquals(new int[] {0, 2, 1, -1}, frac.codes());

        assertArrayEquals(new double[] {1, 1, 2, 2}, ((NumericColumn) ds.column("kept")).values());
        assertEquals(Map.of(1.0, "one", 2.0, "two"), dta.valueLabels().get("kept"));
    }

    @Test
    void onlyObservedCodesBecomeLevels() throws Exception {
        Path f = write(118, List.of(Var.num("q", Type.BYTE, 3, 2, 3).labelSet("ql")),
                List.of(new LabelSet("ql", DtaTestWriter.labels(1, "never", 2, "sometimes", 3, "often"))));
        CategoricalColumn q = (CategoricalColumn) DtaReader.read(f).column("q");
        assertEquals(List.of("sometimes", "often"), q.levels(), "the base level is the lowest observed code, as in Stata");
    }

    @Test
    void zeroObservations() throws Exception {
        Path f = write(119, List.of(Var.num("x", Type.DOUBLE), new Var("s", Type.STR, 3, "", "", new Object[0]),
                new Var("L", Type.STRL, 0, "", "", new Object[0])), List.of());
        Dataset ds = DtaReader.read(f);
        assertEquals(0, ds.rows());
        assertEquals(List.of("x", "s", "L"), ds.names());
    }

    @Test
    void manyObservationsAcrossReadChunks() throws Exception {
        int n = 150_000;
        Object[] x = new Object[n];
        Object[] k = new Object[n];
        Object[] s = new Object[n];
        Object[] l = new Object[n];
        for (int i = 0; i < n; i++) {
            x[i] = i % 1000 == 0 ? (Object) 'q' : (Object) (i * 0.25);
            k[i] = i % 30000 - 15000;
            s[i] = "s" + (i % 7);
            l[i] = i % 5 == 0 ? "" : "long " + (i % 11);
        }
        for (ByteOrder order : List.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN)) {
            Path f = DtaTestWriter.write(dir.resolve("big.dta"), 118, order, "", List.of(Var.num("x", Type.DOUBLE, x),
                    Var.num("k", Type.INT, k), new Var("s", Type.STR, 3, "", "", s),
                    new Var("l", Type.STRL, 0, "", "", l)), List.of());
            Dataset ds = DtaReader.read(f);
            double[] xs = ((NumericColumn) ds.column("x")).values();
            double[] ks = ((NumericColumn) ds.column("k")).values();
            CategoricalColumn ss = assertInstanceOf(CategoricalColumn.class, ds.column("s"));
            CategoricalColumn ls = assertInstanceOf(CategoricalColumn.class, ds.column("l"));
            for (int i = 0; i < n; i++) {
                assertEquals(i % 1000 == 0 ? NAN : i * 0.25, xs[i], 0.0);
                assertEquals(i % 30000 - 15000, ks[i], 0.0);
                assertEquals("s" + (i % 7), ss.label(i));
                assertEquals(i % 5 == 0 ? null : "long " + (i % 11), ls.label(i));
            }
        }
    }
}
