package org.reprise.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.reprise.UserError;

/**
 * The parallel path of {@link CsvReader} for large files of plain numbers: the data rows are split into byte ranges
 * at line ends and each range is parsed on its own (all cores) into its own columns by the same cell rules
 * ({@link CsvReader.Pass1}); the ranges' columns are then joined in file order. It takes only files it can read
 * exactly as the sequential reader does: a header line of plain or well-formed quoted fields, then data bytes
 * that are printable ASCII, tabs and line ends (LF or CRLF) with no quote characters, every column numeric. On
 * anything else (a quote, a non-ASCII byte, a column that turns out to hold text, any error such as a row of the
 * wrong length) it gives up and returns null, and the sequential reader reads the whole file, so results, type
 * inference and every error message (with its line number) are the sequential reader's. docs/data.md.
 */
final class CsvChunks {
    /** Bytes of data per range. */
    static final int CHUNK_BYTES = 1 << 24;
    /** Files smaller than this are read sequentially. */
    static final long MIN_BYTES = 1 << 25;
    /** The longest line a range reads beyond its end to finish its last row. */
    private static final int MAX_LINE = 1 << 20;

    private CsvChunks() {
    }

    /** Thrown inside a range to give up (the sequential reader decides). */
    private static final class GiveUp extends RuntimeException {
        GiveUp() {
            super("not for the parallel reader", null, false, false);
        }
    }

