package org.reprise.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.reprise.UserError;

/**
 * Reads Stata .dta files (releases 113, 114, 115 of Stata 8-12 and 117, 118, 119 of Stata 13-18, either byte
 * order) into a columnar {@link Dataset}. See docs/data-dta.md for the mapping rules:
 * <ul>
 *   <li>byte, int, long, float, double → {@link NumericColumn}; the missing values . and .a-.z become NaN;</li>
 *   <li>str# and strL → {@link CategoricalColumn} of the strings; the empty string is missing;</li>
 *   <li>a numeric variable whose every value has a label in its value-label set → {@link CategoricalColumn}
 *       whose levels are the labels in increasing order of their code; partly labelled variables stay numeric
 *       unless {@link DtaOptions} asks for categories (then unlabelled codes keep their number as text);</li>
 *   <li>text is UTF-8 in releases 118-119 and Windows-1252 before.</li>
 * </ul>
 * The observations are read in chunks straight into one primitive array per column.
 */
public final class DtaReader {
    private static final float FLOAT_MAX = Float.intBitsToFloat(0x7effffff);
    private static final double DOUBLE_MAX = Double.longBitsToDouble(0x7fdfffffffffffffL);
    private static final int CHUNK_BYTES = 1 << 20;

    private DtaReader() {
    }

    /** The data of a .dta file, value labels turned into categories. */
    public static Dataset read(Path file) {
        return readFile(file, DtaOptions.defaults()).data();
    }

    public static Dataset read(Path file, DtaOptions options) {
        return readFile(file, options).data();
    }

    /** The data plus dataset, variable and value labels. */
    public static DtaFile readFile(Path file) {
        return readFile(file, DtaOptions.defaults());
    }

    public static DtaFile readFile(Path file, DtaOptions options) {
        return readFile(file, options, file.toString());
    }

    /** As {@link #readFile(Path, DtaOptions)}, naming the file {@code name} in messages and in the dataset. */
    public static DtaFile readFile(Path file, DtaOptions options, String name) {
        try (DtaInput in = new DtaInput(file, name)) {
            return read(in, options);
        } catch (NoSuchFileException e) {
            throw new UserError(name + ": file not found; check the data path (it is relative to the analysis file).", e);
        } catch (AccessDeniedException e) {
            throw new UserError(name + ": permission denied; make the file readable.", e);
        } catch (IOException e) {
            throw new UserError(name + ": cannot read the file (" + e.getMessage() + ").", e);
        }
    }

    private static DtaFile read(DtaInput in, DtaOptions options) {
        DtaLayout layout = DtaLayout.read(in);
        checkOptions(in.file(), layout, options);
        int nvar = layout.nvar();
        int nobs = layout.nobs();
        double[][] numbers = new double[nvar][];
        DtaColumns.Strings[] strings = new DtaColumns.Strings[nvar];
        long[][] strls = new long[nvar][];
        for (int j = 0; j < nvar; j++) {
            int t = layout.types()[j];
            if (t == DtaLayout.STRL) {
                strls[j] = new long[nobs];
            } else if (t > 0) {
                strings[j] = new DtaColumns.Strings(nobs);
            } else {
                numbers[j] = new double[nobs];
            }
        }
        readObservations(in, layout, numbers, strings, strls);

        Map<Long, String> gso = Map.of();
        Map<String, TreeMap<Double, String>> sets;
        if (layout.xml()) {
            in.expect("</data>");
            gso = readStrls(in, layout);
            sets = readTaggedValueLabels(in, layout);
        } else {
            sets = readOldValueLabels(in, layout);
        }

        List<Column> columns = new ArrayList<>(nvar);
        Map<String, String> variableLabels = new LinkedHashMap<>();
        Map<String, Map<Double, String>> valueLabels = new LinkedHashMap<>();
        for (int j = 0; j < nvar; j++) {
            String var = layout.names()[j];
            if (!layout.variableLabels()[j].isEmpty()) {
                variableLabels.put(var, layout.variableLabels()[j]);
            }
            if (strls[j] != null) {
                columns.add(resolveStrls(in, layout, var, strls[j], gso));
            } else if (strings[j] != null) {
                columns.add(strings[j].build(var));
            } else {
                TreeMap<Double, String> labels = layout.labelSets()[j].isEmpty() ? null : sets.get(layout.labelSets()[j]);
                if (labels != null) {
                    valueLabels.put(var, Collections.unmodifiableMap(labels));
                }
                boolean categorical = options.categorical().contains(var)
                        || (labels != null && !options.numeric().contains(var)
                            && switch (options.valueLabels()) {
                                case ALWAYS -> true;
                                case NEVER -> false;
                                case WHEN_COMPLETE -> DtaColumns.fullyLabelled(numbers[j], labels);
                            });
                if (categorical) {
                    columns.add(DtaColumns.labelled(var, numbers[j], labels == null ? Map.of() : labels));
                } else {
                    columns.add(new NumericColumn(var, numbers[j]));
                }
            }
        }
        Dataset data = new Dataset(in.file(), nobs, columns);
        return new DtaFile(data, layout.release(), layout.datasetLabel(), Collections.unmodifiableMap(variableLabels),
                Collections.unmodifiableMap(valueLabels));
    }

