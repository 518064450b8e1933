package org.reprise.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprise.UserError;
import org.reprise.data.DtaTestWriter.LabelSet;
import org.reprise.data.DtaTestWriter.Type;
import org.reprise.data.DtaTestWriter.Var;

/** Bad input gives a UserError naming the file and the problem; nothing else escapes. */
class DtaReaderErrorTest {
    @TempDir
    Path dir;

    private static List<Var> table(boolean strl) {
        Var x = Var.num("x", Type.DOUBLE, 1.0, 'a', 3.0).label("x label");
        Var g = Var.num("g", Type.BYTE, 1, 2, 1).labelSet("gl");
        Var s = new Var("s", Type.STR, 5, "", "", new Object[] {"ab", "", "cde"});
        if (strl) {
            return List.of(x, g, s, new Var("L", Type.STRL, 0, "", "", new Object[] {"long one", "", "two"}));
        }
        return List.of(x, g, s);
    }

    private static final List<LabelSet> SETS = List.of(
            new LabelSet("gl", DtaTestWriter.labels(1, "one", 2, "two")),
            new LabelSet("other", DtaTestWriter.labels(5, "five")));

    private UserError error(byte[] bytes, String name) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        UserError e = assertThrows(UserError.class, () -> DtaReader.read(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        return e;
    }

    @Test
    void everyTruncationIsAUserError() throws Exception {
        for (int release : new int[] {113, 114, 115, 117, 118, 119}) {
            for (ByteOrder order : List.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN)) {
                byte[] full = DtaTestWriter.bytes(release, order, "", table(release >= 117), SETS);
                Path file = dir.resolve("cut.dta");
                for (int cut = 0; cut < full.length; cut += cut < 700 ? 1 : 5) {
                    Files.write(file, Arrays.copyOf(full, cut));
                    try {
                        Dataset ds = DtaReader.read(file);
                        // the old format has no end marker: a cut between value-label sets still reads
                        assertTrue(release < 117, "release " + release + " cut at " + cut + " read without error");
                        assertEquals(3, ds.rows());
                    } catch (UserError e) {
                        assertTrue(e.getMessage().startsWith(file.toString() + ": "), e.getMessage());
                    } catch (RuntimeException e) {
                        fail("release " + release + " " + order + " cut at " + cut + " of " + full.length + ": " + e, e);
                    }
                }
            }
        }
    }

    @Test
    void damagedBytesGiveUserErrorOrData() throws Exception {
        Random random = new Random(20240601L);
        Path file = dir.resolve("damaged.dta");
        for (int release : new int[] {114, 117, 118, 119}) {
            byte[] full = DtaTestWriter.bytes(release, ByteOrder.LITTLE_ENDIAN, "", table(release >= 117), SETS);
            for (int trial = 0; trial < 600; trial++) {
                byte[] b = full.clone();
                for (int k = 0; k < 3; k++) {
                    b[random.nextInt(b.length)] = (byte) random.nextInt(256);
                }
                Files.write(file, b);
                try {
                    DtaReader.read(file);
                } catch (UserError e) {
                    assertTrue(e.getMessage().startsWith(file.toString() + ": "), e.getMessage());
                } catch (RuntimeException | OutOfMemoryError e) {
                    fail("release " + release + " trial " + trial + ": " + e, e);
                }
            }
        }
    }

    @Test
    void oldReleaseIsRefusedWithAFix() throws Exception {
        byte[] b = new byte[200];
        b[0] = 105;
        b[1] = 2;
        b[2] = 1;
        String m = error(b, "old.dta").getMessage();
        assertTrue(m.contains("105") && m.contains("saveold"), m);
    }

    @Test
    void unknownReleasesAreRefused() throws Exception {
        byte[] b = new byte[200];
        b[0] = 116;
        b[1] = 1;
        b[2] = 1;
        String m = error(b, "r116.dta").getMessage();
        assertTrue(m.contains("unknown release 116"), m);
        byte[] tagged = DtaTestWriter.bytes(118, ByteOrder.LITTLE_ENDIAN, "", table(true), SETS);
        byte[] r120 = new String(tagged, StandardCharsets.ISO_8859_1).replaceFirst("<release>118", "<release>120")
                .getBytes(StandardCharsets.ISO_8859_1);
        m = error(r120, "r120.dta").getMessage();
        assertTrue(m.contains("unknown release 120") && m.contains("saveold"), m);
    }

