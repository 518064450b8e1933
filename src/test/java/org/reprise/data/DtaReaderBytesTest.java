package org.reprise.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files spelled out byte by byte from Stata's help dta_114 and help dta (format 118), without the test writer,
 * so the reader is checked against the published layout itself. Expected values are the numbers the bytes
 * encode by that description (exact).
 */
class DtaReaderBytesTest {
    @TempDir
    Path dir;

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replaceAll("\\s", ""));
    }

    private static byte[] pad(String s, int len) {
        byte[] out = new byte[len];
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(b, 0, out, 0, b.length);
        return out;
    }

    @Test
    void release114BigEndianByHand() throws Exception {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        // header: ds_format 114, byteorder 1 (HILO), filetype 1, unused, nvar=2, nobs=3
        o.writeBytes(hex("72 01 01 00  0002  00000003"));
        o.writeBytes(pad("", 81));
        o.writeBytes(pad("", 18));
        o.writeBytes(hex("FC FE"));                       // typlist: int, float
        o.writeBytes(pad("x", 33));
        o.writeBytes(pad("y", 33));
        o.writeBytes(new byte[2 * 3]);                    // srtlist
        o.writeBytes(pad("%8.0g", 49));
        o.writeBytes(pad("%9.0g", 49));
        o.writeBytes(pad("xl", 33));                      // x has value-label set "xl"
        o.writeBytes(pad("", 33));
        o.writeBytes(pad("the x", 81));
        o.writeBytes(pad("", 81));
        o.writeBytes(hex("00 00000000"));                 // no expansion fields
        // data, big-endian: x=7, y=-2.5f ; x=.a (0x7FE6), y=.b (0x7F001000) ; x=-32767, y=. (0x7F000000)
        o.writeBytes(hex("0007 C0200000   7FE6 7F001000   8001 7F000000"));
        // value labels: len, labname[33], padding[3], table: n=1, txtlen=6, off={0}, val={7}, "seven\0"
        o.writeBytes(hex("00000016"));
        o.writeBytes(pad("xl", 33));
        o.writeBytes(new byte[3]);
        o.writeBytes(hex("00000001 00000006 00000000 00000007"));
        o.writeBytes(pad("seven", 6));
        Path file = dir.resolve("hand114.dta");
        Files.write(file, o.toByteArray());

        DtaFile dta = DtaReader.readFile(file, DtaOptions.noValueLabels());
        assertEquals(114, dta.release());
        assertArrayEquals(new double[] {7, Double.NaN, -32767}, ((NumericColumn) dta.data().column("x")).values());
        assertArrayEquals(new double[] {-2.5, Double.NaN, Double.NaN}, ((NumericColumn) dta.data().column("y")).values());
        assertEquals("the x", dta.variableLabels().get("x"));
        assertEquals(java.util.Map.of(7.0, "seven"), dta.valueLabels().get("x"));
        // -32767 has no label: numeric by default, categorical (levels by code) when asked
        assertInstanceOf(NumericColumn.class, DtaReader.read(file).column("x"));
        CategoricalColumn x = assertInstanceOf(CategoricalColumn.class,
                DtaReader.read(file, DtaOptions.allValueLabels()).column("x"));
        assertEquals(List.of("-32767", "seven"), x.levels());
        assertArrayEquals(new int[] {1, -1, 0}, x.codes());
    }

    @Test
    void release118LittleEndianWithStrlByHand() throws Exception {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.writeBytes(ascii("<stata_dta><header><release>118</release><byteorder>LSF</byteorder><K>"));
        o.writeBytes(hex("0200"));                       // K = 2
        o.writeBytes(ascii("</K><N>"));
        o.writeBytes(hex("0200000000000000"));           // N = 2
        o.writeBytes(ascii("</N><label>"));
        o.writeBytes(hex("0000"));                       // empty dataset label
        o.writeBytes(ascii("</label><timestamp>"));
        o.writeBytes(hex("00"));                         // no time stamp
        o.writeBytes(ascii("</timestamp></header><map>"));
        o.writeBytes(new byte[14 * 8]);                  // the reader does not need the map
        o.writeBytes(ascii("</map><variable_types>"));
        o.writeBytes(hex("0080 F6FF"));                  // strL (32768), double (65526)
        o.writeBytes(ascii("</variable_types><varnames>"));
        o.writeBytes(pad("名字", 129));
        o.writeBytes(pad("v", 129));
        o.writeBytes(ascii("</varnames><sortlist>"));
        o.writeBytes(new byte[2 * 3]);
        o.writeBytes(ascii("</sortlist><formats>"));
        o.writeBytes(pad("%9s", 57));
        o.writeBytes(pad("%10.0g", 57));
        o.writeBytes(ascii("</formats><value_label_names>"));
        o.writeBytes(new byte[2 * 129]);
        o.writeBytes(ascii("</value_label_names><variable_labels>"));
        o.writeBytes(pad("姓名", 321));
        o.writeBytes(new byte[321]);
        o.writeBytes(ascii("</variable_labels><characteristics></characteristics><data>"));
        // obs 1: strL (v=1,o=1) as 2+6 bytes LSF, double 0.5 ; obs 2: strL (1,2), double .z
        o.writeBytes(hex("0100 010000000000  000000000000E03F"));
        o.writeBytes(hex("0100 020000000000  0000001A0000E07F"));
        o.writeBytes(ascii("</data><strls>"));
        byte[] s1 = "张三".getBytes(StandardCharsets.UTF_8);
        o.writeBytes(ascii("GSO"));
        o.writeBytes(hex("01000000 0100000000000000 82"));   // v=1, o=1 (8 bytes in 118), ASCII type 130
        o.writeBytes(hex(String.format("%02X000000", s1.length + 1)));
        o.writeBytes(s1);
        o.writeBytes(hex("00"));
        o.writeBytes(ascii("GSO"));
        o.writeBytes(hex("01000000 0200000000000000 81 03000000"));  // binary type 129, 3 bytes
        o.writeBytes(ascii("abc"));
        o.writeBytes(ascii("</strls><value_labels></value_labels></stata_dta>"));
        Path file = dir.resolve("hand118.dta");
        Files.write(file, o.toByteArray());

        DtaFile dta = DtaReader.readFile(file);
        CategoricalColumn name = assertInstanceOf(CategoricalColumn.class, dta.data().column("名字"));
        assertEquals("张三", name.label(0));
        assertEquals("abc", name.label(1));
        assertArrayEquals(new double[] {0.5, Double.NaN}, ((NumericColumn) dta.data().column("v")).values());
        assertEquals("姓名", dta.variableLabels().get("名字"));
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