    private static void checkOptions(String file, DtaLayout layout, DtaOptions options) {
        Map<String, Integer> index = new HashMap<>();
        for (int j = 0; j < layout.nvar(); j++) {
            index.put(layout.names()[j], layout.types()[j]);
        }
        for (String v : options.numeric()) {
            Integer t = index.get(v);
            if (t == null) {
                throw new UserError(file + ": the option to keep '" + v + "' numeric names a variable that is not in the"
                        + " file; its variables are " + String.join(", ", layout.names()) + ".");
            }
            if (t > 0 || t == DtaLayout.STRL) {
                throw new UserError(file + ": variable '" + v + "' is a string (" + DtaLayout.typeName(t)
                        + ") and cannot be read as numeric; convert it in Stata with `destring` or drop the option.");
            }
            if (options.categorical().contains(v)) {
                throw new UserError(file + ": variable '" + v + "' is asked to be both numeric and categorical; keep one.");
            }
        }
        for (String v : options.categorical()) {
            if (!index.containsKey(v)) {
                throw new UserError(file + ": the option to read '" + v + "' as categorical names a variable that is not"
                        + " in the file; its variables are " + String.join(", ", layout.names()) + ".");
            }
        }
    }

    private static void readObservations(DtaInput in, DtaLayout layout, double[][] numbers,
                                         DtaColumns.Strings[] strings, long[][] strls) {
        int nvar = layout.nvar();
        int nobs = layout.nobs();
        int width = layout.rowWidth();
        if (width == 0 || nobs == 0) {
            return;
        }
        int[] offset = new int[nvar];
        for (int j = 1; j < nvar; j++) {
            offset[j] = offset[j - 1] + DtaLayout.width(layout.types()[j - 1]);
        }
        int rowsPerChunk = Math.max(1, Math.min(nobs, CHUNK_BYTES / width));
        byte[] chunk = new byte[rowsPerChunk * width];
        ByteBuffer bb = ByteBuffer.wrap(chunk).order(layout.order());
        boolean big = layout.order() == ByteOrder.BIG_ENDIAN;
        int vLen = layout.release() == 117 ? 4 : layout.release() == 118 ? 2 : 3;
        DtaText text = layout.text();
        for (int row0 = 0; row0 < nobs; row0 += rowsPerChunk) {
            int k = Math.min(rowsPerChunk, nobs - row0);
            in.readFully(chunk, 0, k * width, "the observations");
            for (int j = 0; j < nvar; j++) {
                int t = layout.types()[j];
                double[] out = numbers[j];
                int base = offset[j];
                switch (t) {
                    case DtaLayout.BYTE -> {
                        for (int r = 0; r < k; r++) {
                            byte b = chunk[base + r * width];
                            out[row0 + r] = b > 100 ? Double.NaN : b;
                        }
                    }
                    case DtaLayout.INT -> {
                        for (int r = 0; r < k; r++) {
                            short s = bb.getShort(base + r * width);
                            out[row0 + r] = s > 32740 ? Double.NaN : s;
                        }
                    }
                    case DtaLayout.LONG -> {
                        for (int r = 0; r < k; r++) {
                            int x = bb.getInt(base + r * width);
                            out[row0 + r] = x > 2147483620 ? Double.NaN : x;
                        }
                    }
                    case DtaLayout.FLOAT -> {
                        for (int r = 0; r < k; r++) {
                            float f = bb.getFloat(base + r * width);
                            out[row0 + r] = Math.abs(f) <= FLOAT_MAX ? f : Double.NaN;
                        }
                    }
                    case DtaLayout.DOUBLE -> {
                        for (int r = 0; r < k; r++) {
                            double d = bb.getDouble(base + r * width);
                            out[row0 + r] = Math.abs(d) <= DOUBLE_MAX ? d : Double.NaN;
                        }
                    }
                    case DtaLayout.STRL -> {
                        for (int r = 0; r < k; r++) {
                            int at = base + r * width;
                            long v = unsigned(chunk, at, vLen, big);
                            long o = unsigned(chunk, at + vLen, 8 - vLen, big);
                            strls[j][row0 + r] = (v << (8 * (8 - vLen))) | o;
                        }
                    }
                    default -> {
                        DtaColumns.Strings s = strings[j];
                        for (int r = 0; r < k; r++) {
                            s.set(row0 + r, text.field(chunk, base + r * width, t));
                        }
                    }
                }
            }
        }
    }

