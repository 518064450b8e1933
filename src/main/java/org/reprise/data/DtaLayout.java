package org.reprise.data;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.reprise.UserError;

/**
 * What a .dta header and its descriptors say: release, byte order, sizes, variable types, names and labels.
 * Types are normalised: a positive type is a str# width; the negative constants below are the other types.
 * {@link #read} leaves the input positioned at the first byte of the observations.
 */
record DtaLayout(int release, ByteOrder order, int nvar, int nobs, int[] types, String[] names, String[] labelSets,
                 String[] variableLabels, String datasetLabel, DtaText text) {

    static final int BYTE = -1;
    static final int INT = -2;
    static final int LONG = -3;
    static final int FLOAT = -4;
    static final int DOUBLE = -5;
    static final int STRL = -6;

    /** Bytes one value of the type takes in an observation. */
    static int width(int type) {
        return switch (type) {
            case BYTE -> 1;
            case INT -> 2;
            case LONG, FLOAT -> 4;
            case DOUBLE, STRL -> 8;
            default -> type;
        };
    }

    static String typeName(int type) {
        return switch (type) {
            case BYTE -> "byte";
            case INT -> "int";
            case LONG -> "long";
            case FLOAT -> "float";
            case DOUBLE -> "double";
            case STRL -> "strL";
            default -> "str" + type;
        };
    }

    boolean xml() {
        return release >= 117;
    }

    int rowWidth() {
        int w = 0;
        for (int t : types) {
            w += width(t);
        }
        return w;
    }

    /** Parse the header and descriptors of either the old binary format (113-115) or the tagged one (117-119). */
    static DtaLayout read(DtaInput in) {
        if (in.size() == 0) {
            throw in.corrupt("the file is empty");
        }
        int first = in.u8("the release number");
        if (first == '<') {
            return readTagged(in);
        }
        return readOld(in, first);
    }

    private static DtaLayout readOld(DtaInput in, int release) {
        int byteorder = in.size() >= 3 ? in.u8("the byte order") : 0;
        int filetype = in.size() >= 3 ? in.u8("the file type") : 0;
        boolean looksLikeDta = (byteorder == 1 || byteorder == 2) && filetype == 1;
        if (!looksLikeDta) {
            throw in.corrupt("it starts with neither '<stata_dta>' (releases 117-119) nor a release byte followed by"
                    + " a byte order and file type (releases 113-115); first byte " + release);
        }
        if (release < 113 || release > 115) {
            if (release >= 102 && release <= 112) {
                throw new UserError(in.file() + ": this Stata .dta file has the old release " + release
                        + " (written by Stata 7 or earlier), which Reprise does not read; open it in Stata and re-save it"
                        + " with `saveold` version 13 or later (or `save` in a current Stata).");
            }
            throw in.corrupt("unknown release " + release
                    + " in the first byte (Reprise reads releases 113, 114, 115, 117, 118 and 119)");
        }
        in.order(byteorder == 1 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        in.u8("the header");
        int nvar = in.u16("the number of variables");
        long nobs = in.u32("the number of observations");
        DtaText text = new DtaText(false);
        String datasetLabel = text.field(in.bytes(81, "the dataset label"), 0, 81);
        in.skip(18, "the time stamp");
        int[] types = new int[nvar];
        byte[] typlist = in.bytes(nvar, "the variable types");
        for (int j = 0; j < nvar; j++) {
            int code = typlist[j] & 0xff;
            types[j] = switch (code) {
                case 251 -> BYTE;
                case 252 -> INT;
                case 253 -> LONG;
                case 254 -> FLOAT;
                case 255 -> DOUBLE;
                default -> {
                    if (code < 1 || code > 244) {
                        throw in.corrupt("variable " + (j + 1) + " has type code " + code);
                    }
                    yield code;
                }
            };
        }
        String[] names = fields(in, text, nvar, 33, "the variable names");
        in.skip(2L * (nvar + 1), "the sort list");
        in.skip((long) nvar * (release == 113 ? 12 : 49), "the display formats");
        String[] labelSets = fields(in, text, nvar, 33, "the value-label names");
        String[] variableLabels = fields(in, text, nvar, 81, "the variable labels");
        while (true) {
            int type = in.u8("the expansion fields");
            long len = in.u32("the expansion fields");
            if (type == 0 && len == 0) {
                break;
            }
            in.skip(len, "the expansion fields");
        }
        return finish(in, release, nvar, nobs, types, names, labelSets, variableLabels, datasetLabel, text);
    }

    private static DtaLayout readTagged(DtaInput in) {
        in.expect("stata_dta>");
        in.expect("<header>");
        in.expect("<release>");
        String rel = new String(in.bytes(3, "the release number"), StandardCharsets.ISO_8859_1);
        int release;
        try {
            release = Integer.parseInt(rel);
        } catch (NumberFormatException e) {
            throw in.corrupt("the release number is '" + rel + "'");
        }
        if (release != 117 && release != 118 && release != 119) {
            throw in.corrupt("unknown release " + release + " (Reprise reads releases 113-115 and 117-119); re-save it with"
                    + " `saveold` version 13 or later");
        }
        in.expect("</release>");
        in.expect("<byteorder>");
        String bo = new String(in.bytes(3, "the byte order"), StandardCharsets.ISO_8859_1);
        if (bo.equals("MSF")) {
            in.order(ByteOrder.BIG_ENDIAN);
        } else if (bo.equals("LSF")) {
            in.order(ByteOrder.LITTLE_ENDIAN);
        } else {
            throw in.corrupt("byte order '" + bo + "' (expected MSF or LSF)");
        }
        in.expect("</byteorder>");
        in.expect("<K>");
        long k = release == 119 ? in.u32("the number of variables") : in.u16("the number of variables");
        in.expect("</K>");
        in.expect("<N>");
        long nobs = release == 117 ? in.u32("the number of observations") : in.u64("the number of observations");
        in.expect("</N>");
        if (k > 1_000_000) {
            throw in.corrupt("the header claims " + k + " variables");
        }
        int nvar = (int) k;
        DtaText text = new DtaText(release >= 118);
        in.expect("<label>");
        int labelLen = release == 117 ? in.u8("the dataset label") : in.u16("the dataset label");
        String datasetLabel = text.decode(in.bytes(labelLen, "the dataset label"), 0, labelLen);
        in.expect("</label>");
        in.expect("<timestamp>");
        in.skip(in.u8("the time stamp"), "the time stamp");
        in.expect("</timestamp>");
        in.expect("</header>");
        in.expect("<map>");
        in.skip(14 * 8, "the map");
        in.expect("</map>");
        in.expect("<variable_types>");
        int[] types = new int[nvar];
        for (int j = 0; j < nvar; j++) {
            int code = in.u16("the variable types");
            types[j] = switch (code) {
                case 65530 -> BYTE;
                case 65529 -> INT;
                case 65528 -> LONG;
                case 65527 -> FLOAT;
                case 65526 -> DOUBLE;
                case 32768 -> STRL;
                default -> {
                    if (code < 1 || code > 2045) {
                        throw in.corrupt("variable " + (j + 1) + " has type code " + code);
                    }
                    yield code;
                }
            };
        }
        in.expect("</variable_types>");
        int nameLen = release == 117 ? 33 : 129;
        in.expect("<varnames>");
        String[] names = fields(in, text, nvar, nameLen, "the variable names");
        in.expect("</varnames>");
        in.expect("<sortlist>");
        in.skip((long) (nvar + 1) * (release == 119 ? 4 : 2), "the sort list");
        in.expect("</sortlist>");
        in.expect("<formats>");
        in.skip((long) nvar * (release == 117 ? 49 : 57), "the display formats");
        in.expect("</formats>");
        in.expect("<value_label_names>");
        String[] labelSets = fields(in, text, nvar, nameLen, "the value-label names");
        in.expect("</value_label_names>");
        in.expect("<variable_labels>");
        String[] variableLabels = fields(in, text, nvar, release == 117 ? 81 : 321, "the variable labels");
        in.expect("</variable_labels>");
        in.expect("<characteristics>");
        while (in.peek(4, "the characteristics").equals("<ch>")) {
            in.expect("<ch>");
            in.skip(in.u32("a characteristic"), "a characteristic");
            in.expect("</ch>");
        }
        in.expect("</characteristics>");
        in.expect("<data>");
        return finish(in, release, nvar, nobs, types, names, labelSets, variableLabels, datasetLabel, text);
    }

    private static DtaLayout finish(DtaInput in, int release, int nvar, long nobs, int[] types, String[] names,
                                    String[] labelSets, String[] variableLabels, String datasetLabel, DtaText text) {
        Set<String> seen = new HashSet<>();
        for (int j = 0; j < nvar; j++) {
            if (names[j].isEmpty()) {
                throw in.corrupt("variable " + (j + 1) + " has an empty name");
            }
            if (!seen.add(names[j])) {
                throw in.corrupt("the variable name " + names[j] + " appears twice");
            }
        }
        int width = 0;
        for (int t : types) {
            width += width(t);
        }
        long need = nobs * (long) width;
        if (nobs < 0 || nobs > Integer.MAX_VALUE - 8 || (width > 0 && nobs > Long.MAX_VALUE / width)) {
            throw new UserError(in.file() + ": the .dta file has " + Long.toUnsignedString(nobs)
                    + " observations, more than Reprise can hold (" + (Integer.MAX_VALUE - 8)
                    + "); keep fewer observations in Stata before saving.");
        }
        if (in.position() + need > in.size()) {
            throw in.truncated("the observations (the header promises " + nobs + " observations of " + width
                    + " bytes each, " + need + " bytes, but only " + (in.size() - in.position()) + " bytes follow)");
        }
        return new DtaLayout(release, in.order(), nvar, (int) nobs, types, names, labelSets, variableLabels,
                datasetLabel, text);
    }

    private static String[] fields(DtaInput in, DtaText text, int n, int len, String what) {
        byte[] b = in.bytes(n * len, what);
        String[] out = new String[n];
        for (int j = 0; j < n; j++) {
            out[j] = text.field(b, j * len, len);
        }
        return out;
    }
}
