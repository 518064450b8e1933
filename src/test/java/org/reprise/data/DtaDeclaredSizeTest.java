package org.reprise.data;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprise.UserError;
import org.reprise.data.DtaTestWriter.Type;
import org.reprise.data.DtaTestWriter.Var;

/**
 * Issue 10: a .dta file whose long string (strL) declares far more bytes than the file holds (2^31, or just under the
 * largest Java array) is refused before anything is allocated, naming the byte offset of the declared length.
 */
class DtaDeclaredSizeTest {
    @TempDir
    Path dir;

    private static final List<Var> VARS = List.of(Var.num("x", Type.DOUBLE, 1.0, 2.0),
            new Var("L", Type.STRL, 0, "", "", new Object[] {"long one", "two"}));

    /** The file with the first GSO block's length field set to len; returns {file bytes, offset of the field}. */
    private static Object[] patched(int release, long len) {
        byte[] b = DtaTestWriter.bytes(release, ByteOrder.LITTLE_ENDIAN, "", VARS, List.of());
        int gso = new String(b, StandardCharsets.ISO_8859_1).indexOf("GSO");
        int at = gso + 3 + 4 + (release == 117 ? 4 : 8) + 1;
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(at, (int) len);
        return new Object[] {b, at};
    }

    @Test
    void strlLongerThanTheFileIsRefusedWithItsOffset() throws Exception {
        for (int release : new int[] {117, 118}) {
            for (long len : new long[] {1L << 31, Integer.MAX_VALUE - 16L, 100_000L}) {
                Object[] p = patched(release, len);
                byte[] bytes = (byte[]) p[0];
                Path file = dir.resolve("big" + release + "_" + len + ".dta");
                Files.write(file, bytes);
                UserError e = assertThrows(UserError.class, () -> DtaReader.read(file));
                String m = e.getMessage();
                assertTrue(m.startsWith(file.toString() + ": at byte offset " + p[1] + ", a long string (strL)"
                        + " declares " + len + " bytes, but only "), m);
                assertTrue(m.contains("-byte file are left; the file is damaged or truncated"), m);
                assertTrue(m.contains(bytes.length + "-byte file"), m);
                assertFalse(m.contains("memory") || m.contains("Exception"), m);
            }
        }
    }
}