    /**
     * The dataset, or null when the file is not one this path takes (then read it sequentially).
     *
     * @param header parses the header line's bytes into a fresh {@link CsvReader.Pass1} with its header read (or
     *               throws the sequential reader's error about the header)
     */
    static Dataset read(Path file, String name, char delimiter, int chunkBytes, HeaderReader header) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            byte[] head = new byte[(int) Math.min(size, MAX_LINE)];
            readFully(ch, head, 0);
            int start = head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB
                    && (head[2] & 0xff) == 0xBF ? 3 : 0;
            int end = headerEnd(head, start, delimiter);
            if (end < 0) {
                return null;
            }
            CsvReader.Pass1 first = header.read();
            if (first == null) {
                return null;
            }
            long dataStart = end + 1L;
            int ranges = (int) Math.max(1, (size - dataStart + chunkBytes - 1) / chunkBytes);
            CsvReader.Pass1[] parts = new CsvReader.Pass1[ranges];
            AtomicBoolean failed = new AtomicBoolean();
            IntStream.range(0, ranges).parallel().forEach(r -> {
                if (failed.get()) {
                    return;
                }
                try {
                    long from = dataStart + (long) r * chunkBytes;
                    long to = Math.min(size, from + chunkBytes);
                    parts[r] = range(ch, size, from, to, r == 0, delimiter, first.forRange(), failed);
                } catch (GiveUp | UserError e) {
                    failed.set(true);
                } catch (IOException e) {
                    throw new UserError(name + ": cannot read the data file (" + e.getMessage() + ").", e);
                }
            });
            if (failed.get()) {
                return null;
            }
            return join(name, parts);
        } catch (IOException e) {
            throw new UserError(name + ": cannot read the data file (" + e.getMessage() + ").", e);
        }
    }

    /** Reads the header (the sequential reader's own code on the file's first line). */
    interface HeaderReader {
        CsvReader.Pass1 read();
    }

    /**
     * The position of the line feed that ends the header line, or -1 when the line is blank, has a quote that is
     * not a well-formed quoted field (RFC 4180: a field that starts and ends with a quote, quotes inside doubled),
     * a line feed inside quotes, a lone carriage return or no line end within the bytes read.
     */
    static int headerEnd(byte[] b, int start, char delimiter) {
        int i = start;
        boolean blank = true;
        while (i < b.length) {
            byte c = b[i];
            if (c == '\n') {
                return blank ? -1 : i;
            }
            if (c == '"') {
                if (i != start && b[i - 1] != delimiter) {
                    return -1; // a quote inside an unquoted field
                }
                i++;
                while (true) {
                    if (i >= b.length || b[i] == '\n') {
                        return -1;
                    }
                    if (b[i] == '"') {
                        if (i + 1 < b.length && b[i + 1] == '"') {
                            i += 2;
                            continue;
                        }
                        break;
                    }
                    i++;
                }
                i++; // past the closing quote: a delimiter or the line end must follow
                if (i < b.length && b[i] != delimiter && b[i] != '\n' && !(b[i] == '\r' && i + 1 < b.length
                        && b[i + 1] == '\n')) {
                    return -1;
                }
                blank = false;
                continue;
            }
            if (c == '\r' && !(i + 1 < b.length && b[i + 1] == '\n')) {
                return -1;
            }
            blank &= (c & 0xff) <= ' ';
            i++;
        }
        return -1;
    }

    /**
     * Parses the rows that start in [from, to) (range 0 starts at from; the others after the first line feed at or
     * after from - 1, the previous range finishing the row that straddles from).
     */
    private static CsvReader.Pass1 range(FileChannel ch, long size, long from, long to, boolean first, char delimiter,
                                         CsvReader.Pass1 pass, AtomicBoolean failed) throws IOException {
        long readFrom = first ? from : from - 1;
        long most = Math.min(size, to + MAX_LINE) - readFrom; // what this range may read at most
        int len = (int) Math.min(most, to - readFrom + 4096);
        byte[] b = new byte[len];
        readFully(ch, b, readFrom);
        int limit = (int) (to - readFrom); // rows must start before this
        int i = 0;
        if (!first) {
            while (true) {
                while (i < len && b[i] != '\n') {
                    i++;
                }
                if (i < len || len == most) {
                    break;
                }
                b = more(ch, b, readFrom, most);
                len = b.length;
            }
            i++;
        }
        char[] line = new char[256];
        int[] cellStart = new int[64];
        int rows = 0;
        while (i < limit) {
            // one pass over the line: check the bytes, copy them as chars, note where the cells start
            int e = i;
            int n = 0;
            int crs = 0;
            cellStart[n++] = 0;
            while (true) {
                while (e < len) {
                    byte c = b[e];
                    if (c == '\n') {
                        break;
                    }
                    if (c < ' ' && c != '\t' && c != '\r' || c == '"') {
                        throw new GiveUp(); // also every byte >= 0x80 (negative)
                    }
                    int k = e - i;
                    if (k == line.length) {
                        line = java.util.Arrays.copyOf(line, 2 * k);
                    }
                    line[k] = (char) c;
                    if (c == delimiter) {
                        if (n == cellStart.length) {
                            cellStart = java.util.Arrays.copyOf(cellStart, n * 2);
                        }
                        cellStart[n++] = k + 1;
                    } else if (c == '\r') {
                        crs++;
                    }
                    e++;
                }
                if (e < len || readFrom + len == size) {
                    break;
                }
                if (len == most) {
                    throw new GiveUp(); // a line longer than MAX_LINE
                }
                b = more(ch, b, readFrom, most);
                len = b.length;
            }
            int width = e - i;
            if (width > 0 && line[width - 1] == '\r') {
                width--; // CRLF
                crs--;
            }
            if (crs > 0) {
                throw new GiveUp(); // a carriage return that does not end the line
            }
            i = e + 1;
            if (n == 1 && isBlank(line, width)) {
                continue; // a blank line
            }
            pass.rowStart(-1, -1);
            for (int c = 0; c < n; c++) {
                int off = cellStart[c];
                int end = c + 1 < n ? cellStart[c + 1] - 1 : width;
                pass.cell(c, line, off, end - off);
            }
            pass.rowEnd(n);
            if ((++rows & 1023) == 0 && (failed.get() || pass.hasText())) {
                throw new GiveUp();
            }
        }
        if (pass.hasText()) {
            throw new GiveUp();
        }
        return pass;
    }

    /** b with up to as many bytes again read after it (at most {@code most} in all). */
    private static byte[] more(FileChannel ch, byte[] b, long readFrom, long most) throws IOException {
        int len = (int) Math.min(most, 2L * b.length + 4096);
        byte[] out = java.util.Arrays.copyOf(b, len);
        byte[] tail = new byte[len - b.length];
        readFully(ch, tail, readFrom + b.length);
        System.arraycopy(tail, 0, out, b.length, tail.length);
        return out;
    }

    private static boolean isBlank(char[] b, int len) {
        for (int i = 0; i < len; i++) {
            if (b[i] > ' ') {
                return false;
            }
        }
        return true;
    }

    /** The ranges' columns, in file order; each range's values are released as they are copied. */
    private static Dataset join(String name, CsvReader.Pass1[] parts) {
        long total = 0;
        for (CsvReader.Pass1 p : parts) {
            total += p.rows;
        }
        if (total == 0 || total >= Integer.MAX_VALUE - 8) {
            return null; // the sequential reader's message (or its handling of a header-only file)
        }
        int cols = parts[0].builders.length;
        List<Column> out = new ArrayList<>();
        for (int j = 0; j < cols; j++) {
            double[] v = new double[(int) total];
            int at = 0;
            for (CsvReader.Pass1 p : parts) {
                at = p.builders[j].moveNumbers(v, at);
            }
            out.add(new NumericColumn(parts[0].builders[j].name, v));
        }
        return new Dataset(name, (int) total, out);
    }

    private static void readFully(FileChannel ch, byte[] into, long at) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(into);
        long pos = at;
        while (buf.hasRemaining()) {
            int n = ch.read(buf, pos);
            if (n < 0) {
                throw new IOException("the file ended early");
            }
            pos += n;
        }
    }
}