    private static long unsigned(byte[] b, int at, int len, boolean big) {
        long v = 0;
        for (int i = 0; i < len; i++) {
            int x = b[at + i] & 0xff;
            v |= (long) x << (8 * (big ? len - 1 - i : i));
        }
        return v;
    }

    /** The GSO blocks of a tagged file: (v,o) key (as laid out in the data) → text. */
    private static Map<Long, String> readStrls(DtaInput in, DtaLayout layout) {
        in.expect("<strls>");
        Map<Long, String> gso = new HashMap<>();
        int vLen = layout.release() == 117 ? 4 : layout.release() == 118 ? 2 : 3;
        int oShift = 8 * (8 - vLen);
        while (in.peek(3, "the long strings (strL)").equals("GSO")) {
            in.expect("GSO");
            long v = in.u32("a long string (strL)");
            long o = layout.release() == 117 ? in.u32("a long string (strL)") : in.u64("a long string (strL)");
            int type = in.u8("a long string (strL)");
            long lenAt = in.position();
            long len = in.u32("a long string (strL)");
            if (type != 129 && type != 130) {
                throw in.corrupt("a long string (strL) block has type " + type + " (expected 129 or 130)");
            }
            in.declared(len, lenAt, "a long string (strL)");
            if (len > Integer.MAX_VALUE - 8) {
                throw new UserError(in.file() + ": a long string (strL) of " + len + " bytes is too long to read;"
                        + " drop or shorten that variable in Stata.");
            }
            byte[] b = in.bytes((int) len, "a long string (strL)");
            int n = b.length;
            while (n > 0 && b[n - 1] == 0) {
                n--;
            }
            gso.put((v << oShift) | o, layout.text().decode(b, 0, n));
        }
        in.expect("</strls>");
        return gso;
    }

    private static CategoricalColumn resolveStrls(DtaInput in, DtaLayout layout, String var, long[] refs,
                                                  Map<Long, String> gso) {
        DtaColumns.Strings s = new DtaColumns.Strings(refs.length);
        for (int i = 0; i < refs.length; i++) {
            if (refs[i] == 0) {
                s.set(i, null);
                continue;
            }
            String text = gso.get(refs[i]);
            if (text == null) {
                throw in.corrupt("observation " + (i + 1) + " of the strL variable " + var
                        + " points to a long string that is not in the file");
            }
            s.set(i, text);
        }
        return s.build(var);
    }

    private static Map<String, TreeMap<Double, String>> readTaggedValueLabels(DtaInput in, DtaLayout layout) {
        Map<String, TreeMap<Double, String>> sets = new HashMap<>();
        in.expect("<value_labels>");
        int nameLen = layout.release() == 117 ? 33 : 129;
        while (in.peek(5, "the value labels").equals("<lbl>")) {
            in.expect("<lbl>");
            readLabelSet(in, layout, nameLen, sets);
            in.expect("</lbl>");
        }
        in.expect("</value_labels>");
        in.expect("</stata_dta>");
        return sets;
    }

    private static Map<String, TreeMap<Double, String>> readOldValueLabels(DtaInput in, DtaLayout layout) {
        Map<String, TreeMap<Double, String>> sets = new HashMap<>();
        while (in.position() < in.size()) {
            readLabelSet(in, layout, 33, sets);
        }
        return sets;
    }

    /** One value-label table: length, name, 3 bytes padding, then n, txtlen, off[n], val[n], txt. */
    private static void readLabelSet(DtaInput in, DtaLayout layout, int nameLen, Map<String, TreeMap<Double, String>> sets) {
        long len = in.u32("the value labels");
        String name = layout.text().field(in.bytes(nameLen, "the value labels"), 0, nameLen);
        in.skip(3, "the value labels");
        if (len < 8 || len > in.size()) {
            throw in.corrupt("the value-label set " + name + " claims " + len + " bytes");
        }
        byte[] table = in.bytes((int) len, "the value-label set " + name);
        ByteBuffer bb = ByteBuffer.wrap(table).order(layout.order());
        int n = bb.getInt(0);
        int txtlen = bb.getInt(4);
        if (n < 0 || txtlen < 0 || 8L + 8L * n + txtlen > len) {
            throw in.corrupt("the value-label set " + name + " has inconsistent sizes (" + n + " labels, "
                    + txtlen + " bytes of text, " + len + " bytes in all)");
        }
        int txt = 8 + 8 * n;
        TreeMap<Double, String> labels = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            int off = bb.getInt(8 + 4 * i);
            int val = bb.getInt(8 + 4 * n + 4 * i);
            if (off < 0 || off >= txtlen) {
                throw in.corrupt("a label in the value-label set " + name + " starts outside its text");
            }
            if (val > 2147483620) {
                continue;
            }
            labels.put((double) val, layout.text().field(table, txt + off, txtlen - off));
        }
        sets.put(name, labels);
    }
}