    @Test
    void notADtaFile() throws Exception {
        String m = error("id,x\n1,2\n".getBytes(StandardCharsets.US_ASCII), "data.dta").getMessage();
        assertTrue(m.contains("not a valid Stata .dta file"), m);
        m = error(new byte[0], "empty.dta").getMessage();
        assertTrue(m.contains("empty"), m);
        m = error("<html><body>Not found</body></html>".getBytes(StandardCharsets.US_ASCII), "page.dta").getMessage();
        assertTrue(m.contains("expected stata_dta>"), m);
    }

    @Test
    void badByteOrder() throws Exception {
        byte[] b = DtaTestWriter.bytes(114, ByteOrder.LITTLE_ENDIAN, "", table(false), SETS);
        b[1] = 7;
        assertTrue(error(b, "bo.dta").getMessage().contains("not a valid Stata .dta file"));
        byte[] t = new String(DtaTestWriter.bytes(117, ByteOrder.LITTLE_ENDIAN, "", table(true), SETS),
                StandardCharsets.ISO_8859_1).replaceFirst("LSF", "XYZ").getBytes(StandardCharsets.ISO_8859_1);
        assertTrue(error(t, "bo117.dta").getMessage().contains("'XYZ'"));
    }

    @Test
    void missingFile() {
        Path file = dir.resolve("nowhere.dta");
        UserError e = assertThrows(UserError.class, () -> DtaReader.read(file));
        assertTrue(e.getMessage().contains("nowhere.dta") && e.getMessage().contains("not found"), e.getMessage());
    }

    @Test
    void badOptions() throws Exception {
        Path file = dir.resolve("ok.dta");
        Files.write(file, DtaTestWriter.bytes(118, ByteOrder.LITTLE_ENDIAN, "", table(true), SETS));
        UserError e = assertThrows(UserError.class,
                () -> DtaReader.read(file, DtaOptions.defaults().withNumeric("nosuch")));
        assertTrue(e.getMessage().contains("'nosuch'") && e.getMessage().contains("x, g, s, L"), e.getMessage());
        e = assertThrows(UserError.class, () -> DtaReader.read(file, DtaOptions.defaults().withNumeric("s")));
        assertTrue(e.getMessage().contains("string"), e.getMessage());
        e = assertThrows(UserError.class, () -> DtaReader.read(file, DtaOptions.defaults().withCategorical("zz")));
        assertTrue(e.getMessage().contains("'zz'"), e.getMessage());
        e = assertThrows(UserError.class,
                () -> DtaReader.read(file, DtaOptions.defaults().withNumeric("g").withCategorical("g")));
        assertTrue(e.getMessage().contains("both"), e.getMessage());
    }

    @Test
    void duplicateVariableNames() throws Exception {
        List<Var> vars = List.of(Var.num("x", Type.BYTE, 1), Var.num("x", Type.BYTE, 2));
        String m = error(DtaTestWriter.bytes(115, ByteOrder.LITTLE_ENDIAN, "", vars, List.of()), "dup.dta").getMessage();
        assertTrue(m.contains("appears twice"), m);
    }

    @Test
    void strlPointingNowhere() throws Exception {
        byte[] b = DtaTestWriter.bytes(117, ByteOrder.LITTLE_ENDIAN, "", table(true), SETS);
        String s = new String(b, StandardCharsets.ISO_8859_1);
        int strls = s.indexOf("<strls>") + "<strls>".length();
        int end = s.indexOf("</strls>");
        byte[] cut = new byte[b.length - (end - strls)];
        System.arraycopy(b, 0, cut, 0, strls);
        System.arraycopy(b, end, cut, strls, b.length - end);
        String m = error(cut, "nostrl.dta").getMessage();
        assertTrue(m.contains("strL variable L"), m);
    }
}
