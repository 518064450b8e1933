package org.reprise.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small .dta writer for tests, written from Stata's published format descriptions (help dta_113, dta_114,
 * dta_115, dta_117, dta, dta_119). It writes releases 113-115 and 117-119 in either byte order, with every
 * storage type, the missing values . and .a-.z, str#, strL (as ASCII and binary GSOs, with shared (v,o) for
 * repeated values), value-label sets, variable labels, an expansion field / characteristic, and the map.
 * Text is UTF-8 for 118+ and Windows-1252 (the JDK's charset) before.
 */
final class DtaTestWriter {
    enum Type { BYTE, INT, LONG, FLOAT, DOUBLE, STR, STRL }

    /**
     * One variable. Numeric values are Numbers, or a Character for a missing value: '.' or 'a'-'z'.
     * String values are Strings ("" or null is empty). {@code width} is the str# width (ignored otherwise).
     */
    record Var(String name, Type type, int width, String label, String labelSet, Object[] values) {
        static Var num(String name, Type type, Object... values) {
            return new Var(name, type, 0, "", "", values);
        }

        Var label(String l) {
            return new Var(name, type, width, l, labelSet, values);
        }

        Var labelSet(String s) {
            return new Var(name, type, width, label, s, values);
        }
    }

    /** A value-label set; keys are the stored integer codes, written in the given order. */
    record LabelSet(String name, Map<Integer, String> labels) {
    }

    static Character missing(char letter) {
        return letter;
    }

    static int missingIndex(Character c) {
        return c == '.' ? 0 : c - 'a' + 1;
    }

    static Path write(Path file, int release, ByteOrder order, String datasetLabel, List<Var> vars,
                      List<LabelSet> sets) throws IOException {
        Files.write(file, bytes(release, order, datasetLabel, vars, sets));
        return file;
    }

    static byte[] bytes(int release, ByteOrder order, String datasetLabel, List<Var> vars, List<LabelSet> sets) {
        return release >= 117 ? new Tagged(release, order).write(datasetLabel, vars, sets)
                : new Old(release, order).write(datasetLabel, vars, sets);
    }

    /** Little helper output with the file's byte order. */
    static final class Out {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final ByteOrder order;
        final Charset charset;

        Out(ByteOrder order, Charset charset) {
            this.order = order;
            this.charset = charset;
        }

        int pos() {
            return bytes.size();
        }

        Out u8(int v) {
            bytes.write(v);
            return this;
        }

        Out n(long v, int len) {
            for (int i = 0; i < len; i++) {
                int shift = 8 * (order == ByteOrder.BIG_ENDIAN ? len - 1 - i : i);
                bytes.write((int) (v >>> shift) & 0xff);
            }
            return this;
        }

        Out raw(byte[] b) {
            bytes.writeBytes(b);
            return this;
        }

        Out tag(String t) {
            return raw(t.getBytes(StandardCharsets.US_ASCII));
        }

        /** Text NUL-padded to len bytes (it must fit, as in Stata). */
        Out fixed(String s, int len) {
            byte[] b = s.getBytes(charset);
            if (b.length > len) {
                throw new IllegalArgumentException("'" + s + "' is longer than " + len + " bytes");
            }
            raw(b);
            raw(new byte[len - b.length]);
            return this;
        }

        Out f32(float f) {
            return n(Float.floatToRawIntBits(f) & 0xffffffffL, 4);
        }

        Out f64(double d) {
            return n(Double.doubleToRawLongBits(d), 8);
        }

        byte[] toArray() {
            return bytes.toByteArray();
        }
    }

    static int rows(List<Var> vars) {
        return vars.isEmpty() ? 0 : vars.get(0).values().length;
    }

    /** One value of a numeric type, as its storage bytes. */
    static void number(Out out, Type type, Object value) {
        if (value instanceof Character c) {
            int k = missingIndex(c);
            switch (type) {
                case BYTE -> out.u8(101 + k);
                case INT -> out.n(32741 + k, 2);
                case LONG -> out.n(2147483621L + k, 4);
                case FLOAT -> out.n(0x7f000000L + 0x800L * k, 4);
                case DOUBLE -> out.n(0x7fe0000000000000L + 0x010000000000L * k, 8);
                default -> throw new IllegalArgumentException(type.toString());
            }
            return;
        }
        Number x = (Number) value;
        switch (type) {
            case BYTE -> out.u8(x.byteValue() & 0xff);
            case INT -> out.n(x.shortValue(), 2);
            case LONG -> out.n(x.intValue(), 4);
            case FLOAT -> out.f32(x.floatValue());
            case DOUBLE -> out.f64(x.doubleValue());
            default -> throw new IllegalArgumentException(type.toString());
        }
    }

    /** The value-label table: n, txtlen, off[], val[], txt. */
    static byte[] labelTable(LabelSet set, ByteOrder order, Charset charset) {
        Out txt = new Out(order, charset);
        Out offs = new Out(order, charset);
        Out vals = new Out(order, charset);
        for (Map.Entry<Integer, String> e : set.labels().entrySet()) {
            offs.n(txt.pos(), 4);
            vals.n(e.getKey(), 4);
            txt.raw(e.getValue().getBytes(charset)).u8(0);
        }
        Out t = new Out(order, charset);
        t.n(set.labels().size(), 4).n(txt.pos(), 4).raw(offs.toArray()).raw(vals.toArray()).raw(txt.toArray());
        return t.toArray();
    }

    /** Releases 113, 114, 115. */
    static final class Old {
        final int release;
        final Out out;

        Old(int release, ByteOrder order) {
            this.release = release;
            this.out = new Out(order, Charset.forName("windows-1252"));
        }

        byte[] write(String datasetLabel, List<Var> vars, List<LabelSet> sets) {
            int k = vars.size();
            out.u8(release).u8(out.order == ByteOrder.BIG_ENDIAN ? 1 : 2).u8(1).u8(0);
            out.n(k, 2).n(rows(vars), 4).fixed(datasetLabel, 81).fixed(" 1 Jan 2020 12:00", 18);
            for (Var v : vars) {
                out.u8(switch (v.type()) {
                    case BYTE -> 251;
                    case INT -> 252;
                    case LONG -> 253;
                    case FLOAT -> 254;
                    case DOUBLE -> 255;
                    case STR -> v.width();
                    case STRL -> throw new IllegalArgumentException("strL needs release 117 or later");
                });
            }
            for (Var v : vars) {
                out.fixed(v.name(), 33);
            }
            out.raw(new byte[2 * (k + 1)]);
            for (Var v : vars) {
                out.fixed(v.type() == Type.STR ? "%" + v.width() + "s" : "%9.0g", release == 113 ? 12 : 49);
            }
            for (Var v : vars) {
                out.fixed(v.labelSet(), 33);
            }
            for (Var v : vars) {
                out.fixed(v.label(), 81);
            }
            // one characteristic as an expansion field: varname[33] charname[33] contents
            Out ch = new Out(out.order, out.charset);
            ch.fixed("_dta", 33).fixed("note1", 33).raw("written by DtaTestWriter".getBytes(StandardCharsets.US_ASCII)).u8(0);
            byte[] chBytes = ch.toArray();
            out.u8(1).n(chBytes.length, 4).raw(chBytes);
            out.u8(0).n(0, 4);
            for (int i = 0; i < rows(vars); i++) {
                for (Var v : vars) {
                    if (v.type() == Type.STR) {
                        Object s = v.values()[i];
                        out.fixed(s == null ? "" : (String) s, v.width());
                    } else {
                        number(out, v.type(), v.values()[i]);
                    }
                }
            }
            for (LabelSet set : sets) {
                byte[] table = labelTable(set, out.order, out.charset);
                out.n(table.length, 4).fixed(set.name(), 33).raw(new byte[3]).raw(table);
            }
            return out.toArray();
        }
    }

    /** Releases 117, 118, 119. */
    static final class Tagged {
        final int release;
        final Out out;
        final long[] map = new long[14];

        Tagged(int release, ByteOrder order) {
            this.release = release;
            this.out = new Out(order, release >= 118 ? StandardCharsets.UTF_8 : Charset.forName("windows-1252"));
        }

        byte[] write(String datasetLabel, List<Var> vars, List<LabelSet> sets) {
            int k = vars.size();
            int n = rows(vars);
            int nameLen = release == 117 ? 33 : 129;
            out.tag("<stata_dta><header><release>" + release + "</release><byteorder>")
                    .tag(out.order == ByteOrder.BIG_ENDIAN ? "MSF" : "LSF").tag("</byteorder><K>");
            out.n(k, release == 119 ? 4 : 2).tag("</K><N>").n(n, release == 117 ? 4 : 8).tag("</N><label>");
            byte[] label = datasetLabel.getBytes(out.charset);
            out.n(label.length, release == 117 ? 1 : 2).raw(label).tag("</label><timestamp>");
            out.u8(17).tag("01 Jan 2020 12:00").tag("</timestamp></header>");
            map[1] = out.pos();
            out.tag("<map>");
            int mapAt = out.pos();
            out.raw(new byte[14 * 8]).tag("</map>");
            map[2] = out.pos();
            out.tag("<variable_types>");
            for (Var v : vars) {
                out.n(switch (v.type()) {
                    case BYTE -> 65530;
                    case INT -> 65529;
                    case LONG -> 65528;
                    case FLOAT -> 65527;
                    case DOUBLE -> 65526;
                    case STRL -> 32768;
                    case STR -> v.width();
                }, 2);
            }
            out.tag("</variable_types>");
            map[3] = out.pos();
            out.tag("<varnames>");
            for (Var v : vars) {
                out.fixed(v.name(), nameLen);
            }
            out.tag("</varnames>");
            map[4] = out.pos();
            out.tag("<sortlist>").raw(new byte[(k + 1) * (release == 119 ? 4 : 2)]).tag("</sortlist>");
            map[5] = out.pos();
            out.tag("<formats>");
            for (Var v : vars) {
                out.fixed(v.type() == Type.STR ? "%" + v.width() + "s" : v.type() == Type.STRL ? "%9s" : "%9.0g",
                        release == 117 ? 49 : 57);
            }
            out.tag("</formats>");
            map[6] = out.pos();
            out.tag("<value_label_names>");
            for (Var v : vars) {
                out.fixed(v.labelSet(), nameLen);
            }
            out.tag("</value_label_names>");
            map[7] = out.pos();
            out.tag("<variable_labels>");
            for (Var v : vars) {
                out.fixed(v.label(), release == 117 ? 81 : 321);
            }
            out.tag("</variable_labels>");
            map[8] = out.pos();
            out.tag("<characteristics>");
            Out ch = new Out(out.order, out.charset);
            ch.fixed("_dta", nameLen).fixed("note1", nameLen).raw("written by DtaTestWriter".getBytes(out.charset)).u8(0);
            byte[] chBytes = ch.toArray();
            out.tag("<ch>").n(chBytes.length, 4).raw(chBytes).tag("</ch>");
            out.tag("</characteristics>");
            map[9] = out.pos();
            out.tag("<data>");
            int vLen = release == 117 ? 4 : release == 118 ? 2 : 3;
            Out gso = new Out(out.order, out.charset);
            Map<String, long[]> seen = new HashMap<>();
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < k; j++) {
                    Var v = vars.get(j);
                    Object val = v.values()[i];
                    switch (v.type()) {
                        case STR -> out.fixed(val == null ? "" : (String) val, v.width());
                        case STRL -> {
                            String s = val == null ? "" : (String) val;
                            long[] vo;
                            if (s.isEmpty()) {
                                vo = new long[] {0, 0};
                            } else if (seen.containsKey(s)) {
                                vo = seen.get(s);
                            } else {
                                vo = new long[] {j + 1, i + 1};
                                seen.put(s, vo);
                                boolean binary = i % 2 == 1;
                                byte[] b = s.getBytes(out.charset);
                                gso.tag("GSO").n(vo[0], 4).n(vo[1], release == 117 ? 4 : 8);
                                gso.u8(binary ? 129 : 130).n(b.length + (binary ? 0 : 1), 4).raw(b);
                                if (!binary) {
                                    gso.u8(0);
                                }
                            }
                            out.n(vo[0], vLen).n(vo[1], 8 - vLen);
                        }
                        default -> number(out, v.type(), val);
                    }
                }
            }
            out.tag("</data>");
            map[10] = out.pos();
            out.tag("<strls>").raw(gso.toArray()).tag("</strls>");
            map[11] = out.pos();
            out.tag("<value_labels>");
            for (LabelSet set : sets) {
                byte[] table = labelTable(set, out.order, out.charset);
                out.tag("<lbl>").n(table.length, 4).fixed(set.name(), nameLen).raw(new byte[3]).raw(table).tag("</lbl>");
            }
            out.tag("</value_labels>");
            map[12] = out.pos();
            out.tag("</stata_dta>");
            map[13] = out.pos();
            byte[] bytes = out.toArray();
            ByteBuffer bb = ByteBuffer.wrap(bytes).order(out.order);
            for (int i = 0; i < 14; i++) {
                bb.putLong(mapAt + 8 * i, map[i]);
            }
            return bytes;
        }
    }

    static Map<Integer, String> labels(Object... codeLabel) {
        Map<Integer, String> m = new LinkedHashMap<>();
        for (int i = 0; i < codeLabel.length; i += 2) {
            m.put((Integer) codeLabel[i], (String) codeLabel[i + 1]);
        }
        return m;
    }
}
